import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { formatSize } from '../../core/format.js';
import { formatShortDateTime, localTimeZone, zoneLabel } from '../../core/format-time.js';
import { type Lang, text } from '../../core/i18n.js';
import { methodWords } from '../../core/words/methods.js';
import { refusalReason } from '../../core/words/refusals.js';
import { RESULT_WORDS } from '../../core/words/results.js';
import {
  forgetJob,
  type JobSummary,
  listJobs,
  openJournalAccess,
  type SessionConfig,
} from '../../session/index.js';
import type { CommandContext } from '../io.js';

import { renderTable } from '../output/table.js';

/** `gomme erase --jobs` lists the journal's jobs; `gomme erase --forget JOB` discards an unfinished one. */
export async function eraseJobsCommand(
  ctx: CommandContext,
  devices: string[],
  options: { jobs?: boolean; forget?: string },
  settings: SessionConfig,
): Promise<number> {
  if (devices.length > 0 || (options.jobs && options.forget !== undefined))
    throw new UsageError(
      text('--jobs et --forget JOB s’utilisent seuls.', '--jobs and --forget JOB are used on their own.'),
    );
  const access = openJournalAccess(settings);
  try {
    if (options.forget !== undefined) {
      const records = forgetJob(access, options.forget);
      const recordId = records[0]?.recordId ?? null;
      if (ctx.json) ctx.say(JSON.stringify({ type: 'forgotten', jobId: options.forget, recordId }));
      else
        ctx.say(
          text(
            `Travail ${options.forget} abandonné${recordId ? ` ; rapport ${recordId} (INTERROMPU)` : ''}.`,
            `Job ${options.forget} discarded${recordId ? `; record ${recordId} (ABORTED)` : ''}.`,
          ),
        );
      return ExitCode.OK;
    }
    const jobs = listJobs(access);
    if (ctx.json) ctx.say(JSON.stringify({ type: 'jobs', jobs: jobs.map((j) => jobJson(j, ctx.lang)) }));
    else ctx.say(renderJobs(jobs, ctx));
    return ExitCode.OK;
  } finally {
    access.journal.close();
  }
}

function jobJson({ job, status }: JobSummary, lang: Lang) {
  return {
    jobId: job.jobId,
    status,
    device: job.drive.path,
    serial: job.drive.serial,
    model: job.drive.model,
    backingFile: job.drive.backingFile,
    method: job.plan.methodId,
    startedAt: job.startedAt,
    endedAt: job.endedAt,
    result: job.result,
    checkpoint: job.checkpoint,
    bytesWritten: job.figures.bytesWritten,
    passBytes: job.figures.passBytes,
    seconds: job.figures.seconds,
    interruptions: job.interruptions.length,
    recordId: job.recordId,
    discarded: job.discarded,
    refusal: job.refusal && { ...job.refusal, reason: refusalReason(job.refusal)[lang] },
    pid: job.owner?.pid ?? null,
  };
}

function renderJobs(jobs: JobSummary[], ctx: CommandContext): string {
  const { lang } = ctx;
  const zone = localTimeZone();
  const status = {
    running: text('en cours', 'running'),
    resumable: text('à reprendre', 'resumable'),
    finished: text('terminé', 'finished'),
    refused: text('refusé (rien écrit)', 'refused (nothing written)'),
  };
  const rows = jobs.map(({ job, status: s }) => [
    job.jobId,
    job.drive.path,
    job.drive.serial ?? job.drive.backingFile ?? '',
    (methodWords(job.plan.methodId) ?? text(job.plan.methodLabel, job.plan.methodLabel))[lang],
    formatShortDateTime(job.startedAt, lang, zone),
    status[s][lang],
    job.refusal ? refusalReason(job.refusal)[lang] : job.result ? RESULT_WORDS[job.result][lang] : '',
    `${passLabel(job)} ${formatSize(job.figures.bytesWritten, lang)}`,
    job.recordId ?? '',
  ]);
  const started = text(`début (${zoneLabel(zone, 'fr')})`, `started (${zoneLabel(zone, 'en')})`);
  const header = text(
    `travail|disque|n° / fichier|méthode|${started.fr}|état|résultat|passe, écrit|rapport`,
    `job|drive|serial / file|method|${started.en}|status|result|pass, written|record`,
  )[lang].split('|');
  return `${renderTable(header, rows)}\n${text(`${jobs.length} travail(s)`, `${jobs.length} job(s)`)[lang]}`;
}

/** The pass a job is at (or the passes it completed, once finished): "2/3". */
function passLabel(job: JobSummary['job']): string {
  const passes = Math.max(1, job.plan.passes.length);
  return `${Math.min(job.checkpoint.pass + (job.state === 'finished' ? 0 : 1), passes)}/${passes}`;
}
