/**
 * The order and flow of the hardware tests in the guide, as a pure reducer: each step shows what to do, runs
 * (the sessions live outside), then either records an automatic result or asks the one question a person must
 * answer. The container (screens/hardware/hardware-tests.tsx) turns running phases into sessions.
 */
import type { Text } from '../../../../core/i18n.js';
import { type HardwareTestId, QUESTIONS } from '../../../../diagnostics/guided/questions.js';
import type { InputDevice } from '../../../../diagnostics/interactive/input/input-devices.js';
import type { HardwarePlan } from '../../../../diagnostics/interactive/plan.js';
import { answered, couldNotRun } from '../../../../diagnostics/interactive/results.js';
import type { TestResult } from '../../../../diagnostics/types.js';

export type StepId = 'keyboard' | 'pointer' | 'screen' | 'speakers' | 'microphone' | 'webcam' | 'usb';

export interface Step {
  id: StepId;
  /** The pointing device of a pointer step. */
  device?: InputDevice;
}

/** Extra actions offered next to a question's choices. */
export type Extra = 'retry' | 'replay';

export type Phase =
  | { kind: 'intro'; focus: number }
  | { kind: 'running'; run: number }
  | { kind: 'fill'; index: number }
  | {
      kind: 'question';
      questionId: string;
      /** What the test saw, shown above the choices ("3 touches : F5 B <"). */
      detail: Text | null;
      extras: Extra[];
      values: Record<string, unknown>;
      subject?: string;
      focus: number;
      /** Questions still to ask after this one in the same step (screen: dead pixels, backlight). */
      following: string[];
    }
  | { kind: 'verdict'; result: TestResult; focus: number; extras: Extra[] };

export interface SequenceState {
  steps: Step[];
  index: number;
  phase: Phase;
  results: TestResult[];
  /** Counts runs so the container restarts a session on "retry". */
  runs: number;
  done: boolean;
}

export type SequenceAction =
  | { type: 'start' }
  | { type: 'skip' }
  | { type: 'focus'; delta: number }
  | { type: 'activate' }
  | { type: 'next-fill' }
  /** An automatic result: recorded at once when it passes (`show: false`), else shown before going on. */
  | { type: 'result'; result: TestResult; show?: boolean; extras?: Extra[] }
  /** The test needs a person: ask this question about what it saw. */
  | {
      type: 'ask';
      questionId: string;
      detail?: Text | null;
      extras?: Extra[];
      values?: Record<string, unknown>;
      subject?: string;
    };

export const SCREEN_FILLS = 5;

export function stepsFor(plan: HardwarePlan): Step[] {
  const steps: Step[] = [];
  if (plan.keyboards.length > 0) steps.push({ id: 'keyboard' });
  for (const device of plan.pointers) steps.push({ id: 'pointer', device });
  steps.push({ id: 'screen' });
  if (plan.sound) steps.push({ id: 'speakers' }, { id: 'microphone' });
  if (plan.webcams.length > 0) steps.push({ id: 'webcam' });
  steps.push({ id: 'usb' });
  return steps;
}

export function initialSequence(steps: Step[], absentResults: TestResult[] = []): SequenceState {
  return {
    steps,
    index: 0,
    phase: { kind: 'intro', focus: 0 },
    results: [...absentResults],
    runs: 0,
    done: steps.length === 0,
  };
}

export function currentStep(state: SequenceState): Step | null {
  return state.steps[state.index] ?? null;
}

/** The items under the cursor: intro buttons, question choices plus extras, or the verdict's buttons. */
export function phaseItems(state: SequenceState): string[] {
  const { phase } = state;
  if (phase.kind === 'intro') return ['start', 'skip'];
  if (phase.kind === 'question') {
    const question = QUESTIONS.find((q) => q.id === phase.questionId);
    return [...phase.extras, ...(question?.choices.map((c) => c.id) ?? [])];
  }
  if (phase.kind === 'verdict') return [...phase.extras, 'continue'];
  return [];
}

export function reduceSequence(state: SequenceState, action: SequenceAction): SequenceState {
  if (state.done) return state;
  const { phase } = state;
  switch (action.type) {
    case 'start':
      return phase.kind === 'intro' ? run(state) : state;
    case 'skip':
      return phase.kind === 'intro' ? skip(state) : state;
    case 'focus': {
      if (!('focus' in phase)) return state;
      const count = phaseItems(state).length;
      if (count === 0) return state;
      return { ...state, phase: { ...phase, focus: (phase.focus + action.delta + count) % count } };
    }
    case 'activate':
      return activate(state);
    case 'next-fill': {
      if (phase.kind !== 'fill') return state;
      if (phase.index + 1 < SCREEN_FILLS)
        return { ...state, phase: { kind: 'fill', index: phase.index + 1 } };
      return ask(state, { questionId: 'screen', following: ['dead-pixels', 'backlight'] });
    }
    case 'result':
      if (action.show === false) return advance({ ...state, results: [...state.results, action.result] });
      return {
        ...state,
        phase: { kind: 'verdict', result: action.result, focus: 0, extras: action.extras ?? [] },
      };
    case 'ask':
      return ask(state, { ...action, following: [] });
  }
}

