import { Box, Text } from 'ink';
import { formatPercent } from '../../../core/format.js';
import type { Lang } from '../../../core/i18n.js';
import { ioErrorWords } from '../../../core/words/io-errors.js';
import type { JobResult } from '../../../erasure/jobs/run-jobs.js';
import { roomFor } from '../components/frame.js';
import { marker } from '../components/item-rows.js';
import { ItemList } from '../components/item-view.js';
import { type Line, type Row, ScrollList, TextLines } from '../components/scroll-list.js';
import { indented, wrap } from '../layout.js';
import { focusedItem, itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { colon, consoleSafe, RESULT_WORDS, W } from '../wording.js';
import { tookWords } from './time-words.js';

const COLOURS = {
  ERASED: 'green',
  ERASED_WITH_EXCEPTIONS: 'yellow',
  FAILED: 'red',
  ABORTED: 'yellow',
} as const;

function resultRow(r: JobResult, lang: Lang, focused: boolean): Row {
  const v = r.outcome?.verification;
  const verified =
    v?.passed === true
      ? `${W.verified[lang]} (${formatPercent(v.coverage, lang)})`
      : v?.passed === false
        ? W.notVerified[lang]
        : '';
  const path = r.job.drive.path;
  const lines: Line[] = [
    [
      { text: `${marker(focused)}${path.padEnd(13)} ` },
      { text: RESULT_WORDS[r.result][lang], bold: true, color: COLOURS[r.result] },
      { text: `  ${verified}  ${r.outcome ? tookWords(r.outcome.seconds, lang) : ''}` },
    ],
  ];
  for (const e of r.errors.slice(0, 2)) {
    const text = `${W.errorWord[lang]} ${consoleSafe(ioErrorWords(e)[lang])}`;
    lines.push(...indented(text, '     ').map((t): Line => [{ text: t, color: 'red' }]));
  }
  if (r.errors.length > 2) lines.push([{ text: `     (+${r.errors.length - 2})`, color: 'red' }]);
  if (r.result === 'ABORTED')
    lines.push(...indented(W.resumeHint[lang], '     ').map((t): Line => [{ text: t, color: 'yellow' }]));
  return { key: path, lines };
}

/** The diagnostics verdict with its letters explained (the full list is on the diagnostics screen). */
export function gradeLines(state: GuideState): string[] {
  const { lang, diag } = state;
  if (!diag.summary) return wrap(W.gradeUnavailable[lang]);
  return [
    ...wrap(`${W.diagGrade[lang]}${colon(lang)}${consoleSafe(diag.summary.headline[lang])}`),
    ...diag.summary.explanations.flatMap((d) => indented(consoleSafe(d[lang]), '  ')),
  ];
}

export function ResultsScreen({ state }: { state: GuideState }) {
  const { lang, erase } = state;
  const results = erase.results ?? [];
  const item = focusedItem(state);
  const rows = results.map((r) => resultRow(r, lang, item?.kind === 'line' && item.id === r.job.drive.path));
  const error = erase.error ? wrap(`${W.eraseFailed[lang]}${colon(lang)}${consoleSafe(erase.error)}`) : [];
  const grade = gradeLines(state);
  const budget = roomFor(state) - error.length - 1 - grade.length - 1 - 1;
  return (
    <Box flexDirection="column">
      <TextLines lines={error} color="red" />
      {results.length === 0 && !erase.error ? <Text>{W.noErase[lang]}</Text> : null}
      <ScrollList rows={rows} focus={state.focus} budget={budget} lang={lang} glyphs={state.glyphs} />
      <Text> </Text>
      <TextLines lines={grade} bold />
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['button']} />
    </Box>
  );
}
