/**
 * The guided part of a report: the answers to the questions that were asked, what the hardware tests decided
 * instead, and "not-present" for the questions about a part the machine lacks. A question never asked because
 * its part is absent is therefore never counted as an untested function.
 */
import { reason, type TestResult } from '../types.js';
import { type Answers, evaluateAnswers } from './answers.js';
import { type AskContext, QUESTIONS, type Question, questionsToAsk } from './questions.js';

export interface GuidedContext extends AskContext {
  /** Results of the hardware tests that ran, and the plan's "not-present" results for absent parts. */
  hardware: readonly TestResult[];
}

export function guidedResults(
  answers: Answers,
  context: GuidedContext,
  questions: readonly Question[] = QUESTIONS,
): TestResult[] {
  // An answer given anyway (a script's --answers) is a person's observation: it stands, even for a part not seen.
  const asked = [
    ...questionsToAsk(context, questions),
    ...questions.filter((q) => answers[q.id] !== undefined && !questionsToAsk(context, [q]).length),
  ];
  const decided = new Set(context.hardware.map((r) => r.name));
  const absent = questions
    .filter(
      (q) => q.part && context.absent.includes(q.part) && !decided.has(q.id) && answers[q.id] === undefined,
    )
    .map(
      (q): TestResult => ({
        name: q.id,
        kind: 'guided',
        status: 'not-present',
        reasons: [
          reason(
            `${q.part}-absent`,
            'info',
            'Partie absente de cette machine : question non posée.',
            'This machine lacks the part: question not asked.',
          ),
        ],
        values: {},
        durationMs: 0,
      }),
    );
  // A hardware result stands for its question, unless a person answered that question anyway.
  const evaluated = evaluateAnswers(answers, asked).filter(
    (r) => !decided.has(r.name) || answers[r.name] !== undefined,
  );
  const hardware = context.hardware.filter((r) => !evaluated.some((e) => e.name === r.name));
  return [...evaluated, ...absent, ...hardware];
}