function run(state: SequenceState): SequenceState {
  const step = currentStep(state);
  const runs = state.runs + 1;
  if (step?.id === 'screen') return { ...state, runs, phase: { kind: 'fill', index: 0 } };
  return { ...state, runs, phase: { kind: 'running', run: runs } };
}

/** Skipping records every question of the step as skipped, so the report says it was not tested. */
function skip(state: SequenceState): SequenceState {
  const step = currentStep(state);
  if (!step) return state;
  const skipped = STEP_QUESTIONS[step.id].map((name) => {
    const result = couldNotRun(
      name,
      'skipped-by-operator',
      'Test passé par la personne.',
      'Test skipped by the operator.',
      step.device ? { device: step.device.node } : {},
    );
    return step.device ? { ...result, subject: step.device.name } : result;
  });
  return advance({ ...state, results: [...state.results, ...skipped] });
}

function ask(
  state: SequenceState,
  q: {
    questionId: string;
    detail?: Text | null;
    extras?: Extra[];
    values?: Record<string, unknown>;
    subject?: string;
    following: string[];
  },
): SequenceState {
  return {
    ...state,
    phase: {
      kind: 'question',
      questionId: q.questionId,
      detail: q.detail ?? null,
      extras: q.extras ?? [],
      values: q.values ?? {},
      ...(q.subject ? { subject: q.subject } : {}),
      focus: 0,
      following: q.following,
    },
  };
}

function activate(state: SequenceState): SequenceState {
  const { phase } = state;
  const item = phaseItems(state)[('focus' in phase ? phase.focus : 0) ?? 0];
  if (phase.kind === 'intro') return item === 'skip' ? skip(state) : run(state);
  if (phase.kind === 'verdict') {
    if (item === 'retry') return run(state);
    return advance({ ...state, results: [...state.results, phase.result] });
  }
  if (phase.kind !== 'question' || !item) return state;
  if (item === 'retry' || item === 'replay') return run(state);
  const result = answered(phase.questionId, item, phase.values, phase.subject);
  const next = { ...state, results: [...state.results, result] };
  const [following, ...rest] = phase.following;
  if (following) return ask(next, { questionId: following, following: rest });
  return advance(next);
}

function advance(state: SequenceState): SequenceState {
  const index = state.index + 1;
  return { ...state, index, phase: { kind: 'intro', focus: 0 }, done: index >= state.steps.length };
}

/** The questions (result names) each step answers. */
export const STEP_QUESTIONS: Record<StepId, string[]> = {
  keyboard: ['keyboard'],
  pointer: ['touchpad'],
  screen: ['screen', 'dead-pixels', 'backlight'],
  speakers: ['speakers'],
  microphone: ['microphone'],
  webcam: ['webcam-image'],
  usb: ['usb-ports'],
};

/** The guided-question tests these steps stand for (questions.ts `test`), for `questionsToAsk`. */
export function ranTests(steps: Step[]): HardwareTestId[] {
  const ids: Record<StepId, HardwareTestId> = {
    keyboard: 'keyboard',
    pointer: 'pointer',
    screen: 'screen',
    speakers: 'speakers',
    microphone: 'microphone',
    webcam: 'webcam',
    usb: 'usb',
  };
  return [...new Set(steps.map((s) => ids[s.id]))];
}

/** The subset of Ink's Key the hardware screens listen to. */
export interface HardwareKey {
  upArrow?: boolean;
  downArrow?: boolean;
  tab?: boolean;
  shift?: boolean;
  return?: boolean;
}

/**
 * A key from the terminal, with the guide's meanings: arrows/Tab move, Enter acts (Space only ticks or changes
 * values in the guide, and nothing here is ticked), any key turns a colour page. While a test runs, Enter means
 * "I am done" (pointer, USB), returned as 'finish'. The keyboard under test is grabbed: its keys never come here.
 */
export function hardwareKeyToAction(
  state: SequenceState,
  _input: string,
  key: HardwareKey,
): SequenceAction | 'finish' | null {
  const { phase } = state;
  if (phase.kind === 'fill') return { type: 'next-fill' };
  if (phase.kind === 'running') return key.return ? 'finish' : null;
  if (key.upArrow || (key.tab && key.shift)) return { type: 'focus', delta: -1 };
  if (key.downArrow || key.tab) return { type: 'focus', delta: 1 };
  if (key.return) return { type: 'activate' };
  return null;
}
