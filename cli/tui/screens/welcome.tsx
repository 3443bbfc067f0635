import { Box, Text } from 'ink';
import { ItemList } from '../components/item-view.js';
import { TextLines } from '../components/scroll-list.js';
import { wrap } from '../layout.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { consoleSafe, W } from '../wording.js';

export function WelcomeScreen({ state }: { state: GuideState }) {
  const { lang } = state;
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
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['field', 'button', 'toggle']} />
    </Box>
  );
}
