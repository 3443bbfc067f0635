import { summaryOf } from '../../../cli/tui/diagnostics-service.js';
import type {
  CertificateService,
  DiagnosticsService,
  DriveEntry,
  GuideServices,
  Intake,
} from '../../../cli/tui/services.js';
import type { Drive } from '../../../core/drive.js';
import type { JobEvent } from '../../../core/events.js';
import { text } from '../../../core/i18n.js';
import { emptyBundle } from '../../../core/run/bundle.js';
import { replaySystem } from '../../../core/run/system.js';
import { grade, testLabel } from '../../../diagnostics/grading/grade.js';
import { testVerdict } from '../../../diagnostics/grading/verdict-words.js';
import { guidedResults } from '../../../diagnostics/guided/guided-results.js';
import { questionsToAsk } from '../../../diagnostics/guided/questions.js';
import type { HardwarePlan } from '../../../diagnostics/interactive/plan.js';
import { notPresent } from '../../../diagnostics/interactive/results.js';
import { reason, type TestResult } from '../../../diagnostics/types.js';
import type { JobResult } from '../../../erasure/jobs/run-jobs.js';
import { buildOverwritePlan, type ErasePlan } from '../../../erasure/plan/build-plan.js';
import type { HubSyncFollower, HubSyncStatus } from '../../../session/hub/sync-follower.js';
import { DOWN, drawn, ENTER, keys } from '../../helpers/ink-keys.js';

export function fakeDrive(overrides: Partial<Drive> = {}): Drive {
  return {
    path: '/dev/sdb',
    byIdPath: null,
    name: 'sdb',
    majMin: '8:16',
    model: 'WDC WD5000AAKX',
    serial: 'WCAYUJ123456',
    firmware: '01.01',
    wwn: null,
    vendor: null,
    sizeBytes: 500_107_862_016,
    logicalSectorSize: 512,
    physicalSectorSize: 4096,
    rotational: true,
    transport: 'sata',
    removable: false,
    readOnly: false,
    backingFile: null,
    capabilities: {
      overwrite: true,
      ataSecurity: null,
      ataSanitize: null,
      nvme: null,
      scsi: null,
      hiddenAreas: null,
    },
    protected: false,
    protections: [],
    warnings: [],
    ...overrides,
  };
}

export function entry(drive: Drive): DriveEntry {
  const built = buildOverwritePlan(drive, { method: 'nist-clear', verify: 'sample' });
  return built.ok
    ? { drive, plan: built.plan, refusal: null }
    : { drive, plan: null, refusal: built.refusals[0]?.message ?? null };
}

export const hdd = fakeDrive();
export const ssd = fakeDrive({
  path: '/dev/sdc',
  name: 'sdc',
  model: 'Samsung SSD 860',
  serial: 'S3Z9NB0K12345X',
  rotational: false,
  sizeBytes: 250_059_350_016,
});
export const bootStick = fakeDrive({
  path: '/dev/sda',
  name: 'sda',
  model: 'SanDisk Cruzer',
  serial: '4C530001',
  transport: 'usb',
  removable: true,
  sizeBytes: 16_000_000_000,
  protected: true,
  protections: [
    {
      reason: 'boot-medium',
      detail: text('sda1 monté sur /run/live/medium', 'sda1 mounted at /run/live/medium'),
    },
  ],
});

export function result(plan: ErasePlan, outcome: JobResult['result'] = 'ERASED'): JobResult {
  return {
    job: {
      jobId: `job-${plan.drive.name}`,
      drive: plan.drive,
      plan: plan.job,
      resumeFrom: null,
      startedAt: '2025-01-01T00:00:00Z',
    },
    outcome: {
      result: outcome,
      errors: [],
      sizeBytes: plan.drive.sizeBytes,
      bytesWritten: plan.drive.sizeBytes,
      passesCompleted: 1,
      verification: {
        mode: 'sample',
        passesVerified: 1,
        bytesRead: 1,
        coverage: 0.1,
        mismatchedBytes: 0,
        passed: true,
      },
      startedAt: '2025-01-01T00:00:00Z',
      endedAt: '2025-01-01T01:02:00Z',
      seconds: 3720,
    },
    result: outcome,
    errors: [],
    failure: null,
    interruptions: [],
  };
}

