import { Box, Text } from 'ink';
import { formatPercent } from '../../../core/format.js';
import { formatDuration } from '../../../core/format-time.js';
import { ioErrorWords } from '../../../core/words/io-errors.js';
import { ItemList } from '../components/item-view.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { consoleSafe, RESULT_WORDS, W } from '../wording.js';

const COLOURS = {
  ERASED: 'green',
  ERASED_WITH_EXCEPTIONS: 'yellow',
  FAILED: 'red',
  ABORTED: 'yellow',
} as const;

export function ResultsScreen({ state }: { state: GuideState }) {
  const { lang, erase, diag } = state;
  const results = erase.results ?? [];
  return (
    <Box flexDirection="column">
      {erase.error ? <Text color="red">{`${W.eraseFailed[lang]} : ${consoleSafe(erase.error)}`}</Text> : null}
      {results.length === 0 && !erase.error ? <Text>{W.noErase[lang]}</Text> : null}
      {results.map((r) => {
        const v = r.outcome?.verification;
        const verified =
          v?.passed === true
            ? `${W.verified[lang]} (${formatPercent(v.coverage, lang)})`
            : v?.passed === false
              ? W.notVerified[lang]
              : '';
        return (
          <Box key={r.job.jobId} flexDirection="column">
            <Text>
              {`${r.job.drive.path.padEnd(13)} `}
              <Text bold color={COLOURS[r.result]}>
                {RESULT_WORDS[r.result][lang]}
              </Text>
              {`  ${verified}  ${r.outcome ? formatDuration(r.outcome.seconds, lang) : ''}`}
            </Text>
            {r.errors.slice(0, 2).map((e) => (
              <Text
                key={`${e.operation}${e.offset}`}
                color="red"
              >{`   ${W.errorWord[lang]} ${consoleSafe(ioErrorWords(e)[lang]).slice(0, 66)}`}</Text>
            ))}
            {r.result === 'ABORTED' ? <Text color="yellow">{`   ${W.resumeHint[lang]}`}</Text> : null}
          </Box>
        );
      })}
      <Text> </Text>
      {diag.summary ? (
        <Text bold>{`${W.diagGrade[lang]} : ${consoleSafe(diag.summary.grade[lang])}`}</Text>
      ) : (
        <Text color="gray">{W.gradeUnavailable[lang]}</Text>
      )}
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['button']} />
    </Box>
  );
}
