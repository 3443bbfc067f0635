/**
 * The diagnostics step as state: the automatic tests start in the background, the hardware tests run (or are
 * skipped when absent), then the questions left are asked, and grading waits for all three.
 */
import type { GuidedQuestion, HardwareDone } from '../services.js';
import type { GuideState, HardwareState } from './types.js';

/** Starts the step the first time the screen is reached for this machine; later visits change nothing. */
export function startDiagnostics(state: GuideState): GuideState {
  if (state.diag.phase !== 'idle') return state;
  const hardware: HardwareState =
    state.diag.hardware.status === 'idle' ? { status: 'planning' } : state.diag.hardware;
  return { ...state, diag: { ...state.diag, phase: 'running', hardware } };
}

export function hardwareFinished(
  state: GuideState,
  hardware: HardwareState,
  questions: readonly GuidedQuestion[],
): GuideState {
  return gradeIfReady({
    ...state,
    focus: 0,
    diag: { ...state.diag, hardware, questions, questionIndex: 0 },
  });
}

export function hardwareDone(state: GuideState, done: HardwareDone, questions: readonly GuidedQuestion[]) {
  return hardwareFinished(state, { status: 'done', ...done }, questions);
}

export function answer(state: GuideState, choiceId: string): GuideState {
  const question = state.diag.questions?.[state.diag.questionIndex];
  if (!question) return state;
  const diag = {
    ...state.diag,
    answers: { ...state.diag.answers, [question.id]: choiceId },
    questionIndex: state.diag.questionIndex + 1,
  };
  return gradeIfReady({ ...state, diag, focus: 0 });
}

/** Grading starts once the automatic tests are done, the hardware tests over and every question answered. */
export function gradeIfReady(state: GuideState): GuideState {
  const { diag } = state;
  const answered = diag.questions !== null && diag.questionIndex >= diag.questions.length;
  const hardwareOver = !['idle', 'planning', 'testing'].includes(diag.hardware.status);
  if (diag.phase !== 'running' || !diag.autoDone || !answered || !hardwareOver) return state;
  return { ...state, diag: { ...diag, phase: 'grading' } };
}

/** What the hardware tests left, for grading (null when the guide has none or they could not start). */
export function hardwareOutcome(state: GuideState): HardwareDone | null {
  const h = state.diag.hardware;
  return h.status === 'done' ? { results: h.results, absent: h.absent, ranTests: h.ranTests } : null;
}
