import { discoverDrives } from '../../core/detect/discover-drives.js';
import { readMachineIdentity } from '../../core/detect/machine-identity.js';
import type { Drive } from '../../core/drive.js';
import { NeedsRootError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n.js';
import type { JournalOptions } from '../../core/journal/index.js';
import type { System } from '../../core/run/system.js';
import type { VerifyMode } from '../../erasure/plan/resolve-passes.js';
import { CredentialStore } from '../../erasure/purge/credentials.js';
import {
  checkTargets,
  factsFor,
  faultWithCopy,
  openJournalAccess,
  openSession,
  planTargets,
  requireRoom,
  runStarted,
  type SecretNeed,
  secretKindFor,
  secretNeeds,
  startJobs,
} from '../../session/index.js';
import { fileIntakeMemory } from './intake-memory.js';
import type {
  CertificateService,
  DiagnosticsService,
  Discovered,
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
  // PSIDs and drive passwords typed in the guide: memory only, never in the journal or the record.
  const credentials = new CredentialStore();
  const discover = async (): Promise<Discovered> => {
    const { drives, warnings } = await discoverDrives(system);
    const only = options.onlyDevices;
    const visible = only ? drives.filter((d) => only.includes(d.path)) : drives;
    // The same planning as `gomme erase`: firmware Purge where the drive supports it, else overwrite Clear;
    // a locked drive gets its secret's route once one was typed, "à détruire" until then.
    const targets = planTargets(
      drives,
      visible.map((d) => d.path),
      { method: options.method, verify: options.verify ?? 'sample', credentials },
    );
    const needs = await lockedDriveNeeds(targets.map((t) => t.drive));
    const entries: DriveEntry[] = targets.map((t) => {
      const need = needs.get(t.drive.path);
      const secret = need ? { ...need, given: credentials.get(need.serial) !== null } : null;
      return { drive: t.drive, plan: t.plan, refusal: t.refusal?.message ?? null, secret };
    });
    return { entries, warnings, onlyDevices: only };
  };
  /** The tries each locked drive has left, from the journal's counter (opened only when a drive is locked). */
  const lockedDriveNeeds = async (drives: readonly Drive[]) => {
    if (!drives.some((d) => secretKindFor(d) !== null)) return new Map<string, SecretNeed>();
    const access = openJournalAccess(settings);
    try {
      return await secretNeeds(drives, access.journal.passwords);
    } finally {
      access.journal.close();
    }
  };
  const services: GuideServices = {
    discover,
    credentials: {
      async provide({ serial, credential }) {
        credentials.provide(serial, credential);
        return discover();
      },
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
          );
          const run = startJobs(opened, plans, await factsFor(opened, facts ?? {}, system));
          const outcome = await runStarted(opened, run, {
            credentials,
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
