import { Box, Text } from 'ink';
import { formatSize } from '../../../core/format.js';
import { ItemList } from '../components/item-view.js';
import { itemsFor } from '../state/items.js';
import { confirmSteps, TECHNICIAN_WORD } from '../state/reducer.js';
import type { GuideState } from '../state/types.js';
import { consoleSafe, W } from '../wording.js';

/** One drive at a time: its identity, then the code the trainee reads off the drive's serial. */
export function ConfirmScreen({ state }: { state: GuideState }) {
  const { lang } = state;
  const steps = confirmSteps(state);
  const paths = steps[state.confirm.step] ?? [];
  const entries =
    state.drives.status === 'ready'
      ? state.drives.found.entries.filter((e) => paths.includes(e.drive.path))
      : [];
  const first = entries[0]?.drive;
  const ask = state.technician
    ? `${W.confirmTechnician[lang]} ${TECHNICIAN_WORD[lang]}`
    : first?.serial && first.serial.length >= 4
      ? W.confirmSerial[lang]
      : `${W.confirmName[lang]} ${first?.path.replace('/dev/', '') ?? ''}`;
  return (
    <Box flexDirection="column">
      <Text color="red" bold>
        {`!! ${(state.technician ? W.confirmTitleBatch : W.confirmTitle)[lang]} !!`}
      </Text>
      {steps.length > 1 ? <Text>{`(${state.confirm.step + 1}/${steps.length})`}</Text> : null}
      <Text> </Text>
      {entries.map(({ drive }) => (
        <Box key={drive.path} flexDirection="column" marginLeft={2}>
          <Text bold>{`${drive.path}   ${formatSize(drive.sizeBytes, lang)}`}</Text>
          <Text>{`${W.model[lang]} : ${consoleSafe(drive.model ?? W.unknown[lang])}`}</Text>
          <Text>{`${W.serial[lang]} : ${consoleSafe(drive.serial ?? W.unknown[lang])}`}</Text>
        </Box>
      ))}
      <Text> </Text>
      <Text bold>{ask}</Text>
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['field', 'button']} />
    </Box>
  );
}
