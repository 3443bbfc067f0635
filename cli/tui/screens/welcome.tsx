import { Box, Text } from 'ink';
import { ItemList } from '../components/item-view.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { W } from '../wording.js';

export function WelcomeScreen({ state }: { state: GuideState }) {
  const { lang } = state;
  return (
    <Box flexDirection="column">
      <Text bold>{W.appName[lang]}</Text>
      <Text> </Text>
      <Text>{W.welcomeIntro[lang]}</Text>
      <Text>{W.welcomeSafe[lang]}</Text>
      <Text> </Text>
      <Text>{`  ${W.language[lang]}`}</Text>
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['field', 'button']} />
    </Box>
  );
}
