import { discoverDrives } from '../../core/detect/discover-drives.js';
import { GommeError, NeedsRootError, ProtectedDeviceError, UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import type { JournalOptions } from '../../core/journal/index.js';
import type { System } from '../../core/run/system.js';
import { realSystem } from '../../core/run/system.js';
import type { VerifyMode } from '../../erasure/plan/resolve-passes.js';
import {
  checkTargets,
  claimJobs,
  type FactsRequest,
  factsFor,
  missingNotice,
  type OpenedSession,
  openSession,
  type ProcReader,
  plansOrRefuse,
  planTargets,
  ResumeDrivesMissingError,
  refuseDrivesInUse,
  requireRoom,
  resumePlanFor,
  type SessionConfig,
  type StartedRun,
  startJobs,
} from '../../session/index.js';
import { confirmOnTerminal } from '../confirm.js';
import type { CommandContext } from '../io.js';
import { openSystem } from '../open-system.js';
import { printPlans } from '../output/print-plans.js';
import { finishErasure, sayNotice } from './erase-output.js';

export interface EraseOptions extends FactsRequest {
  method?: string;
  verify?: VerifyMode;
  dryRun?: boolean;
  yes?: boolean;
  resume?: boolean;
  checkpointInterval?: string;
  /** --dry-run only: plan every drive of the machine (or of the bundle). */
  all?: boolean;
  /** --dry-run only: plan from a captured bundle. */
  replay?: string;
  /** List the journal's jobs. */
  jobs?: boolean;
  /** Discard an unfinished job (its drive is gone, or it will never be resumed). */
  forget?: string;
}

/** What tests inject: journal hooks (crash or break the medium at a write point), a /proc reader. */
export interface EraseDeps {
  journal?: JournalOptions;
  readProc?: ProcReader;
  system?: System;
}

/** Shows what would happen to each drive; writes nothing, so it also works on a replayed bundle and without root. */
async function dryRun(ctx: CommandContext, devices: string[], options: EraseOptions): Promise<number> {
  const system = await openSystem(options.replay);
  const { drives } = await discoverDrives(system);
  const names = options.all ? drives.map((d) => d.path) : devices;
  if (names.length === 0) {
    throw new UsageError(text('Nommez des disques, ou --all.', 'Name drives, or --all.'));
  }
  const targets = planTargets(drives, names, { method: options.method, verify: options.verify });
  printPlans(ctx, targets);
  return targets.some((t) => t.refusal) ? ExitCode.REFUSED : ExitCode.OK;
}

export function sessionSettings(ctx: CommandContext, deps: EraseDeps): SessionConfig {
  return {
    dataDir: resolveDataDir(ctx.env),
    env: ctx.env,
    lang: ctx.lang,
    ...(deps.journal ? { journal: deps.journal } : {}),
    ...(deps.readProc ? { readProc: deps.readProc } : {}),
  };
}

export async function eraseCommand(
  ctx: CommandContext,
  devices: string[],
  options: EraseOptions,
  deps: EraseDeps = {},
): Promise<number> {
  if (options.dryRun) return dryRun(ctx, devices, options);
  if (options.jobs || options.forget !== undefined) {
    const { eraseJobsCommand } = await import('./erase-jobs.js');
    return eraseJobsCommand(ctx, devices, options, sessionSettings(ctx, deps));
  }
  checkUsage(devices, options);
  if (process.getuid?.() !== 0) throw new NeedsRootError('gomme erase');
  const system = deps.system ?? realSystem();
  const { drives } = await discoverDrives(system);
  // Planning is pure and refuses before the journal is even opened.
  const plans = options.resume
    ? null
    : plansOrRefuse(planTargets(drives, devices, { method: options.method, verify: options.verify }));
  const opened = openSession(sessionSettings(ctx, deps));
  try {
    // Before anything is erased: unsigned records, a rebuilt journal index, records recovered from a crash.
    for (const notice of opened.notices) sayNotice(ctx, notice);
    const run = plans
      ? await startNew(ctx, opened, plans, options, system)
      : await startResumed(ctx, opened, drives, options, system);
    if (!run) return ExitCode.OK;
    return await finishErasure(ctx, opened, run, options, system);
  } finally {
    opened.journal.close();
  }
}

function checkUsage(devices: string[], options: EraseOptions): void {
  if (options.all || options.replay) {
    throw new UsageError(
      text('--all et --replay ne servent qu’avec --dry-run.', '--all and --replay only go with --dry-run.'),
    );
  }
  if (!options.resume && devices.length === 0) {
    throw new UsageError(
      text(
        'Nommez le ou les disques à effacer (ex. gomme erase /dev/sdb).',
        'Name the drive(s) to erase (e.g. gomme erase /dev/sdb).',
      ),
    );
  }
  if (options.resume && devices.length > 0) {
    throw new UsageError(
      text(
        '--resume reprend les travaux du journal : ne nommez pas de disque.',
        '--resume takes jobs from the journal: name no drive.',
      ),
    );
  }
}

async function startNew(
  ctx: CommandContext,
  opened: OpenedSession,
  plans: ReturnType<typeof plansOrRefuse>,
  options: EraseOptions,
  system: System,
): Promise<StartedRun> {
  const targets = plans.map((p) => p.drive);
  requireRoom(opened, plans.length);
  await checkTargets(opened, targets);
  await confirm(ctx, targets, options);
  return startJobs(opened, plans, await factsFor(opened, options, system));
}

async function startResumed(
  ctx: CommandContext,
  opened: OpenedSession,
  drives: Awaited<ReturnType<typeof discoverDrives>>['drives'],
  options: EraseOptions,
  system: System,
): Promise<StartedRun | null> {
  const plan = resumePlanFor(opened, drives);
  if (plan.resume.length === 0) {
    if (plan.missing.length > 0) throw new ResumeDrivesMissingError(plan.missing);
    ctx.say(text('Aucun effacement à reprendre.', 'No erasure to resume.'));
    return null;
  }
  for (const job of plan.missing) sayNotice(ctx, missingNotice(job));
  if (options.operator || options.donor || options.lot || options.destination)
    sayNotice(
      ctx,
      text(
        'Les travaux repris gardent l’opérateur, le donateur, le lot et la destination de leur début.',
        'Resumed jobs keep the operator, donor, lot and destination they started with.',
      ),
    );
  for (const { drive } of plan.resume)
    if (drive.protected) throw new ProtectedDeviceError(drive.path, drive.protections);
  requireRoom(opened, plan.resume.length);
  await refuseDrivesInUse(
    plan.resume.map((r) => r.drive),
    system,
  );
  await confirm(
    ctx,
    plan.resume.map((r) => r.drive),
    options,
  );
  const facts = await factsFor(opened, options, system);
  return claimJobs(opened, plan, () => facts).run;
}

async function confirm(
  ctx: CommandContext,
  drives: Parameters<typeof confirmOnTerminal>[1],
  options: EraseOptions,
) {
  if (options.yes) return;
  const confirmed = process.stdin.isTTY && (await confirmOnTerminal(ctx, drives));
  if (confirmed) return;
  throw new GommeError(
    'not-confirmed',
    text('Effacement non confirmé : rien n’a été écrit.', 'Erasure not confirmed: nothing was written.'),
    {
      exitCode: ExitCode.REFUSED,
      hint: text(
        'Dans un script, ajoutez --yes après avoir vérifié la cible.',
        'In a script, add --yes once the target is checked.',
      ),
    },
  );
}
