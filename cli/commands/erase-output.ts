import type { JobEvent } from '../../core/events.js';
import { COLON, type Text, text } from '../../core/i18n.js';
import type { System } from '../../core/run/system.js';
import { ioErrorWords } from '../../core/words/io-errors.js';
import {
  certifyRecords,
  drivePdfs,
  exitCodeFor,
  machinePdfs,
  type OpenedSession,
  runStarted,
  type SessionOutcome,
  type StartedRun,
} from '../../session/index.js';
import type { CommandContext } from '../io.js';
import {
  emergencyJson,
  progressLine,
  renderEmergency,
  renderResults,
  resultJson,
} from '../output/erase-report.js';
import { terminalSafe } from '../output/terminal-text.js';

/** Told before anything is erased (and after, for signing): stderr, and a JSON line in --json mode. */
export function sayNotice(ctx: CommandContext, notice: Text, code = 'notice'): void {
  // Notices name drives and files: their text comes from outside and is shown escaped.
  ctx.stderr.write(`gomme: ${terminalSafe(notice[ctx.lang], { keepNewlines: true })}\n`);
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ type: 'notice', code, message: notice[ctx.lang] })}\n`);
}

/** Runs the started jobs (Ctrl-C or SIGTERM stops them at a checkpoint), certifies, prints, returns the exit code. */
export async function finishErasure(
  ctx: CommandContext,
  opened: OpenedSession,
  run: StartedRun,
  options: { checkpointInterval?: string | undefined },
  system: System,
): Promise<number> {
  const outcome = await runWithSignals(ctx, opened, run, options, system);
  const certified = outcome.fault
    ? null
    : await certifyRecords(
        opened.journal,
        opened.signing,
        ctx.lang,
        // Records a crash left uncommitted were committed at the start: they are signed with this run's.
        [...opened.recovered, ...outcome.records.map((r) => r.recordId)],
      );
  if (certified?.notice) sayNotice(ctx, certified.notice, 'unsigned');
  const pdfs = certified ? drivePdfs(outcome.records, certified) : new Map<string, string>();
  ctx.say(ctx.json ? JSON.stringify(resultJson(outcome, pdfs)) : renderResults(outcome.drives, ctx.lang));
  if (!ctx.json) {
    for (const d of outcome.drives) {
      const pdf = pdfs.get(d.job.jobId);
      if (pdf)
        ctx.say(text(`${d.job.drive.path} : certificat ${pdf}`, `${d.job.drive.path}: certificate ${pdf}`));
    }
    for (const pdf of certified ? machinePdfs(certified) : [])
      ctx.say(text(`Certificat de l’ordinateur : ${pdf}`, `Computer certificate: ${pdf}`));
  }
  if (outcome.emergency) {
    ctx.say(
      ctx.json
        ? JSON.stringify(emergencyJson(outcome.emergency, ctx.lang))
        : renderEmergency(outcome.emergency, ctx.lang),
    );
  }
  // The journal failed: the error line (and exit 13) ends the output, after what reached each drive.
  if (outcome.fault) throw outcome.fault;
  return exitCodeFor(outcome.drives);
}

async function runWithSignals(
  ctx: CommandContext,
  opened: OpenedSession,
  run: StartedRun,
  options: { checkpointInterval?: string | undefined },
  system: System,
): Promise<SessionOutcome> {
  const controller = new AbortController();
  const stop = () => {
    if (!controller.signal.aborted) {
      const stopping = text(
        'Arrêt propre en cours… (reprise : gomme erase --resume)',
        'Stopping safely… (resume with: gomme erase --resume)',
      );
      ctx.stderr.write(`\n${stopping[ctx.lang]}\n`);
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
      ctx.say(`${event.device}${COLON[ctx.lang]}${ioErrorWords(event.error)[ctx.lang]}`);
    }
  };
  try {
    const checkpointMs = options.checkpointInterval ? Number(options.checkpointInterval) : undefined;
    return await runStarted(opened, run, {
      system,
      emit,
      signal: controller.signal,
      // 0: after every chunk, so a test's checkpoint count does not depend on the machine's speed.
      tuning: checkpointMs !== undefined && checkpointMs >= 0 ? { checkpointMs } : {},
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
