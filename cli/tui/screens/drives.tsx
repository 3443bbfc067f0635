import { Box, Text } from 'ink';
import { formatSize } from '../../../core/format.js';
import { formatEstimate } from '../../../core/format-time.js';
import { NIST_LEVEL_WORDS } from '../../../core/words/levels.js';
import { methodWords } from '../../../core/words/methods.js';
import { verifyModeWords } from '../../../core/words/verification.js';
import { ItemList } from '../components/item-view.js';
import type { DriveEntry } from '../services.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { consoleSafe, PROTECTION_WORDS, W } from '../wording.js';

function clip(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, width - 3)}...` : s;
}

function DriveRow({
  entry,
  state,
  focusedPath,
}: {
  entry: DriveEntry;
  state: GuideState;
  focusedPath: string | null;
}) {
  const { lang } = state;
  const d = entry.drive;
  const ident = `${d.path.padEnd(13)} ${formatSize(d.sizeBytes, lang).padStart(8)}  ${clip(consoleSafe(d.model ?? '?'), 16).padEnd(16)} ${W.serialShort[lang]} ${clip(consoleSafe(d.serial ?? '?'), 12)}`;
  if (entry.refusal !== null || entry.plan === null || d.protected) {
    // Greyed AND labelled: the reason is in words, and there is no box to tick.
    const p = d.protections[0];
    // The reason in plain words, then the technical detail for the supervisor (clipped to the line).
    const reason = p
      ? `${PROTECTION_WORDS[p.reason][lang]} (${consoleSafe(p.detail[lang])})`
      : consoleSafe(entry.refusal?.[lang] ?? '');
    return (
      <Box flexDirection="column">
        <Text color="gray">{`      ${clip(ident, 72)}`}</Text>
        <Text color="gray">{`        ${W.protectedLabel[lang]} : ${clip(reason, 60)}`}</Text>
      </Box>
    );
  }
  const focused = focusedPath === d.path;
  const ticked = state.selected.includes(d.path);
  return (
    <Text>
      {focused ? '> ' : '  '}
      <Text inverse={focused} bold={ticked}>{`${ticked ? '[X]' : '[ ]'} ${clip(ident, 70)}`}</Text>
    </Text>
  );
}

export function DrivesScreen({ state }: { state: GuideState }) {
  const { lang, drives } = state;
  const items = itemsFor(state);
  const focused = items[state.focus];
  const focusedPath = focused?.kind === 'drive' ? focused.id : null;
  if (drives.status !== 'ready') {
    return (
      <Box flexDirection="column">
        {drives.status === 'loading' ? <Text>{W.drivesLoading[lang]}</Text> : null}
        {drives.status === 'failed' ? (
          <Text color="red">{`${W.drivesFailed[lang]} : ${consoleSafe(drives.message)}`}</Text>
        ) : null}
        <ItemList state={state} items={items} kinds={['button']} />
      </Box>
    );
  }
  const { entries, onlyDevices } = drives.found;
  const chosen = entries.filter((e) => state.selected.includes(e.drive.path) && e.plan);
  const shown = chosen[0]?.plan ?? entries.find((e) => e.drive.path === focusedPath)?.plan ?? null;
  const total = chosen.reduce((sum, e) => Math.max(sum, e.plan?.estimatedSeconds ?? 0), 0);
  const method = shown ? methodWords(shown.job.methodId) : null;
  return (
    <Box flexDirection="column">
      <Text>{W.drivesHelp[lang]}</Text>
      {onlyDevices ? (
        <Text color="yellow">{`${W.onlyDevices[lang]} : ${onlyDevices.join(', ')}`}</Text>
      ) : null}
      <Text> </Text>
      {entries.length === 0 ? <Text>{W.drivesNone[lang]}</Text> : null}
      {entries.slice(0, 8).map((entry) => (
        <DriveRow key={entry.drive.path} entry={entry} state={state} focusedPath={focusedPath} />
      ))}
      <Text> </Text>
      {shown ? (
        <Box flexDirection="column" marginLeft={2}>
          <Text>{`${W.method[lang]} : ${consoleSafe(method?.[lang] ?? shown.job.methodLabel)}, ${W.nist[lang]} : ${NIST_LEVEL_WORDS[shown.job.nistLevel][lang]}`}</Text>
          <Text>{`${W.verify[lang]} : ${verifyModeWords(shown.job.verify)[lang]}`}</Text>
          <Text>{`${chosen.length > 0 ? W.totalEstimate[lang] : W.estimate[lang]} : ${formatEstimate(chosen.length > 0 ? total : shown.estimatedSeconds, lang)}`}</Text>
          {shown.notes[0] ? <Text color="gray">{clip(consoleSafe(shown.notes[0][lang]), 76)}</Text> : null}
        </Box>
      ) : null}
      <ItemList state={state} items={items} kinds={['button']} />
    </Box>
  );
}
