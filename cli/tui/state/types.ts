import type { EraseResult, JobEvent } from '../../../core/events.js';
import type { Lang } from '../../../core/i18n.js';
import type { JobResult } from '../../../erasure/jobs/run-jobs.js';
import type {
  DiagSummary,
  Discovered,
  GuidedQuestion,
  Intake,
  IssuedCertificates,
  MachineIdentity,
  TestLine,
} from '../services.js';

export type Screen =
  | 'welcome'
  | 'intake'
  | 'machine'
  | 'diagnostics'
  | 'drives'
  | 'confirm'
  | 'erasing'
  | 'results'
  | 'certificates'
  | 'next';

export type FieldId = 'operator' | 'donor' | 'lot' | 'assetTag' | 'code';

/** Something the trainee can focus with the arrows or Tab and activate with Enter. */
export type Item =
  | { kind: 'field'; id: FieldId }
  | { kind: 'toggle'; id: 'publicDonor' }
  | { kind: 'drive'; id: string }
  | { kind: 'choice'; id: string }
  | {
      kind: 'button';
      id:
        | 'continue'
        | 'back'
        | 'cancel'
        | 'supervisor'
        | 'lang'
        | 'yes'
        | 'no'
        | 'keep-going'
        | 'stop'
        | 'next-machine'
        | 'power-off'
        | 'quit';
    };

/** A message shown on the current screen until the next key: errors are words, never only a colour. */
export type Notice =
  | 'operator-required'
  | 'lot-required'
  | 'wrong-machine'
  | 'nothing-selected'
  | 'wrong-code'
  | 'not-ready';

export interface DriveProgress {
  device: string;
  phase: 'write' | 'verify' | 'firmware';
  pass: number;
  passes: number;
  fraction: number;
  rate: number;
  etaSeconds: number | null;
}

/** A drive whose job ended: printed once, above the live bars (Ink <Static>). */
export interface FinishedLine {
  device: string;
  result: EraseResult;
  seconds: number;
  verified: boolean | null;
}

export interface GuideState {
  screen: Screen;
  lang: Lang;
  /** Technician mode: one typed word confirms the whole batch instead of each serial. */
  technician: boolean;
  /** Bumped for each new machine, so the effects read the machine and its drives again. */
  cycle: number;
  focus: number;
  notice: Notice | null;
  supervisor: boolean;
  /** A service problem that does not stop the flow (e.g. the intake memory could not be saved). */
  warning: string | null;
  quit: boolean;
  powerOffRequested: boolean;
  canPowerOff: boolean;
  /** Bumped when intake is validated: the effect layer saves it. */
  saveRequest: number;
  operator: string;
  intake: Intake;
  machine:
    | { status: 'loading' }
    | { status: 'read'; identity: MachineIdentity }
    | { status: 'failed'; message: string };
  diag: {
    phase: 'unavailable' | 'idle' | 'running' | 'grading' | 'done' | 'failed';
    questions: readonly GuidedQuestion[];
    questionIndex: number;
    answers: Record<string, string>;
    tests: TestLine[];
    autoDone: boolean;
    summary: DiagSummary | null;
    error: string | null;
  };
  drives:
    | { status: 'loading' }
    | { status: 'ready'; found: Discovered }
    | { status: 'failed'; message: string };
  selected: string[];
  confirm: { step: number; typed: string; confirmed: string[] };
  erase: {
    status: 'idle' | 'running' | 'done' | 'failed';
    progress: Record<string, DriveProgress>;
    finished: FinishedLine[];
    /** Read-back verdict per device, from verify-finished events. */
    verified: Record<string, boolean>;
    stopAsked: boolean;
    stopping: boolean;
    results: JobResult[] | null;
    error: string | null;
  };
  certificates: {
    status: 'unavailable' | 'idle' | 'working' | 'done' | 'failed' | 'nothing';
    issued: IssuedCertificates | null;
    error: string | null;
  };
}

/** Intents from the keyboard, and reports from the services. */
export type Action =
  | { type: 'focus'; delta: number }
  | { type: 'edit'; field: FieldId; value: string }
  | { type: 'activate' }
  | { type: 'back' }
  | { type: 'interrupt' }
  | { type: 'service-warning'; message: string }
  | { type: 'memory-loaded'; operator: string; intake: Intake }
  | { type: 'machine-read'; identity: MachineIdentity }
  | { type: 'machine-failed'; message: string }
  | { type: 'discovered'; found: Discovered }
  | { type: 'discovery-failed'; message: string }
  | { type: 'diag-test'; line: TestLine }
  | { type: 'diag-auto-done' }
  | { type: 'diag-summary'; summary: DiagSummary }
  | { type: 'diag-failed'; message: string }
  | { type: 'job-event'; event: JobEvent }
  | { type: 'erase-finished'; results: JobResult[] }
  | { type: 'erase-failed'; message: string }
  | { type: 'certificates-issued'; issued: IssuedCertificates }
  | { type: 'certificates-failed'; message: string };
