import { Box, Text } from 'ink';
import { ItemList } from '../components/item-view.js';
import { TextLines } from '../components/scroll-list.js';
import { wrap } from '../layout.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { consoleSafe, W } from '../wording.js';
import { unlinkedLines } from './hub-lines.js';

export function WelcomeScreen({ state }: { state: GuideState }) {
  const { lang } = state;
  const unlinked = unlinkedLines(state, 'before');
  return (
    <Box flexDirection="column">
      <Text bold>{W.appName[lang]}</Text>
      <Text> </Text>
      <TextLines lines={wrap(W.welcomeIntro[lang])} />
      <TextLines lines={wrap(W.welcomeSafe[lang])} />
      {state.signingNotice ? (
        // Unsigned certificates prove nothing: said before the first drive, with how to fix it (technician).
        <Box flexDirection="column" marginTop={1}>
          <TextLines lines={wrap(W.unsignedTitle[lang])} color="yellow" bold />
          <TextLines lines={wrap(consoleSafe(state.signingNotice[lang]))} color="gray" />
        </Box>
      ) : null}
      {unlinked.lines.length > 0 ? (
        // Netbooted without a hub: the reports of this session die with the PC; said before the first drive.
        <Box flexDirection="column" marginTop={1}>
          <TextLines lines={unlinked.lines} color="yellow" bold />
        </Box>
      ) : null}
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['field', 'button', 'toggle']} />
    </Box>
  );
}
