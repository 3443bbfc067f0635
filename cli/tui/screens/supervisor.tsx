import { Box, Text } from 'ink';
import { ItemList } from '../components/item-view.js';
import { TextLines } from '../components/scroll-list.js';
import { wrap } from '../layout.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { W } from '../wording.js';

/** Shown over any screen when the trainee picks "je ne sais pas": the flow waits, nothing runs. */
export function SupervisorScreen({ state }: { state: GuideState }) {
  const { lang } = state;
  return (
    <Box flexDirection="column">
      <Text bold color="yellow">{`*** ${W.supervisorTitle[lang].toUpperCase()} ***`}</Text>
      <Text> </Text>
      <TextLines lines={wrap(W.supervisorBody[lang])} />
      <TextLines lines={wrap(W.supervisorSafe[lang])} />
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['button']} />
    </Box>
  );
}
