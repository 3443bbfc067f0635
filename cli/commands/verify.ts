import { discoverDrives } from '../../core/detect/discover-drives.js';
import { DeviceNotFoundError, GommeError, NeedsRootError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import { openJournal } from '../../core/journal/index.js';
import { realSystem } from '../../core/run/system.js';
import { openBlockDevice } from '../../erasure/io/block-device.js';
import { jobStore } from '../../erasure/jobs/job-store.js';
import { matchDrive } from '../../erasure/jobs/match-drive.js';
import { reverifyLastPass } from '../../erasure/jobs/reverify.js';
import type { CommandContext } from '../io.js';

/** Re-reads a drive erased earlier and checks it still holds exactly the last pass of its job. */
export async function verifyCommand(ctx: CommandContext, device: string): Promise<number> {
  if (process.getuid?.() !== 0) throw new NeedsRootError('gomme verify');
  const { drives } = await discoverDrives(realSystem());
  const drive = drives.find((d) => d.path === device || d.byIdPath === device);
  if (!drive) throw new DeviceNotFoundError(device);
  const journal = openJournal(resolveDataDir(ctx.env));
  let job: ReturnType<ReturnType<typeof jobStore>['list']>[number] | undefined;
  try {
    job = jobStore(journal)
      .list()
      .filter((j) => j.state === 'finished' && j.outcome && matchDrive(j.drive, [drive]))
      .at(-1);
  } finally {
    journal.close();
  }
  if (!job) {
    throw new GommeError(
      'no-job',
      text(
        `Le journal ne contient aucun effacement terminé de ${device}.`,
        `The journal holds no finished erasure of ${device}.`,
      ),
      { exitCode: ExitCode.NOT_FOUND },
    );
  }
  const handle = await openBlockDevice(drive.path, { write: false, exclusive: true });
  let outcome: Awaited<ReturnType<typeof reverifyLastPass>>;
  try {
    outcome = await reverifyLastPass(handle, job.plan);
  } finally {
    await handle.close();
  }
  if (ctx.json) ctx.say(JSON.stringify({ type: 'verify', device: drive.path, jobId: job.jobId, ...outcome }));
  else if (outcome.passed) {
    ctx.say(
      text(
        `${drive.path} : conforme au dernier effacement (${job.jobId}).`,
        `${drive.path}: matches its last erasure (${job.jobId}).`,
      ),
    );
  } else {
    ctx.say(
      text(
        `${drive.path} : NON CONFORME, ${outcome.mismatchedBytes} octets diffèrent, ${outcome.errors.length} erreurs.`,
        `${drive.path}: DOES NOT MATCH, ${outcome.mismatchedBytes} bytes differ, ${outcome.errors.length} errors.`,
      ),
    );
    for (const e of outcome.errors.slice(0, 20)) ctx.say(`  ${e.code} @${e.offset} +${e.length}`);
  }
  return outcome.passed ? ExitCode.OK : ExitCode.ERASE_FAILED;
}
