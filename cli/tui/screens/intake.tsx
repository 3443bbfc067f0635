import { Box, Text } from 'ink';
import { ItemList } from '../components/item-view.js';
import { TextLines } from '../components/scroll-list.js';
import { wrap } from '../layout.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { W } from '../wording.js';

export function IntakeScreen({ state }: { state: GuideState }) {
  const items = itemsFor(state);
  return (
    <Box flexDirection="column">
      <TextLines lines={wrap(W.intakeHelp[state.lang])} />
      <Text> </Text>
      <ItemList state={state} items={items} kinds={['field', 'toggle']} />
      <Text> </Text>
      <ItemList state={state} items={items} kinds={['button']} />
    </Box>
  );
}
