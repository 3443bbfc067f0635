import type { Lang } from '../../../core/i18n.js';
import type { GuidedQuestion, Intake } from '../services.js';
import type { Glyphs, GuideState } from './types.js';

export interface InitialOptions {
  lang: Lang;
  glyphs?: Glyphs;
  technician?: boolean;
  /** The questions to ask when there are no hardware tests; null: no diagnostics at all. */
  questions?: readonly GuidedQuestion[] | null;
  /** Real hardware tests run first; the questions left are known after them. */
  hardware?: boolean;
  certificates?: boolean;
  canPowerOff?: boolean;
  /** Netbooted: the journal is in RAM, the guide waits for the hub before power off or the next machine. */
  hubHolds?: boolean;
}

const emptyIntake: Intake = { donor: '', lot: '', assetTag: '', publicDonor: false };

export function initialState(options: InitialOptions): GuideState {
  const diagnostics = options.hardware === true || (options.questions ?? null) !== null;
  return {
    screen: 'welcome',
    lang: options.lang,
    glyphs: options.glyphs ?? 'ascii',
    technician: options.technician ?? false,
    cycle: 0,
    erasedBefore: 0,
    focus: 0,
    notice: null,
    overlay: null,
    warning: null,
    quit: false,
    powerOffRequested: false,
    canPowerOff: options.canPowerOff ?? false,
    saveRequest: 0,
    operator: '',
    intake: emptyIntake,
    machine: { status: 'loading' },
    diag: {
      phase: diagnostics ? 'idle' : 'unavailable',
      hardware: options.hardware ? { status: 'idle' } : { status: 'none' },
      questions: options.hardware ? null : (options.questions ?? []),
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
    hub: { holds: options.hubHolds ?? false, status: null, request: 0 },
    signingNotice: null,
    secret: null,
    secretHandOff: null,
  };
}

/** The options this state was made with, for the next machine's fresh state. */
export function optionsOf(state: GuideState): InitialOptions {
  const none = state.diag.hardware.status === 'none';
  return {
    lang: state.lang,
    glyphs: state.glyphs,
    technician: state.technician,
    questions: state.diag.phase === 'unavailable' ? null : none ? state.diag.questions : null,
    hardware: state.diag.phase !== 'unavailable' && !none,
    certificates: state.certificates.status !== 'unavailable',
    canPowerOff: state.canPowerOff,
    hubHolds: state.hub.holds,
  };
}
