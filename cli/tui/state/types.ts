import type { EraseResult, JobEvent } from '../../../core/events.js';
import type { Lang, Text } from '../../../core/i18n.js';
import type { HardwarePlan } from '../../../diagnostics/interactive/plan.js';
import type { JobResult } from '../../../erasure/jobs/run-jobs.js';
import type { Credential } from '../../../erasure/purge/credentials.js';
import type { HubSyncStatus } from '../../../session/hub/sync-follower.js';
import type { SecretIntent, SecretPrompt } from '../../../session/secret-prompt.js';
import type {
  DiagSummary,
  Discovered,
  GuidedQuestion,
  HardwareDone,
  Intake,
  IssuedCertificates,
  MachineIdentity,
  TestLine,
} from '../services.js';
import type { KeyLike } from './keys.js';

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
export type ToggleId = 'publicDonor' | 'lang';
export type ButtonId =
  | 'continue'
  | 'back'
  | 'cancel'
  | 'supervisor'
  | 'yes'
  | 'no'
  | 'keep-going'
  | 'stop'
  | 'next-machine'
  | 'power-off'
  | 'quit'
  | 'stay'
  | 'leave';

/**
 * Something the focus can rest on. Keys mean one thing each (state/keys.ts): Enter validates or moves on,
 * Space ticks a drive or changes a `< >` value, Left/Right change a `< >` value, Esc goes back.
 */
export type Item =
  | { kind: 'field'; id: FieldId }
  /** A `< >` value. */
  | { kind: 'toggle'; id: ToggleId }
  /** A drive that may be ticked (protected drives are drawn but never items). */
  | { kind: 'drive'; id: string }
  /** One answer of a guided question. */
  | { kind: 'choice'; id: string }
  /** A row of a read-only list (tests, progress, results, certificates): the focus scrolls through it. */
  | { kind: 'line'; id: string }
  /** A locked drive's "type its PSID / password" button (the id is the device path). */
  | { kind: 'unlock'; id: string }
  | { kind: 'button'; id: ButtonId };

/** A message shown on the current screen until the next key: errors are words, never only a colour. */
export type Notice =
  | 'operator-required'
  | 'lot-required'
  | 'wrong-machine'
  | 'nothing-selected'
  | 'wrong-code'
  | 'not-ready';

/** A panel over the current screen; the screen's focus comes back when it closes. */
export interface Overlay {
  /** `secret`: typing a locked drive's PSID or password (state.secret holds the prompt). */
  kind: 'supervisor' | 'quit' | 'secret';
  returnFocus: number;
}

/** `ascii` on the Linux console (its font lacks arrows), `unicode` on terminals that draw them. */
export type Glyphs = 'ascii' | 'unicode';

export interface DriveProgress {
  device: string;
  phase: 'write' | 'verify' | 'firmware';
  pass: number;
  passes: number;
  fraction: number;
  rate: number;
  etaSeconds: number | null;
}

/** A drive whose job ended, shown on the erasing screen until the machine's results. */
export interface FinishedLine {
  device: string;
  result: EraseResult;
  seconds: number;
  verified: boolean | null;
}

/** The hardware tests of the diagnostics step (diagnostics/interactive), when the guide has them. */
export type HardwareState =
  | { status: 'none' }
  /** Until the diagnostics step is reached. */
  | { status: 'idle' }
  | { status: 'planning' }
  | { status: 'testing'; plan: HardwarePlan }
  | ({ status: 'done' } & HardwareDone)
  | { status: 'failed'; message: string };

export interface GuideState {
  screen: Screen;
  lang: Lang;
  glyphs: Glyphs;
  /** Technician mode: one typed word confirms the whole batch instead of each serial. */
  technician: boolean;
  /** Bumped for each new machine, so the effects read the machine and its drives again. */
  cycle: number;
  /** Drives erased on the earlier machines of this session (what the quit question says). */
  erasedBefore: number;
  focus: number;
  notice: Notice | null;
  overlay: Overlay | null;
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
    hardware: HardwareState;
    /** The questions left to ask; null while the hardware tests decide which. */
    questions: readonly GuidedQuestion[] | null;
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
  /**
   * The push to the workshop's hub. `holds`: netbooted (journal in RAM), the next machine and power off wait
   * for the hub's acknowledgement; `status`: what the push service last said (null: a stick linked to no hub,
   * or not asked yet; 'unlinked': netbooted and linked to no hub, said but never held); `request`: bumped
   * when records or certificates were committed (the effect asks for a push).
   */
  hub: { holds: boolean; status: HubSyncStatus | null; request: number };
  /** Set when no signing key is set up: the welcome screen says the certificates will be unsigned and how to fix it. */
  signingNotice: Text | null;
  /** The PSID / password prompt while its panel is open (session/secret-prompt.ts). */
  secret: SecretPrompt | null;
  /** A checked secret waiting for the credential service (the effect hands it over, then this is cleared). */
  secretHandOff: { device: string; serial: string; credential: Credential } | null;
}

/** Intents from the keyboard, and reports from the services. */
export type Action =
  /** A key press, read against the state it lands on (keys typed faster than the screen redraws lose nothing). */
  | { type: 'key'; input: string; key: KeyLike }
  | { type: 'focus'; delta: number }
  | { type: 'edit'; field: FieldId; value: string }
  /** Enter: validate the screen, or move on from an input to the next item. */
  | { type: 'activate' }
  /** Space on a drive or a `< >` value, Left/Right on a `< >` value. */
  | { type: 'toggle' }
  | { type: 'back' }
  | { type: 'interrupt' }
  | { type: 'service-warning'; message: string }
  | { type: 'memory-loaded'; operator: string; intake: Intake }
  | { type: 'machine-read'; identity: MachineIdentity }
  | { type: 'machine-failed'; message: string }
  | { type: 'discovered'; found: Discovered }
  | { type: 'discovery-failed'; message: string }
  | { type: 'hardware-planned'; plan: HardwarePlan }
  | { type: 'hardware-done'; done: HardwareDone; questions: GuidedQuestion[] }
  | { type: 'hardware-failed'; message: string; questions: GuidedQuestion[] }
  | { type: 'diag-test'; line: TestLine }
  | { type: 'diag-auto-done' }
  | { type: 'diag-summary'; summary: DiagSummary }
  | { type: 'diag-failed'; message: string }
  | { type: 'job-event'; event: JobEvent }
  | { type: 'erase-finished'; results: JobResult[] }
  | { type: 'erase-failed'; message: string }
  | { type: 'certificates-issued'; issued: IssuedCertificates }
  | { type: 'certificates-failed'; message: string }
  /** A key on the PSID / password panel. */
  | { type: 'secret'; intent: SecretIntent }
  /** The secret reached the credential service: the drives as planned with it. */
  | { type: 'secret-applied'; found: Discovered }
  | { type: 'secret-failed'; message: string }
  | { type: 'signing-notice'; notice: Text }
  /** What the push to the hub says now (null: a stick linked to no hub). */
  | { type: 'hub-status'; status: HubSyncStatus | null };
