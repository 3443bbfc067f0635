/**
 * What the guided UI needs from the rest of gomme, as small adapters. The UI only renders what they report and
 * sends them intents; discovery, planning, erasure, diagnostics and certificates keep all the logic.
 * Optional services (diagnostics, certificates, power off) show "non disponible" when absent.
 */
import type { Drive } from '../../core/drive.js';
import type { JobEvent } from '../../core/events.js';
import type { Lang, Text } from '../../core/i18n.js';
import type { System } from '../../core/run/system.js';
import type { FunctionalStatus } from '../../diagnostics/grading/grade.js';
import type { TestVerdict } from '../../diagnostics/grading/verdict-words.js';
import type { HardwareTestId, Part } from '../../diagnostics/guided/questions.js';
import type { HardwarePlan } from '../../diagnostics/interactive/plan.js';
import type { TestResult } from '../../diagnostics/types.js';
import type { JobResult } from '../../erasure/jobs/run-jobs.js';
import type { ErasePlan } from '../../erasure/plan/build-plan.js';
import type { Credential } from '../../erasure/purge/credentials.js';
import type { HubSyncFollower } from '../../session/hub/sync-follower.js';
import type { SecretNeed } from '../../session/locked-drives.js';

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
  /**
   * A locked drive that a typed secret would let gomme erase (PSID, ATA password), with the tries left; its
   * plan until then is "à détruire". `given`: a secret was typed for it in this session.
   */
  secret?: (SecretNeed & { given: boolean }) | null;
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

/** An automatic test as the guide shows it: the same verdict words as the result (an untested one is never OK). */
export interface TestLine {
  /** The report's label (`smart:/dev/sda`). */
  name: string;
  status: TestVerdict | 'running';
}

/** One test of the result, in words. */
export interface DiagRow {
  id: string;
  verdict: TestVerdict;
  name: Text;
  /** Why, when it is not plainly OK (the reason the report gives). */
  reason: Text | null;
}

export interface DiagSummary {
  status: FunctionalStatus;
  /** "INCOMPLET : 3 fonctions non testées", "BON". */
  headline: Text;
  /** The functions not tested, named ("processeur, clavier"); null when every one was. */
  untested: Text | null;
  /** Every letter or figure of the verdict, explained: aspect, performance, price cap. */
  explanations: Text[];
  rows: DiagRow[];
  /** The verdict on one line, for the erasure record (machine certificate). */
  notes: Text;
  inventory: { cpu: string | null; memoryBytes: number | null };
}

/** What the hardware tests left: their results, the parts found absent and the tests that ran. */
export interface HardwareDone {
  results: TestResult[];
  absent: Part[];
  ranTests: HardwareTestId[];
}

export interface HardwareTestsService {
  /** The machine the tests read (evtest, udevadm, arecord...). */
  system: System;
  /** Which tests this machine gets; read when the diagnostics step starts. */
  plan(): Promise<HardwarePlan>;
}

export interface DiagnosticsService {
  /** The questions left once what is absent or already tested is known (all of them when nothing is). */
  questionsFor(context: { absent: readonly Part[]; ranTests: readonly HardwareTestId[] }): GuidedQuestion[];
  /** Real hardware tests (keys, touchpad, screen, sound, webcam, USB); without them, every question is asked. */
  hardware?: HardwareTestsService;
  /** Starts the automatic tests; reports each test's state as it changes. */
  runAutomatic(options: { signal: AbortSignal; onTest(line: TestLine): void }): Promise<void>;
  /** Grades once the automatic tests, the hardware tests and the answers are in. */
  summarise(input: { answers: Record<string, string>; hardware: HardwareDone | null }): Promise<DiagSummary>;
}

export interface CertificateRequest {
  /** The guide's language now (the trainee may have switched it on the first screen); default: the service's. */
  lang?: Lang;
  operator: string;
  intake: Intake;
  machine: MachineIdentity | null;
  results: JobResult[];
  diagnostics: DiagSummary | null;
}

export interface IssuedFile {
  path: string;
  /** A drive's certificate goes to the donor; the computer's stays with the machine. */
  kind: 'drive' | 'machine';
  /** The drive's device path at erasure time (drive certificates). */
  device: string | null;
}

export interface IssuedCertificates {
  files: IssuedFile[];
  /** The folder the files were saved in ("" when none was written). */
  savedIn: string;
  /** Said when some records could not be signed now (no key...): how to sign them later. */
  notice: Text | null;
}

export interface CertificateService {
  issue(request: CertificateRequest): Promise<IssuedCertificates>;
  /** Said before anything starts when no signing key is set up: the certificates will be unsigned, and how to fix it. */
  signingNotice?(): Text | null;
}

export interface EraseService {
  /** Runs the jobs side by side; an aborted signal ends them at a checkpoint (ABORTED, resumable). */
  run(
    plans: ErasePlan[],
    options: {
      emit(event: JobEvent): void;
      signal: AbortSignal;
      /** Who erases and for whom (from the intake): stored with the jobs, before the first byte. */
      facts?: {
        operator?: string;
        donor?: string;
        lot?: string;
        assetTag?: string;
        inventory?: { cpu: string | null; memoryBytes: number | null; notes: string | null };
      };
    },
  ): Promise<JobResult[]>;
}

export interface IntakeMemory {
  load(): Promise<{ operator: string; intake: Intake } | null>;
  save(value: { operator: string; intake: Intake }): Promise<void>;
}

/** Secrets typed for locked drives (memory only), then the drives planned again with them. */
export interface CredentialService {
  provide(request: { device: string; serial: string; credential: Credential }): Promise<Discovered>;
}

export interface GuideServices {
  discover(): Promise<Discovered>;
  /** Where the guide hands a PSID or a drive password; without it, locked drives can only go to destruction. */
  credentials?: CredentialService;
  readMachine(): Promise<MachineIdentity>;
  erase: EraseService;
  memory: IntakeMemory;
  diagnostics?: DiagnosticsService;
  certificates?: CertificateService;
  /** Only offered on the live system. */
  powerOff?: () => Promise<void>;
  /**
   * The push to the workshop's hub, asked after each machine's records and certificates. Netbooted (journal in
   * RAM), the guide offers no power off and no next machine until the hub has acknowledged everything.
   */
  hub?: HubSyncFollower;
}
