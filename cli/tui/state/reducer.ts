/**
 * The guide as a pure state machine: keyboard intents and service reports in, screen state out. Effects
 * (discovery, erasure, diagnostics, certificates) watch this state; nothing here touches the machine.
 */

import type { Lang } from '../../../core/i18n.js';
import type { ErasePlan } from '../../../erasure/plan/build-plan.js';
import { confirmationWord } from '../../confirm.js';
import type { GuidedQuestion, Intake } from '../services.js';
import { focusedItem, isSelectable, itemsFor } from './items.js';
import { applyJobEvent } from './progress.js';
import type { Action, GuideState, Screen } from './types.js';

/** The word a technician types once for a whole batch. */
export const TECHNICIAN_WORD: Record<Lang, string> = { fr: 'EFFACER', en: 'ERASE' };

export interface InitialOptions {
  lang: Lang;
  technician?: boolean;
  questions?: readonly GuidedQuestion[] | null;
  certificates?: boolean;
  canPowerOff?: boolean;
}

const emptyIntake: Intake = { donor: '', lot: '', assetTag: '', publicDonor: false };

export function initialState(options: InitialOptions): GuideState {
  return {
    screen: 'welcome',
    lang: options.lang,
    technician: options.technician ?? false,
    cycle: 0,
    focus: 0,
    notice: null,
    supervisor: false,
    warning: null,
    quit: false,
    powerOffRequested: false,
    canPowerOff: options.canPowerOff ?? false,
    saveRequest: 0,
    operator: '',
    intake: emptyIntake,
    machine: { status: 'loading' },
    diag: {
      phase: options.questions ? 'idle' : 'unavailable',
      questions: options.questions ?? [],
      questionIndex: 0,
      answers: {},
      tests: [],
      autoDone: false,
      summary: null,
      error: null,
    },
    drives: { status: 'loading' },
    selected: [],
    confirm: { step: 0, typed: '', confirmed: [] },
    erase: {
      status: 'idle',
      progress: {},
      finished: [],
      verified: {},
      stopAsked: false,
      stopping: false,
      results: null,
      error: null,
    },
    certificates: { status: options.certificates ? 'idle' : 'unavailable', issued: null, error: null },
  };
}

export function reduce(state: GuideState, action: Action): GuideState {
  switch (action.type) {
    case 'focus': {
      const count = itemsFor(state).length;
      if (count === 0) return state;
      return { ...state, notice: null, focus: (state.focus + action.delta + count) % count };
    }
    case 'edit':
      if (action.field === 'code')
        return { ...state, notice: null, confirm: { ...state.confirm, typed: action.value } };
      if (action.field === 'operator') return { ...state, notice: null, operator: action.value };
      return { ...state, notice: null, intake: { ...state.intake, [action.field]: action.value } };
    case 'activate':
      return activate({ ...state, notice: null });
    case 'back':
      return back(state);
    case 'interrupt':
      if (state.screen === 'erasing' && state.erase.status === 'running') {
        return { ...state, erase: { ...state.erase, stopAsked: true }, focus: 0 };
      }
      // Before the erasure starts nothing irreversible is pending: Ctrl-C just leaves.
      return state.screen === 'erasing' ? state : { ...state, quit: true };
    case 'service-warning':
      return { ...state, warning: action.message };
    case 'memory-loaded':
      // Only fills what the trainee has not typed yet; the asset tag is per machine, never remembered.
      return {
        ...state,
        operator: state.operator || action.operator,
        intake: {
          donor: state.intake.donor || action.intake.donor,
          lot: state.intake.lot || action.intake.lot,
          assetTag: state.intake.assetTag,
          publicDonor: state.intake.publicDonor || action.intake.publicDonor,
        },
      };
    case 'machine-read':
      return { ...state, machine: { status: 'read', identity: action.identity } };
    case 'machine-failed':
      return { ...state, machine: { status: 'failed', message: action.message } };
    case 'discovered':
      return { ...state, drives: { status: 'ready', found: action.found } };
    case 'discovery-failed':
      return { ...state, drives: { status: 'failed', message: action.message } };
    case 'diag-test': {
      const tests = state.diag.tests.some((t) => t.name === action.line.name)
        ? state.diag.tests.map((t) => (t.name === action.line.name ? action.line : t))
        : [...state.diag.tests, action.line];
      return { ...state, diag: { ...state.diag, tests } };
    }
    case 'diag-auto-done':
      return gradeIfReady({ ...state, diag: { ...state.diag, autoDone: true } });
    case 'diag-summary':
      return { ...state, diag: { ...state.diag, phase: 'done', summary: action.summary }, focus: 0 };
    case 'diag-failed':
      return { ...state, diag: { ...state.diag, phase: 'failed', error: action.message }, focus: 0 };
    case 'job-event': {
      const next = applyJobEvent(
        state.erase.progress,
        state.erase.finished,
        state.erase.verified,
        action.event,
      );
      return { ...state, erase: { ...state.erase, ...next } };
    }
    case 'erase-finished':
      return {
        ...state,
        screen: 'results',
        focus: 0,
        erase: { ...state.erase, status: 'done', results: action.results, stopAsked: false },
      };
    case 'erase-failed':
      return {
        ...state,
        screen: 'results',
        focus: 0,
        erase: { ...state.erase, status: 'failed', error: action.message, stopAsked: false },
      };
    case 'certificates-issued':
      return { ...state, certificates: { status: 'done', issued: action.issued, error: null }, focus: 0 };
    case 'certificates-failed':
      return { ...state, certificates: { status: 'failed', issued: null, error: action.message }, focus: 0 };
  }
}

