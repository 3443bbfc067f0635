import type { DriveEntry, GuideServices, Intake } from '../../../cli/tui/services.js';
import type { Drive } from '../../../core/drive.js';
import type { JobEvent } from '../../../core/events.js';
import { text } from '../../../core/i18n.js';
import type { JobResult } from '../../../erasure/jobs/run-jobs.js';
import { buildOverwritePlan, type ErasePlan } from '../../../erasure/plan/build-plan.js';

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
  } = {},
) {
  const saved: Array<{ operator: string; intake: Intake }> = [];
  const erased: ErasePlan[][] = [];
  let abortSeen = false;
  const services: GuideServices = {
    discover: async () => ({
      entries: options.entries ?? [entry(hdd), entry(bootStick)],
      warnings: [],
      onlyDevices: null,
    }),
    readMachine: async () => ({ vendor: 'LENOVO', model: 'ThinkPad T460', serial: 'PC0ABCDE' }),
    erase: {
      run: (plans, { emit, signal }) =>
        new Promise((resolve) => {
          erased.push(plans);
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
  return { services, saved, erased, abortSeen: () => abortSeen };
}
