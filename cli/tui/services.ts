/**
 * What the guided UI needs from the rest of gomme, as small adapters. The UI only renders what they report and
 * sends them intents; discovery, planning, erasure, diagnostics and certificates keep all the logic.
 * Optional services (diagnostics, certificates, power off) show "non disponible" when absent.
 */
import type { Drive } from '../../core/drive.js';
import type { JobEvent } from '../../core/events.js';
import type { Text } from '../../core/i18n.js';
import type { JobResult } from '../../erasure/jobs/run-jobs.js';
import type { ErasePlan } from '../../erasure/plan/build-plan.js';

/** What the trainee types at intake; donor, lot and the public flag are remembered for the next machine. */
export interface Intake {
  donor: string;
  lot: string;
  assetTag: string;
  publicDonor: boolean;
}

/** Identity of the machine from DMI (null = unknown, e.g. not root or not reported). */
export interface MachineIdentity {
  vendor: string | null;
  model: string | null;
  serial: string | null;
}

/** One drive as the guide shows it: the plan it would get, or why it cannot be erased. */
export interface DriveEntry {
  drive: Drive;
  plan: ErasePlan | null;
  /** Set when the drive is protected or cannot be planned: the drive is shown greyed, never selectable. */
  refusal: Text | null;
}

export interface Discovered {
  entries: DriveEntry[];
  warnings: Text[];
  /** Set when `--only-devices` restricted the list: shown as a banner, so nothing is hidden silently. */
  onlyDevices: string[] | null;
}

/** A guided question as data (diagnostics/guided/questions.ts has the same shape). */
export interface GuidedQuestion {
  id: string;
  prompt: Text;
  instructions: Text;
  choices: Array<{ id: string; label: Text }>;
}

export type TestStatus = 'pass' | 'warn' | 'fail' | 'not-present' | 'skipped' | 'running';

export interface TestLine {
  name: string;
  status: TestStatus;
}

export interface DiagSummary {
  /** Functional grade in words, e.g. "OK avec réserves". */
  grade: Text;
  /** One line per finding the trainee should read. */
  findings: Text[];
}

export interface DiagnosticsService {
  questions: readonly GuidedQuestion[];
  /** Starts the automatic tests; reports each test's state as it changes. */
  runAutomatic(options: { signal: AbortSignal; onTest(line: TestLine): void }): Promise<void>;
  /** Grades once both the automatic tests and the answers are in. */
  summarise(answers: Record<string, string>): Promise<DiagSummary>;
}

export interface CertificateRequest {
  operator: string;
  intake: Intake;
  machine: MachineIdentity | null;
  results: JobResult[];
  diagnostics: DiagSummary | null;
}

export interface IssuedCertificates {
  files: string[];
  /** Text QR code (ASCII only), or null when none could be drawn. */
  qr: string[] | null;
  /** Where the files were saved, in words ("la clé USB, dossier gomme/certificats"). */
  savedIn: string;
}

export interface CertificateService {
  issue(request: CertificateRequest): Promise<IssuedCertificates>;
}

export interface EraseService {
  /** Runs the jobs side by side; an aborted signal ends them at a checkpoint (ABORTED, resumable). */
  run(
    plans: ErasePlan[],
    options: {
      emit(event: JobEvent): void;
      signal: AbortSignal;
      /** Who erases and for whom (from the intake): stored with the jobs, before the first byte. */
      facts?: { operator?: string; donor?: string; lot?: string };
    },
  ): Promise<JobResult[]>;
}

export interface IntakeMemory {
  load(): Promise<{ operator: string; intake: Intake } | null>;
  save(value: { operator: string; intake: Intake }): Promise<void>;
}

export interface GuideServices {
  discover(): Promise<Discovered>;
  readMachine(): Promise<MachineIdentity>;
  erase: EraseService;
  memory: IntakeMemory;
  diagnostics?: DiagnosticsService;
  certificates?: CertificateService;
  /** Only offered on the live system. */
  powerOff?: () => Promise<void>;
}