function go(state: GuideState, screen: Screen): GuideState {
  return { ...state, screen, focus: 0, notice: null, supervisor: false };
}

function activate(state: GuideState): GuideState {
  const item = focusedItem(state);
  if (!item) return state;
  if (item.kind === 'button' && item.id === 'supervisor') return { ...state, supervisor: true, focus: 0 };
  if (state.supervisor) return { ...state, supervisor: false, focus: 0 };
  switch (state.screen) {
    case 'welcome':
      if (item.id === 'lang') return { ...state, lang: state.lang === 'fr' ? 'en' : 'fr' };
      if (item.kind === 'field') return { ...state, focus: state.focus + 1 };
      if (state.operator.trim() === '') return { ...state, notice: 'operator-required', focus: 0 };
      return go(state, 'intake');
    case 'intake':
      if (item.kind === 'field') return { ...state, focus: state.focus + 1 };
      if (item.kind === 'toggle')
        return { ...state, intake: { ...state.intake, publicDonor: !state.intake.publicDonor } };
      if (item.id === 'back') return go(state, 'welcome');
      if (state.intake.lot.trim() === '') return { ...state, notice: 'lot-required', focus: 1 };
      return { ...go(state, 'machine'), saveRequest: state.saveRequest + 1 };
    case 'machine':
      if (item.id === 'no') return { ...state, notice: 'wrong-machine' };
      return startDiagnostics(go(state, 'diagnostics'));
    case 'diagnostics':
      if (item.kind === 'choice') return answer(state, item.id);
      return go(state, 'drives');
    case 'drives':
      if (item.id === 'back') return go(state, 'diagnostics');
      if (item.kind === 'drive') return toggleDrive(state, item.id);
      if (state.drives.status !== 'ready') return { ...state, notice: 'not-ready' };
      if (state.selected.length === 0) return { ...state, notice: 'nothing-selected' };
      return { ...go(state, 'confirm'), confirm: { step: 0, typed: '', confirmed: [] } };
    case 'confirm':
      if (item.id === 'cancel') return go(state, 'drives');
      return submitCode(state);
    case 'erasing':
      if (item.id === 'stop')
        return { ...state, erase: { ...state.erase, stopAsked: false, stopping: true } };
      return { ...state, erase: { ...state.erase, stopAsked: false } };
    case 'results':
      return { ...go(state, 'certificates'), certificates: certificatesOnEntry(state) };
    case 'certificates':
      return go(state, 'next');
    case 'next':
      if (item.id === 'quit') return { ...state, quit: true };
      if (item.id === 'power-off') return { ...state, powerOffRequested: true };
      return nextMachine(state);
  }
}

function back(state: GuideState): GuideState {
  if (state.supervisor) return { ...state, supervisor: false, focus: 0 };
  const previous: Partial<Record<Screen, Screen>> = {
    intake: 'welcome',
    machine: 'intake',
    diagnostics: 'machine',
    drives: 'diagnostics',
    confirm: 'drives',
  };
  const target = previous[state.screen];
  return target ? go(state, target) : state;
}

