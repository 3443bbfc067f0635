import { Box, Text } from 'ink';
import { ItemList } from '../components/item-view.js';
import { TextLines } from '../components/scroll-list.js';
import { wrap } from '../layout.js';
import { hubHolds } from '../state/hub.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { HUB_WORDS, W } from '../wording.js';
import { hubLines } from './hub-lines.js';

export function NextScreen({ state }: { state: GuideState }) {
  const hub = hubLines(state);
  const held = hubHolds(state);
  return (
    <Box flexDirection="column">
      <Text>{W.nextHelp[state.lang]}</Text>
      {hub.lines.length > 0 ? <Text> </Text> : null}
      <TextLines lines={hub.lines} {...(hub.warn ? { color: 'yellow', bold: true } : {})} />
      {held ? <TextLines lines={wrap(HUB_WORDS.waitNext[state.lang])} bold /> : null}
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['button']} />
    </Box>
  );
}
