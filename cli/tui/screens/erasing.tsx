import { Box, Text } from 'ink';
import { formatPercent, formatRate } from '../../../core/format.js';
import { formatDuration, formatEstimate } from '../../../core/format-time.js';
import type { Lang } from '../../../core/i18n.js';
import { Bar } from '../components/bar.js';
import { ItemList } from '../components/item-view.js';
import { itemsFor } from '../state/items.js';
import type { DriveProgress, FinishedLine, GuideState } from '../state/types.js';
import { RESULT_WORDS, W } from '../wording.js';

/** One finished drive, printed once above the live bars (the App puts these in Ink's <Static>). */
export function finishedText(line: FinishedLine, lang: Lang): string {
  const verified =
    line.verified === null ? '' : line.verified ? `, ${W.verified[lang]}` : `, ${W.notVerified[lang]}`;
  return `${W.doneLine[lang]}  ${line.device} : ${RESULT_WORDS[line.result][lang]}${verified} (${formatDuration(line.seconds, lang)})`;
}

function phaseWord(p: DriveProgress, lang: Lang): string {
  if (p.phase === 'verify') return W.phaseVerify[lang];
  if (p.phase === 'firmware') return W.phaseFirmware[lang];
  return W.phaseWrite[lang];
}

function ProgressRow({ p, lang }: { p: DriveProgress; lang: Lang }) {
  const eta = formatEstimate(p.etaSeconds, lang);
  return (
    <Box flexDirection="column">
      <Text>
        {`${p.device.padEnd(13)} `}
        <Bar fraction={p.fraction} width={30} />
        {` ${formatPercent(p.fraction, lang).padStart(7)}`}
      </Text>
      <Text color="gray">
        {`              ${W.pass[lang]} ${p.pass}/${p.passes} ${phaseWord(p, lang)}  ${formatRate(p.rate, lang)}  ${W.remaining[lang]} ${eta}`}
      </Text>
    </Box>
  );
}

export function ErasingScreen({ state }: { state: GuideState }) {
  const { lang, erase } = state;
  const running = Object.values(erase.progress);
  const waiting = state.confirm.confirmed.filter(
    (path) => !erase.progress[path] && !erase.finished.some((f) => f.device === path),
  );
  return (
    <Box flexDirection="column">
      <Text bold>{W.leaveOn[lang]}</Text>
      <Text> </Text>
      {running.map((p) => (
        <ProgressRow key={p.device} p={p} lang={lang} />
      ))}
      {waiting.map((path) => (
        <Text key={path}>{`${path.padEnd(13)} ${W.waitingStart[lang]}`}</Text>
      ))}
      {erase.finished.length > 0 ? (
        <Text color="gray">{`${W.erasingDone[lang]} : ${erase.finished.length}/${state.confirm.confirmed.length}`}</Text>
      ) : null}
      {erase.stopAsked ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color="yellow" bold>
            {W.stopAsk[lang]}
          </Text>
          <Text>{W.stopExplain[lang]}</Text>
          <Text>{W.stopResume[lang]}</Text>
          <ItemList state={state} items={itemsFor(state)} kinds={['button']} />
        </Box>
      ) : null}
      {erase.stopping ? <Text color="yellow">{W.stopping[lang]}</Text> : null}
    </Box>
  );
}
