import { Box, Text } from 'ink';
import type { Text as Words } from '../../../core/i18n.js';
import { ItemList } from '../components/item-view.js';
import { TextLines } from '../components/scroll-list.js';
import { wrap } from '../layout.js';
import { hubHolds } from '../state/hub.js';
import { itemsFor } from '../state/items.js';
import { erasedHere } from '../state/navigation.js';
import type { GuideState } from '../state/types.js';
import { HUB_WORDS, W } from '../wording.js';

/** What leaving means now: nothing erased at all, nothing on this machine, or this machine's work recorded. */
export function leavingWords(state: GuideState): Words {
  // Netbooted, leaving with reports still in RAM only: the one thing to say is to keep the PC on.
  if (hubHolds(state)) return HUB_WORDS.quitHeld;
  if (erasedHere(state) > 0) return W.quitDone;
  return state.erasedBefore > 0 ? W.quitNothingHere : W.quitNothing;
}

/** Ctrl-C anywhere but during an erasure: a question, never an abrupt exit. "Non" comes first. */
export function QuitScreen({ state }: { state: GuideState }) {
  const { lang } = state;
  return (
    <Box flexDirection="column">
      <Text bold color="yellow">{`*** ${W.quitTitle[lang].toUpperCase()} ***`}</Text>
      <Text> </Text>
      <TextLines lines={wrap(leavingWords(state)[lang])} bold />
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['button']} />
    </Box>
  );
}

/** The last frame, left on the terminal when the guide ends. */
export function GoodbyeScreen({ state }: { state: GuideState }) {
  const { lang } = state;
  return (
    <Box flexDirection="column" width={80}>
      <Text bold>{`gomme : ${(state.powerOffRequested ? W.poweringOff : W.goodbye)[lang]}`}</Text>
      <TextLines lines={wrap(leavingWords(state)[lang])} />
    </Box>
  );
}
