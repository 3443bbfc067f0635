import { Box, Text } from 'ink';
import type { Lang } from '../../../core/i18n.js';
import { testName, VERDICT_WORDS } from '../../../diagnostics/grading/verdict-words.js';
import { roomFor } from '../components/frame.js';
import { itemRows, marker } from '../components/item-rows.js';
import { ItemList } from '../components/item-view.js';
import { type Line, type Row, ScrollList, TextLines } from '../components/scroll-list.js';
import { anchorRow, indented, wrap } from '../layout.js';
import type { DiagRow, TestLine } from '../services.js';
import { focusedItem, itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { colon, consoleSafe, W } from '../wording.js';

const VERDICT_COLOURS = {
  pass: 'green',
  warn: 'yellow',
  fail: 'red',
  'not-present': 'gray',
  untested: 'yellow',
};

/** One test of the result: its verdict in the same words as the automatic line, the reason in full below. */
function testRow(row: DiagRow, lang: Lang, focused: boolean): Row {
  const lines: Line[] = [
    [
      { text: marker(focused) },
      { text: VERDICT_WORDS[row.verdict][lang].padEnd(11), color: VERDICT_COLOURS[row.verdict], bold: true },
      { text: ` ${consoleSafe(row.name[lang])}` },
    ],
  ];
  if (row.reason)
    lines.push(...indented(consoleSafe(row.reason[lang]), ' '.repeat(14)).map((t): Line => [{ text: t }]));
  return { key: row.id, lines };
}

/** "Tests automatiques (en arrière-plan) : 4 terminés ; en cours : mémoire" (verdicts are on the result). */
export function autoLine(tests: readonly TestLine[], lang: Lang): string {
  const running = tests.filter((t) => t.status === 'running');
  const done = tests.length - running.length;
  const names = running.map((t) => testName(t.name)[lang]).join(', ');
  return `${W.diagAuto[lang]}${colon(lang)}${done} ${W.autoDone[lang]}${running.length > 0 ? `${W.semicolon[lang]} ${W.autoRunning[lang]}${colon(lang)}${names}` : ''}`;
}

function ResultView({ state }: { state: GuideState }) {
  const { lang, diag } = state;
  const summary = diag.summary;
  if (!summary) return null;
  const items = itemsFor(state);
  const item = focusedItem(state);
  const head = [
    ...wrap(`${W.diagGrade[lang]}${colon(lang)}${consoleSafe(summary.headline[lang])}`),
    ...(summary.untested
      ? indented(`${W.untestedPrefix[lang]} ${consoleSafe(summary.untested[lang])}`, '  ')
      : []),
    ...summary.explanations.flatMap((e) => indented(consoleSafe(e[lang]), '  ')),
  ];
  const rows = summary.rows.map((r) => testRow(r, lang, item?.kind === 'line' && item.id === r.id));
  const buttons = items.filter((i) => i.kind === 'button').length;
  const budget = roomFor(state) - head.length - 2 - buttons - 1;
  const anchor = anchorRow(
    summary.rows.findIndex((r) => item?.kind === 'line' && r.id === item.id),
    state.focus,
    summary.rows.length,
    rows.length,
  );
  return (
    <Box flexDirection="column">
      <TextLines lines={head} bold />
      <Text> </Text>
      <Text>{W.diagDetails[lang]}</Text>
      <ScrollList rows={rows} focus={anchor} budget={budget} lang={lang} glyphs={state.glyphs} />
      <Text> </Text>
      <ItemList state={state} items={items} kinds={['button']} />
    </Box>
  );
}

/** Guided questions in front, the automatic tests' states underneath (they run in the background). */
export function DiagnosticsScreen({ state }: { state: GuideState }) {
  const { lang, diag } = state;
  const items = itemsFor(state);
  if (diag.phase === 'unavailable') {
    return (
      <Box flexDirection="column">
        <TextLines lines={wrap(W.diagUnavailable[lang])} />
        <TextLines lines={wrap(W.diagUnavailableNext[lang])} />
        <Text> </Text>
        <ItemList state={state} items={items} kinds={['button']} />
      </Box>
    );
  }
  if (diag.phase === 'done' && diag.summary) return <ResultView state={state} />;
  const question = diag.questions?.[diag.questionIndex];
  const top: string[] = [];
  if (diag.phase === 'failed')
    top.push(...wrap(`${W.diagFailed[lang]}${colon(lang)}${consoleSafe(diag.error ?? '')}`));
  if (diag.hardware.status === 'failed')
    top.push(...wrap(`${W.hardwareFailed[lang]} (${consoleSafe(diag.hardware.message)})`));
  const asking = diag.phase === 'running' && question;
  const prompt = asking
    ? wrap(
        `${W.diagQuestion[lang]} ${diag.questionIndex + 1}/${diag.questions?.length ?? 0}${colon(lang)}${consoleSafe(question.prompt[lang])}`,
      )
    : [];
  const instructions = asking ? wrap(consoleSafe(question.instructions[lang])) : [];
  const waiting =
    diag.phase === 'grading'
      ? W.diagGrading[lang]
      : diag.phase === 'running' && !question
        ? diag.hardware.status === 'planning' || diag.hardware.status === 'testing'
          ? W.hardwarePlanning[lang]
          : W.diagWaiting[lang]
        : null;
  const auto = diag.phase === 'running' || diag.phase === 'grading' ? wrap(autoLine(diag.tests, lang)) : [];
  const rows = itemRows(state, items, ['choice', 'button']);
  const budget =
    roomFor(state) - top.length - prompt.length - instructions.length - (waiting ? 1 : 0) - 2 - auto.length;
  return (
    <Box flexDirection="column">
      <TextLines lines={top} color="red" />
      <TextLines lines={prompt} bold />
      <TextLines lines={instructions} />
      {waiting ? <Text>{waiting}</Text> : null}
      <Text> </Text>
      <ScrollList rows={rows} focus={state.focus} budget={budget} lang={lang} glyphs={state.glyphs} />
      <Text> </Text>
      <TextLines lines={auto} color="gray" />
    </Box>
  );
}
