import { Box, Text } from 'ink';
import { ItemList } from '../components/item-view.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { W } from '../wording.js';

export function NextScreen({ state }: { state: GuideState }) {
  return (
    <Box flexDirection="column">
      <Text>{W.nextHelp[state.lang]}</Text>
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['button']} />
    </Box>
  );
}
