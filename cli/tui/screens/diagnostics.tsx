import { Box, Text } from 'ink';
import { testLineWords } from '../../../core/words/tests.js';
import { ItemList } from '../components/item-view.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { consoleSafe, TEST_STATUS_WORDS, W } from '../wording.js';

/** Guided questions in front, the automatic tests' states underneath (they run in the background). */
export function DiagnosticsScreen({ state }: { state: GuideState }) {
  const { lang, diag } = state;
  const items = itemsFor(state);
  if (diag.phase === 'unavailable') {
    return (
      <Box flexDirection="column">
        <Text>{W.diagUnavailable[lang]}</Text>
        <Text>{W.diagUnavailableNext[lang]}</Text>
        <Text> </Text>
        <ItemList state={state} items={items} kinds={['button']} />
      </Box>
    );
  }
  const question = diag.questions[diag.questionIndex];
  const statusLine = (status: string) => TEST_STATUS_WORDS[status]?.[lang] ?? status;
  return (
    <Box flexDirection="column">
      {diag.phase === 'failed' ? (
        <Text color="red">{`${W.diagFailed[lang]} : ${consoleSafe(diag.error ?? '')}`}</Text>
      ) : null}
      {diag.phase === 'done' && diag.summary ? (
        <Box flexDirection="column">
          <Text bold>{`${W.diagGrade[lang]} : ${consoleSafe(diag.summary.grade[lang])}`}</Text>
          {diag.summary.findings.slice(0, 6).map((f) => (
            <Text key={f.en}>{`  - ${consoleSafe(f[lang])}`}</Text>
          ))}
        </Box>
      ) : null}
      {diag.phase === 'running' && question ? (
        <Box flexDirection="column">
          <Text bold>
            {`${W.diagQuestion[lang]} ${diag.questionIndex + 1}/${diag.questions.length} : ${consoleSafe(question.prompt[lang])}`}
          </Text>
          <Text>{consoleSafe(question.instructions[lang])}</Text>
        </Box>
      ) : null}
      {diag.phase === 'running' && !question ? <Text>{W.diagWaiting[lang]}</Text> : null}
      {diag.phase === 'grading' ? <Text>{W.diagGrading[lang]}</Text> : null}
      <Text> </Text>
      <ItemList state={state} items={items} kinds={['choice', 'button']} />
      <Text> </Text>
      <Text color="gray">{`${W.diagAuto[lang]} :`}</Text>
      <Text color="gray">
        {diag.tests
          .slice(-8)
          .map((t) => `${testLineWords(t.name)[lang]} ${statusLine(t.status)}`)
          .join('  |  ') || '...'}
      </Text>
    </Box>
  );
}
