import { discoverDrives } from '../../core/detect/discover-drives.js';
import { readMachineIdentity } from '../../core/detect/machine-identity.js';
import { NeedsRootError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n.js';
import type { JournalOptions } from '../../core/journal/index.js';
import type { System } from '../../core/run/system.js';
import type { VerifyMode } from '../../erasure/plan/resolve-passes.js';
import {
  checkTargets,
  factsFor,
  faultWithCopy,
  openSession,
  planTargets,
  requireRoom,
  runStarted,
  startJobs,
} from '../../session/index.js';
import { fileIntakeMemory } from './intake-memory.js';
import type {
  CertificateService,
  DiagnosticsService,
  DriveEntry,
  GuideServices,
  MachineIdentity,
} from './services.js';

export interface RealServicesOptions {
  system: System;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  lang: Lang;
  /** `--only-devices`: show only these paths (tests, a bench with many drives). Never used to hide protection. */
  onlyDevices: string[] | null;
  method?: string;
  verify?: VerifyMode;
  checkpointMs?: number;
  powerOff?: () => Promise<void>;
  diagnostics?: DiagnosticsService;
  certificates?: CertificateService;
  /** Journal hooks (tests). */
  journal?: JournalOptions;
}

/**
 * The guide's services over the erase session: the same planning, checks, journal rows and record as
 * `gomme erase`. The record is committed when the erasure ends, whether or not certificates are asked for.
 */
export function realGuideServices(options: RealServicesOptions): GuideServices {
  const { system } = options;
  const settings = {
    dataDir: options.dataDir,
    env: options.env ?? process.env,
    lang: options.lang,
    ...(options.journal ? { journal: options.journal } : {}),
  };
  const services: GuideServices = {
    async discover() {
      const { drives, warnings } = await discoverDrives(system);
      const only = options.onlyDevices;
      const visible = only ? drives.filter((d) => only.includes(d.path)) : drives;
      // The same planning as `gomme erase`: firmware Purge where the drive supports it, else overwrite Clear.
      const entries: DriveEntry[] = planTargets(
        drives,
        visible.map((d) => d.path),
        { method: options.method, verify: options.verify ?? 'sample' },
      ).map((t) => ({ drive: t.drive, plan: t.plan, refusal: t.refusal?.message ?? null }));
      return { entries, warnings, onlyDevices: only };
    },
    async readMachine(): Promise<MachineIdentity> {
      const { vendor, model, serial } = await readMachineIdentity(system);
      return { vendor, model, serial };
    },
    erase: {
      async run(plans, { emit, signal, facts }) {
        if (system.replayed) throw new Error('a replayed system cannot be erased');
        if (process.getuid?.() !== 0) throw new NeedsRootError('gomme guide');
        const opened = openSession(settings);
        try {
          requireRoom(opened, plans.length);
          await checkTargets(
            opened,
            plans.map((p) => p.drive),
            system,
          );
          const run = startJobs(opened, plans, await factsFor(opened, facts ?? {}, system));
          const outcome = await runStarted(opened, run, {
            system,
            emit,
            signal,
            tuning: options.checkpointMs ? { checkpointMs: options.checkpointMs } : {},
          });
          if (outcome.fault) throw faultWithCopy(outcome.fault, outcome.emergency);
          return outcome.drives;
        } finally {
          opened.journal.close();
        }
      },
    },
    memory: fileIntakeMemory(options.dataDir),
  };
  if (options.powerOff) services.powerOff = options.powerOff;
  if (options.diagnostics) services.diagnostics = options.diagnostics;
  if (options.certificates) services.certificates = options.certificates;
  return services;
}

/** `--only-devices /dev/loop3,/dev/loop4` → paths; empty or absent → no restriction. */
export function parseOnlyDevices(value: string | undefined): string[] | null {
  if (!value) return null;
  const paths = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return paths.length > 0 ? paths : null;
}