/** Services that answer at once; erase replays the given events then resolves with one result per plan. */
export function fakeServices(
  options: {
    entries?: DriveEntry[];
    memory?: { operator: string; intake: Intake } | null;
    events?: (plan: ErasePlan) => JobEvent[];
    holdErase?: boolean;
    diagnostics?: DiagnosticsService;
  } = {},
) {
  const saved: Array<{ operator: string; intake: Intake }> = [];
  const erased: ErasePlan[][] = [];
  const facts: unknown[] = [];
  let abortSeen = false;
  const services: GuideServices = {
    discover: async () => ({
      entries: options.entries ?? [entry(hdd), entry(bootStick)],
      warnings: [],
      onlyDevices: null,
    }),
    readMachine: async () => ({ vendor: 'LENOVO', model: 'ThinkPad T460', serial: 'PC0ABCDE' }),
    erase: {
      run: (plans, { emit, signal, facts: given }) =>
        new Promise((resolve) => {
          erased.push(plans);
          facts.push(given);
          for (const plan of plans) for (const e of options.events?.(plan) ?? []) emit(e);
          const finish = (r: JobResult['result']) => resolve(plans.map((p) => result(p, r)));
          if (!options.holdErase) {
            finish('ERASED');
            return;
          }
          signal.addEventListener('abort', () => {
            abortSeen = true;
            finish('ABORTED');
          });
        }),
    },
    memory: {
      load: async () => options.memory ?? null,
      save: async (value) => {
        saved.push(value);
      },
    },
  };
  if (options.diagnostics) services.diagnostics = options.diagnostics;
  return { services, saved, erased, facts, abortSeen: () => abortSeen };
}

/** A plan of a machine with none of the parts the interactive tests need but a screen and USB ports. */
export function barePlan(over: Partial<HardwarePlan> = {}): HardwarePlan {
  return {
    keyboards: [],
    fnKeys: [],
    pointers: [],
    sound: false,
    webcams: [],
    absent: ['keyboard', 'pointer', 'sound', 'webcam'],
    absentResults: [
      notPresent('keyboard', 'Aucun clavier détecté.', 'No keyboard found.'),
      notPresent('touchpad', 'Pas de pavé tactile.', 'No touchpad.'),
      notPresent('speakers', 'Pas de carte son.', 'No sound card.'),
      notPresent('microphone', 'Pas de carte son.', 'No sound card.'),
      notPresent('webcam-image', 'Pas de webcam.', 'No webcam.'),
    ],
    ...over,
  };
}

/** Automatic results as `gomme diag --quick` gives them: the CPU ran 5 s, too short to count. */
export const quickAutomatic: TestResult[] = [
  {
    name: 'smart',
    kind: 'auto',
    status: 'pass',
    reasons: [],
    values: {},
    durationMs: 0,
    subject: '/dev/sda',
  },
  {
    name: 'cpu',
    kind: 'auto',
    status: 'pass',
    reasons: [reason('cpu-too-short', 'info', 'Test trop court (5 s).', 'Test too short (5 s).')],
    values: {},
    durationMs: 0,
  },
  { name: 'webcam', kind: 'auto', status: 'not-present', reasons: [], values: {}, durationMs: 0 },
];

/**
 * Diagnostics over the real question list, grading and words: the automatic tests are given, the hardware
 * tests (when `plan` is) run on a replayed system that records nothing.
 */
