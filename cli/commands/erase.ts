import { randomUUID } from 'node:crypto';
import { discoverDrives } from '../../core/detect/discover-drives.js';
import type { Drive } from '../../core/drive.js';
import {
  DeviceNotFoundError,
  GommeError,
  NeedsRootError,
  ProtectedDeviceError,
  UsageError,
} from '../../core/errors.js';
import type { JobEvent } from '../../core/events.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import { openJournal } from '../../core/journal/open-journal.js';
import type { CommandRunner } from '../../core/run/runner.js';
import { realSystem } from '../../core/run/system.js';
import { JobStore } from '../../erasure/jobs/job-store.js';
import { matchDrive } from '../../erasure/jobs/match-drive.js';
import { type JobResult, type JobToRun, runJobs } from '../../erasure/jobs/run-jobs.js';
import type { VerifyMode } from '../../erasure/plan/resolve-passes.js';
import { confirmOnTerminal } from '../confirm.js';
import type { SessionOptions } from '../erase-certificates.js';
import type { CommandContext } from '../io.js';
import { openSystem } from '../open-system.js';
import { progressLine, renderResults, resultJson } from '../output/erase-report.js';
import { printPlans } from '../output/print-plans.js';
import { planTargets } from '../plan-targets.js';

export interface EraseOptions extends SessionOptions {
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

export async function eraseCommand(
  ctx: CommandContext,
  devices: string[],
  options: EraseOptions,
): Promise<number> {
  if (options.dryRun) return dryRun(ctx, devices, options);
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
  if (process.getuid?.() !== 0) throw new NeedsRootError('gomme erase');
  const system = realSystem();
  const { drives } = await discoverDrives(system);
  const store = new JobStore(openJournal(resolveDataDir(ctx.env)));
  const jobs = options.resume ? resumeJobs(store, drives) : planJobs(store, drives, devices, options);
  if (jobs.length === 0) {
    ctx.say(text('Aucun effacement à reprendre.', 'No erasure to resume.'));
    return ExitCode.OK;
  }
  if (!options.yes) {
    const confirmed =
      process.stdin.isTTY &&
      (await confirmOnTerminal(
        ctx,
        jobs.map((j) => j.drive),
      ));
    if (!confirmed) {
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
  }
  const results = await runWithSignals(ctx, store, jobs, options, system.runner);
  // The record is committed before any PDF is made: a crash here loses nothing (gomme cert render).
  // Loaded only now: the PDF and signing libraries need not sit in memory during the erasure.
  const { certifyResults } = await import('../erase-certificates.js');
  const certified = await certifyResults(ctx, system, results, options);
  if (certified.warning) ctx.stderr.write(`gomme: ${certified.warning}\n`);
  ctx.say(ctx.json ? JSON.stringify(resultJson(results, certified)) : renderResults(results, ctx.lang));
  if (!ctx.json) {
    for (const [device, pdf] of certified.certificates)
      ctx.say(`${device}: ${ctx.lang === 'fr' ? 'certificat' : 'certificate'} ${pdf}`);
    if (certified.machineCertificate)
      ctx.say(
        `${ctx.lang === 'fr' ? 'Certificat machine' : 'Machine certificate'}: ${certified.machineCertificate}`,
      );
  }
  return exitCodeFor(results);
}

function planJobs(store: JobStore, drives: Drive[], devices: string[], options: EraseOptions): JobToRun[] {
  const targets = planTargets(drives, devices, { method: options.method, verify: options.verify });
  // Every target is checked before anything is written to any of them.
  for (const t of targets) {
    if (t.refusal?.code === 'protected') throw new ProtectedDeviceError(t.device, t.drive.protections);
    if (t.refusal) throw new UsageError(t.refusal.message);
  }
  const batchId = randomUUID();
  return targets.flatMap((t) => {
    if (!t.plan) return [];
    const jobId = randomUUID();
    const startedAt = new Date().toISOString();
    store.create({ jobId, batchId, drive: t.drive, plan: t.plan.job, startedAt, pid: process.pid });
    return [{ jobId, drive: t.drive, plan: t.plan.job, resumeFrom: null, startedAt }];
  });
}

function resumeJobs(store: JobStore, drives: Drive[]): JobToRun[] {
  const jobs: JobToRun[] = [];
  for (const row of store.resumable(isAlive)) {
    const drive = matchDrive(row.drive, drives);
    if (!drive)
      throw new DeviceNotFoundError(
        `${row.drive.path} (${row.drive.serial ?? row.drive.backingFile ?? `job ${row.jobId}`})`,
      );
    if (drive.protected) throw new ProtectedDeviceError(drive.path, drive.protections);
    store.claim(row.jobId, process.pid, {
      detectedAt: new Date().toISOString(),
      pass: row.checkpoint.pass,
      offset: row.checkpoint.offset,
      reason: row.state === 'aborted' ? 'operator-stopped' : 'process-died',
    });
    jobs.push({
      jobId: row.jobId,
      drive,
      plan: row.plan,
      resumeFrom: row.checkpoint,
      startedAt: row.startedAt,
    });
  }
  return jobs;
}

/** Ctrl-C or SIGTERM stops every job at a checkpoint; they stay resumable. */
async function runWithSignals(
  ctx: CommandContext,
  store: JobStore,
  jobs: JobToRun[],
  options: EraseOptions,
  runner: CommandRunner,
): Promise<JobResult[]> {
  const controller = new AbortController();
  const stop = () => {
    if (!controller.signal.aborted) {
      ctx.stderr.write(
        ctx.lang === 'fr'
          ? '\nArrêt propre en cours… (reprise : gomme erase --resume)\n'
          : '\nStopping safely… (resume with: gomme erase --resume)\n',
      );
    }
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const lastLine = new Map<string, number>();
  const emit = (event: JobEvent) => {
    if (ctx.json) {
      ctx.stdout.write(`${JSON.stringify(event)}\n`);
      return;
    }
    if (event.type === 'progress') {
      const now = Date.now();
      if (now - (lastLine.get(event.device) ?? 0) < 2000) return;
      lastLine.set(event.device, now);
      ctx.say(progressLine(event, ctx.lang));
    } else if (event.type === 'io-error') {
      ctx.say(`${event.device}: ${event.error.code} @${event.error.offset}: ${event.error.message}`);
    }
  };
  try {
    const checkpointMs = options.checkpointInterval ? Number(options.checkpointInterval) : undefined;
    return await runJobs(jobs, {
      store,
      runner,
      emit,
      signal: controller.signal,
      tuning: checkpointMs && checkpointMs > 0 ? { checkpointMs } : {},
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function exitCodeFor(results: JobResult[]): number {
  if (results.every((r) => r.result === 'ERASED')) return ExitCode.OK;
  if (results.some((r) => r.result === 'ABORTED')) return ExitCode.INTERRUPTED;
  if (results.some((r) => r.result === 'ERASED')) return ExitCode.PARTIAL;
  return ExitCode.ERASE_FAILED;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
