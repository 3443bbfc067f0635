import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverDrives } from '../../core/detect/discover-drives.js';
import { NeedsRootError, ProtectedDeviceError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { realSystem } from '../../core/run/system.js';
import {
  certifyRecords,
  checkTargets,
  factsFor,
  faultWithCopy,
  openSession,
  plansOrRefuse,
  planTargets,
  requireRoom,
  runStarted,
  startJobs,
} from '../../session/index.js';
import { createScratchDrives } from '../demo/scratch-drives.js';
import type { CommandContext } from '../io.js';
import { drivesJson, renderDrivesTable } from '../output/drives-view.js';
import { renderPlan, renderResults, resultJson } from '../output/erase-report.js';

const MiB = 1024 * 1024;

export interface DemoDeps {
  /** Keep the journal (and sign with its key, if it has one) in this folder instead of a temporary one. */
  dataDir?: string;
}

/**
 * A safe tour on drives the demo creates itself: discovery, protection, a verified erasure and a refusal.
 * It never writes to a device it did not make, and its journal lives in a temporary folder. The erasure goes
 * through the same session as `gomme erase`: same plan, same journal rows, same record.
 */
export async function demoCommand(ctx: CommandContext, deps: DemoDeps = {}): Promise<number> {
  if (process.getuid?.() !== 0) throw new NeedsRootError('gomme demo');
  const system = realSystem();
  const scratch = await createScratchDrives(system.runner, 2, 64 * MiB);
  const dataDir = deps.dataDir ?? (await mkdtemp(join(tmpdir(), 'gomme-demo-journal-')));
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
    const plans = plansOrRefuse(
      planTargets(discovery.drives, [free], { method: 'nist-clear', verify: 'sample' }),
    );
    ctx.say(text('3. Plan puis effacement vérifié :', '3. Plan, then a verified erasure:'));
    for (const plan of plans) ctx.say(renderPlan(plan, ctx.lang));
    const opened = openSession({ dataDir, env: ctx.env, lang: ctx.lang });
    try {
      requireRoom(opened, plans.length);
      await checkTargets(
        opened,
        plans.map((p) => p.drive),
      );
      const run = startJobs(opened, plans, await factsFor(opened, {}, system));
      const outcome = await runStarted(opened, run, { system, emit: () => {} });
      if (outcome.fault) throw faultWithCopy(outcome.fault, outcome.emergency);
      await certifyRecords(
        opened.journal,
        opened.signing,
        ctx.lang,
        outcome.records.map((r) => r.recordId),
      );
      ctx.say(ctx.json ? JSON.stringify(resultJson(outcome)) : renderResults(outcome.drives, ctx.lang));
    } finally {
      opened.journal.close();
    }
  } finally {
    await scratch.dispose();
    if (!deps.dataDir) await rm(dataDir, { recursive: true, force: true });
  }
  ctx.say(text('4. Disques de démonstration supprimés.', '4. Demo drives removed.'));
  return ExitCode.OK;
}
