import { Box, Text } from 'ink';
import { ItemList } from '../components/item-view.js';
import { TextLines } from '../components/scroll-list.js';
import { wrap } from '../layout.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { consoleSafe, W } from '../wording.js';

export function MachineScreen({ state }: { state: GuideState }) {
  const { lang, machine } = state;
  const show = (value: string | null | undefined) => (value ? consoleSafe(value) : `(${W.unknown[lang]})`);
  return (
    <Box flexDirection="column">
      <TextLines lines={wrap(W.machineAsk[lang])} />
      <Text> </Text>
      {machine.status === 'loading' ? <Text>{W.reading[lang]}</Text> : null}
      {machine.status === 'failed' ? (
        <TextLines lines={wrap(consoleSafe(machine.message))} color="yellow" />
      ) : null}
      {machine.status === 'read' ? (
        <Box flexDirection="column" marginLeft={2}>
          <Text>{`${W.vendor[lang].padEnd(18)}: ${show(machine.identity.vendor)}`}</Text>
          <Text>{`${W.model[lang].padEnd(18)}: ${show(machine.identity.model)}`}</Text>
          <Text bold>{`${W.serial[lang].padEnd(18)}: ${show(machine.identity.serial)}`}</Text>
          {state.intake.assetTag ? (
            <Text>{`${W.assetTagShort[lang].padEnd(18)}: ${consoleSafe(state.intake.assetTag)}`}</Text>
          ) : null}
        </Box>
      ) : null}
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['button']} />
    </Box>
  );
}