export function fakeDiagnostics(
  options: { plan?: HardwarePlan; automatic?: TestResult[]; hold?: boolean } = {},
) {
  const automatic = options.automatic ?? quickAutomatic;
  let release: () => void = () => {};
  const service: DiagnosticsService = {
    questionsFor: (context) => questionsToAsk(context),
    runAutomatic: async ({ onTest }) => {
      for (const t of automatic) onTest({ name: testLabel(t), status: 'running' });
      if (options.hold) await new Promise<void>((resolve) => (release = resolve));
      for (const t of automatic) onTest({ name: testLabel(t), status: testVerdict(t) });
    },
    summarise: async ({ answers, hardware }) => {
      const tests = [
        ...automatic,
        ...guidedResults(answers, {
          absent: hardware?.absent ?? [],
          ranTests: hardware?.ranTests ?? [],
          hardware: hardware?.results ?? [],
        }),
      ];
      const g = grade({
        tests,
        formFactor: 'laptop',
        ramBytes: 8 * 1024 ** 3,
        cpuScore: 1000,
        drives: [{ kind: 'ssd', sizeBytes: 256e9 }],
        publicDonor: false,
      });
      return summaryOf(g, tests, { cpu: 'Intel Core i5-6300U', memoryBytes: 8 * 1024 ** 3 });
    },
  };
  if (options.plan) {
    const plan = options.plan;
    service.hardware = { system: replaySystem(emptyBundle(new Date(0))), plan: async () => plan };
  }
  return { service, release: () => release() };
}

/**
 * The push to the hub as the guide sees it (session/hub/sync-follower.ts): the test says each status, as the
 * real follower would after a try; `requests` counts the pushes the guide asked for.
 */
export function fakeHub(journalInRam: boolean) {
  const listeners = new Set<(status: HubSyncStatus | null) => void>();
  let last: HubSyncStatus | null = null;
  let requests = 0;
  let stopped = false;
  const follower: HubSyncFollower = {
    journalInRam,
    request: () => {
      requests++;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(last);
      return () => {
        listeners.delete(listener);
      };
    },
    stop: () => {
      stopped = true;
    },
  };
  return {
    follower,
    say(status: HubSyncStatus | null) {
      last = status;
      for (const listener of listeners) listener(status);
    },
    requests: () => requests,
    stopped: () => stopped,
  };
}

/** Certificates that are "issued" at once: one drive's file (nothing is signed or written). */
export const oneCertificate: CertificateService = {
  issue: async () => ({
    files: [{ path: '/data/gomme/certificates/GR-TEST-1-D1.pdf', kind: 'drive', device: '/dev/sdb' }],
    savedIn: '/data/gomme/certificates',
    notice: null,
  }),
};

type Keyboard = { write(s: string): void };

/**
 * The French guide over these fakes, from its first screen to the drive list: name "Awa", lot L9, the
 * machine (the ThinkPad T460 above) confirmed, diagnostics unavailable.
 */
export async function walkToDriveList(frames: string[], stdin: Keyboard, timeoutMs?: number): Promise<void> {
  await drawn(frames, 'Votre prénom et nom', 0, timeoutMs);
  await keys(stdin, 'A', 'w', 'a', ENTER, ENTER);
  await drawn(frames, 'Numéro de lot', 0, timeoutMs);
  await keys(stdin, DOWN, 'L', '9', DOWN, DOWN, DOWN, ENTER);
  await drawn(frames, 'ThinkPad T460', 0, timeoutMs);
  await keys(stdin, ENTER);
  await drawn(frames, 'non disponibles', 0, timeoutMs);
  await keys(stdin, ENTER);
  await drawn(frames, '[ ] /dev/sdb', 0, timeoutMs);
}

/** From the drive list: ticks the first drive (`hdd`), types its serial's last 4 characters, waits for the results. */
export async function eraseFirstDrive(frames: string[], stdin: Keyboard, timeoutMs?: number): Promise<void> {
  await keys(stdin, ' ', ENTER);
  await drawn(frames, 'Tapez les 4 derniers', 0, timeoutMs);
  await keys(stdin, '3', '4', '5', '6', ENTER);
  await drawn(frames, 'RÉSULTATS', 0, timeoutMs);
}
