import { Box, Text } from 'ink';
import { formatSize } from '../../../core/format.js';
import { TRANSPORT_WORDS } from '../../../core/words/transports.js';
import { ItemList } from '../components/item-view.js';
import { TextLines } from '../components/scroll-list.js';
import { wrap } from '../layout.js';
import { itemsFor } from '../state/items.js';
import { confirmSteps, TECHNICIAN_WORD } from '../state/reducer.js';
import type { GuideState } from '../state/types.js';
import { colon, consoleSafe, W } from '../wording.js';

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
  // A batch names every drive (wrapped, never cut); a single drive gets its full identity.
  const identity =
    entries.length > 1
      ? wrap(
          `${entries.length} ${W.drivesWord[lang]}${colon(lang)}${entries.map((e) => e.drive.path).join(', ')}`,
          76,
        )
      : entries.flatMap(({ drive }) => [
          `${drive.path}   ${formatSize(drive.sizeBytes, lang)}   (${TRANSPORT_WORDS[drive.transport][lang]})`,
          `${W.model[lang]}${colon(lang)}${consoleSafe(drive.model ?? W.unknown[lang])}`,
          `${W.serial[lang]}${colon(lang)}${consoleSafe(drive.serial ?? W.unknown[lang])}`,
        ]);
  return (
    <Box flexDirection="column">
      <Text color="red" bold>
        {`!! ${(state.technician ? W.confirmTitleBatch : W.confirmTitle)[lang]} !!`}
      </Text>
      {steps.length > 1 ? <Text>{`(${state.confirm.step + 1}/${steps.length})`}</Text> : null}
      <Text> </Text>
      <Box flexDirection="column" marginLeft={2}>
        <TextLines lines={identity} />
      </Box>
      <Text> </Text>
      <TextLines lines={wrap(ask)} bold />
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['field', 'button']} />
    </Box>
  );
}
