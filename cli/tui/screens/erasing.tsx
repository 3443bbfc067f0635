import { Box, Text } from 'ink';
import { formatPercent, formatRate } from '../../../core/format.js';
import type { Lang } from '../../../core/i18n.js';
import { asciiBar } from '../components/bar.js';
import { roomFor } from '../components/frame.js';
import { marker } from '../components/item-rows.js';
import { ItemList } from '../components/item-view.js';
import { type Line, type Row, ScrollList, TextLines } from '../components/scroll-list.js';
import { wrap } from '../layout.js';
import { focusedItem, itemsFor } from '../state/items.js';
import type { DriveProgress, FinishedLine, GuideState } from '../state/types.js';
import { colon, RESULT_WORDS, W } from '../wording.js';
import { estimateWords, tookWords } from './time-words.js';

/** A drive whose job ended: its result in words, on this screen until the machine's results. */
export function finishedText(line: FinishedLine, lang: Lang): string {
  const verified =
    line.verified === null ? '' : line.verified ? `, ${W.verified[lang]}` : `, ${W.notVerified[lang]}`;
  return `${RESULT_WORDS[line.result][lang]}${verified} (${tookWords(line.seconds, lang)})`;
}

function phaseWord(p: DriveProgress, lang: Lang): string {
  if (p.phase === 'verify') return W.phaseVerify[lang];
  if (p.phase === 'firmware') return W.phaseFirmware[lang];
  return W.phaseWrite[lang];
}

function progressRow(state: GuideState, path: string, focused: boolean): Row {
  const { lang, erase } = state;
  const head = `${marker(focused)}${path.padEnd(13)} `;
  const p = erase.progress[path];
  const done = erase.finished.find((f) => f.device === path);
  if (done) {
    const color = done.result === 'ERASED' ? 'green' : 'yellow';
    return { key: path, lines: [[{ text: head }, { text: finishedText(done, lang), color }]] };
  }
  if (!p) return { key: path, lines: [[{ text: `${head}${W.waitingStart[lang]}` }]] };
  const eta = estimateWords(p.etaSeconds, lang);
  const bar: Line = [
    { text: head },
    { text: asciiBar(p.fraction, 30), color: 'cyan' },
    { text: ` ${formatPercent(p.fraction, lang).padStart(7)}` },
  ];
  const detail = `${' '.repeat(17)}${W.pass[lang]} ${p.pass}/${p.passes} ${phaseWord(p, lang)}  ${formatRate(p.rate, lang)}  ${W.remaining[lang]} ${eta}`;
  return { key: path, lines: [bar, [{ text: detail, color: 'gray' }]] };
}

export function ErasingScreen({ state }: { state: GuideState }) {
  const { lang, erase } = state;
  const header = wrap(W.leaveOn[lang]);
  if (erase.stopAsked && !erase.stopping) {
    return (
      <Box flexDirection="column">
        <TextLines lines={header} bold />
        <Box flexDirection="column" marginTop={1}>
          <TextLines lines={wrap(W.stopAsk[lang])} color="yellow" bold />
          <TextLines lines={wrap(W.stopExplain[lang])} />
          <Text> </Text>
          <ItemList state={state} items={itemsFor(state)} kinds={['button']} />
        </Box>
      </Box>
    );
  }
  const item = focusedItem(state);
  const paths = state.confirm.confirmed;
  const rows = paths.map((path) => progressRow(state, path, item?.kind === 'line' && item.id === path));
  const footer = erase.finished.length > 0 || erase.stopping ? 1 : 0;
  const budget = roomFor(state) - header.length - 1 - footer;
  return (
    <Box flexDirection="column">
      <TextLines lines={header} bold />
      <Text> </Text>
      <ScrollList rows={rows} focus={state.focus} budget={budget} lang={lang} glyphs={state.glyphs} />
      {erase.stopping ? (
        <Text color="yellow">{W.stopping[lang]}</Text>
      ) : erase.finished.length > 0 ? (
        <Text color="gray">{`${W.erasingDone[lang]}${colon(lang)}${erase.finished.length}/${paths.length}`}</Text>
      ) : null}
    </Box>
  );
}
