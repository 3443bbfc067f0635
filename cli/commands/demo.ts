import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverDrives } from '../../core/detect/discover-drives.js';
import { NeedsRootError, ProtectedDeviceError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { openJournal } from '../../core/journal/open-journal.js';
import { realSystem } from '../../core/run/system.js';
import { JobStore } from '../../erasure/jobs/job-store.js';
import { runJobs } from '../../erasure/jobs/run-jobs.js';
import { buildOverwritePlan } from '../../erasure/plan/build-plan.js';
import { createScratchDrives } from '../demo/scratch-drives.js';
import type { CommandContext } from '../io.js';
import { drivesJson, renderDrivesTable } from '../output/drives-view.js';
import { renderPlan, renderResults, resultJson } from '../output/erase-report.js';

const MiB = 1024 * 1024;

/**
 * A safe tour on drives the demo creates itself: discovery, protection, a verified erasure and a refusal.
 * It never writes to a device it did not make, and its journal lives in a temporary folder.
 */
export async function demoCommand(ctx: CommandContext): Promise<number> {
  if (process.getuid?.() !== 0) throw new NeedsRootError('gomme demo');
  const system = realSystem();
  const scratch = await createScratchDrives(system.runner, 2, 64 * MiB);
  const dataDir = await mkdtemp(join(tmpdir(), 'gomme-demo-journal-'));
  try {
    const [free, mounted] = scratch.devices as [string, string];
    ctx.say(
      text(
        `1. Disques de démonstration créés : ${free} (libre) et ${mounted} (monté sur ${scratch.mountpoint}).`,
        `1. Demo drives created: ${free} (free) and ${mounted} (mounted at ${scratch.mountpoint}).`,
      ),
    );
    const discovery = await discoverDrives(system);
    ctx.say(ctx.json ? JSON.stringify(drivesJson(discovery)) : renderDrivesTable(discovery, ctx.lang));

    const refused = discovery.drives.find((d) => d.path === mounted);
    if (refused?.protected) {
      const error = new ProtectedDeviceError(mounted, refused.protections);
      ctx.say(text(`2. Refus attendu : ${error.text.fr}`, `2. Expected refusal: ${error.text.en}`));
    }
    const target = discovery.drives.find((d) => d.path === free);
    const built = target && buildOverwritePlan(target, { method: 'nist-clear', verify: 'sample' });
    if (!built?.ok) throw new Error(`demo drive ${free} could not be planned`);
    ctx.say(text('3. Plan puis effacement vérifié :', '3. Plan, then a verified erasure:'));
    ctx.say(renderPlan(built.plan, ctx.lang));
    const db = openJournal(dataDir);
    try {
      const store = new JobStore(db);
      const jobId = randomUUID();
      const startedAt = new Date().toISOString();
      store.create({
        jobId,
        batchId: randomUUID(),
        drive: built.plan.drive,
        plan: built.plan.job,
        startedAt,
        pid: process.pid,
      });
      const results = await runJobs(
        [{ jobId, drive: built.plan.drive, plan: built.plan.job, resumeFrom: null, startedAt }],
        {
          store,
          runner: system.runner,
          emit: () => {},
        },
      );
      ctx.say(ctx.json ? JSON.stringify(resultJson(results)) : renderResults(results, ctx.lang));
    } finally {
      db.close();
    }
  } finally {
    await scratch.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
  ctx.say(text('4. Disques de démonstration supprimés.', '4. Demo drives removed.'));
  return ExitCode.OK;
}
