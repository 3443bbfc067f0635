import { Box, Text } from 'ink';
import { NIST_LEVEL_WORDS } from '../../../core/words/levels.js';
import { methodWords } from '../../../core/words/methods.js';
import { verifyModeWords } from '../../../core/words/verification.js';
import { roomFor } from '../components/frame.js';
import { ItemList } from '../components/item-view.js';
import { ScrollList, TextLines } from '../components/scroll-list.js';
import { anchorRow, indented, wrap } from '../layout.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { colon, consoleSafe, W } from '../wording.js';
import { driveRow } from './drive-rows.js';
import { estimateWords } from './time-words.js';

/** The plan of the drives ticked (or of the focused one): method, verification, time; the note in full. */
function planLines(state: GuideState, focusedPath: string | null): string[] {
  if (state.drives.status !== 'ready') return [];
  const { lang } = state;
  const { entries } = state.drives.found;
  const chosen = entries.filter((e) => state.selected.includes(e.drive.path) && e.plan);
  // The same block whatever the focus, so the screen does not jump: ticked, else focused, else the first drive.
  const shown =
    chosen[0]?.plan ??
    entries.find((e) => e.drive.path === focusedPath)?.plan ??
    entries.find((e) => e.plan)?.plan ??
    null;
  if (!shown) return [];
  const method = methodWords(shown.job.methodId);
  const total = chosen.reduce((longest, e) => Math.max(longest, e.plan?.estimatedSeconds ?? 0), 0);
  // The ticked drives by name: after Esc from the confirmation they may be scrolled out of the list.
  const names = chosen.map((e) => e.drive.path.replace('/dev/', '')).join(', ');
  const estimate =
    chosen.length > 0
      ? `${W.ticked[lang]}${colon(lang)}${names} - ${W.totalEstimate[lang]}${colon(lang)}${estimateWords(total, lang)}`
      : `${W.estimate[lang]}${colon(lang)}${estimateWords(shown.estimatedSeconds, lang)}`;
  return [
    ...indented(
      `${W.method[lang]}${colon(lang)}${consoleSafe(method?.[lang] ?? shown.job.methodLabel)}, ${W.nist[lang]}${colon(lang)}${NIST_LEVEL_WORDS[shown.job.nistLevel][lang]}`,
      '  ',
    ),
    ...indented(`${W.verify[lang]}${colon(lang)}${verifyModeWords(shown.job.verify)[lang]}`, '  '),
    ...indented(estimate, '  '),
    ...(shown.notes[0] ? indented(consoleSafe(shown.notes[0][lang]), '  ') : []),
  ];
}

export function DrivesScreen({ state }: { state: GuideState }) {
  const { lang, drives } = state;
  const items = itemsFor(state);
  const focused = items[state.focus];
  const focusedPath = focused?.kind === 'drive' ? focused.id : null;
  // On a locked drive's button, its row stays in view and its plan is the one shown.
  const shownPath = focused?.kind === 'drive' || focused?.kind === 'unlock' ? focused.id : null;
  if (drives.status !== 'ready') {
    return (
      <Box flexDirection="column">
        {drives.status === 'loading' ? <Text>{W.drivesLoading[lang]}</Text> : null}
        {drives.status === 'failed' ? (
          <TextLines
            lines={wrap(`${W.drivesFailed[lang]}${colon(lang)}${consoleSafe(drives.message)}`)}
            color="red"
          />
        ) : null}
        <ItemList state={state} items={items} kinds={['button']} />
      </Box>
    );
  }
  const { entries, onlyDevices } = drives.found;
  const header = [
    ...wrap(W.drivesHelp[lang]),
    ...(onlyDevices ? wrap(`${W.onlyDevices[lang]} ${onlyDevices.length} ${W.drivesWord[lang]}`) : []),
    ...(state.signingNotice ? wrap(W.unsignedShort[lang]) : []),
  ];
  const plan = planLines(state, shownPath);
  const buttons = items.filter((i) => i.kind === 'button' || i.kind === 'unlock').length;
  // Header, blank, list, blank, plan, buttons: the list gets what is left of the 25 rows.
  const budget = roomFor(state) - header.length - 2 - plan.length - buttons;
  const rows = entries.map((e) => driveRow(e, state, focusedPath));
  const firstButton = items.findIndex((i) => i.kind !== 'drive');
  const anchor = anchorRow(
    entries.findIndex((e) => e.drive.path === shownPath),
    state.focus,
    firstButton,
    rows.length,
  );
  return (
    <Box flexDirection="column">
      <TextLines lines={header} />
      <Text> </Text>
      {entries.length === 0 ? <Text>{W.drivesNone[lang]}</Text> : null}
      <ScrollList rows={rows} focus={anchor} budget={budget} lang={lang} glyphs={state.glyphs} />
      <Text> </Text>
      <TextLines lines={plan} />
      <ItemList state={state} items={items} kinds={['unlock', 'button']} />
    </Box>
  );
}