function startDiagnostics(state: GuideState): GuideState {
  // The automatic tests start once per machine, the first time the screen is reached.
  if (state.diag.phase !== 'idle') return state;
  return { ...state, diag: { ...state.diag, phase: 'running' } };
}

function answer(state: GuideState, choiceId: string): GuideState {
  const question = state.diag.questions[state.diag.questionIndex];
  if (!question) return state;
  const diag = {
    ...state.diag,
    answers: { ...state.diag.answers, [question.id]: choiceId },
    questionIndex: state.diag.questionIndex + 1,
  };
  return gradeIfReady({ ...state, diag, focus: 0 });
}

function gradeIfReady(state: GuideState): GuideState {
  const { diag } = state;
  const answered = diag.questionIndex >= diag.questions.length;
  if (diag.phase !== 'running' || !diag.autoDone || !answered) return state;
  return { ...state, diag: { ...diag, phase: 'grading' } };
}

function toggleDrive(state: GuideState, path: string): GuideState {
  if (!isSelectable(state, path)) return state;
  const selected = state.selected.includes(path)
    ? state.selected.filter((p) => p !== path)
    : [...state.selected, path];
  return { ...state, selected };
}

/** The drives the confirmation step walks through: one per drive, or one step for a technician's batch. */
export function confirmSteps(state: GuideState): string[][] {
  return state.technician ? [state.selected] : state.selected.map((p) => [p]);
}

export function expectedWord(state: GuideState, paths: readonly string[]): string {
  if (state.technician) return TECHNICIAN_WORD[state.lang];
  const entry = entryFor(state, paths[0] ?? '');
  return entry ? confirmationWord(entry.drive) : '';
}

function submitCode(state: GuideState): GuideState {
  const steps = confirmSteps(state);
  const paths = steps[state.confirm.step] ?? [];
  const expected = expectedWord(state, paths);
  const typed = state.confirm.typed.trim();
  // Case does not prove anything: what counts is that the trainee read this drive's serial.
  if (expected === '' || typed.toUpperCase() !== expected.toUpperCase()) {
    return { ...state, notice: 'wrong-code', confirm: { ...state.confirm, typed: '' } };
  }
  const confirmed = [...state.confirm.confirmed, ...paths];
  if (state.confirm.step + 1 < steps.length) {
    return { ...state, confirm: { step: state.confirm.step + 1, typed: '', confirmed } };
  }
  const next = { ...state, confirm: { ...state.confirm, typed: '', confirmed } };
  if (plansToRun(next).length === 0) return { ...next, notice: 'nothing-selected' };
  return {
    ...go(next, 'erasing'),
    erase: { ...initialErase(), status: 'running' },
  };
}

function initialErase(): GuideState['erase'] {
  return initialState({ lang: 'fr' }).erase;
}

function entryFor(state: GuideState, path: string) {
  return state.drives.status === 'ready'
    ? state.drives.found.entries.find((e) => e.drive.path === path)
    : undefined;
}

/**
 * The only plans the effect layer may hand to the erasure engine: selected, still selectable (unprotected,
 * planned) and confirmed with the right word. Recomputed from state, so no UI path can skip a check.
 */
export function plansToRun(state: GuideState): ErasePlan[] {
  return state.selected.flatMap((path) => {
    const entry = entryFor(state, path);
    if (!entry?.plan || !isSelectable(state, path) || !state.confirm.confirmed.includes(path)) return [];
    return [entry.plan];
  });
}

function certificatesOnEntry(state: GuideState): GuideState['certificates'] {
  if (state.certificates.status === 'unavailable') return state.certificates;
  const erased = (state.erase.results ?? []).some(
    (r) => r.result === 'ERASED' || r.result === 'ERASED_WITH_EXCEPTIONS',
  );
  return { status: erased ? 'working' : 'nothing', issued: null, error: null };
}

function nextMachine(state: GuideState): GuideState {
  const fresh = initialState({
    lang: state.lang,
    technician: state.technician,
    questions: state.diag.phase === 'unavailable' ? null : state.diag.questions,
    certificates: state.certificates.status !== 'unavailable',
    canPowerOff: state.canPowerOff,
  });
  // Same operator and lot: only the asset tag changes between machines of one lot.
  return {
    ...fresh,
    screen: 'intake',
    cycle: state.cycle + 1,
    operator: state.operator,
    intake: { ...state.intake, assetTag: '' },
    focus: 2,
  };
}
