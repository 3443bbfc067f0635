import { listRecords } from '../../certificates/journal-store.js';
import { openJournalFor } from '../../certificates/open-env.js';
import type { ErasureRecord } from '../../certificates/record/schema.js';
import { ExitCode } from '../../core/exit-codes.js';
import { formatShortDateTime, localTimeZone, zoneLabel } from '../../core/format-time.js';
import { text } from '../../core/i18n.js';
import { REFUSED_WORD, refusalReason } from '../../core/words/refusals.js';
import { RESULT_WORDS } from '../../core/words/results.js';
import { type RefusedAttempt, refusedAttempts } from '../../session/index.js';
import type { CommandContext } from '../io.js';

export interface HistoryFlags {
  lot?: string;
  from?: string;
  to?: string;
  result?: string;
}

/** Records matching the filters; `--result` keeps a record when it or any of its drives has that result. */
export function filteredRecords(ctx: CommandContext, flags: HistoryFlags): ErasureRecord[] {
  const { journal } = openJournalFor(ctx.env);
  try {
    const records = listRecords(journal, {
      ...(flags.lot ? { lotId: flags.lot } : {}),
      ...(flags.from ? { from: flags.from } : {}),
      ...(flags.to ? { to: flags.to } : {}),
    });
    const wanted = flags.result?.toUpperCase();
    return wanted
      ? records.filter((r) => r.result === wanted || r.drives.some((d) => d.result === wanted))
      : records;
  } finally {
    journal.close();
  }
}

/** Erasures refused before any write (nothing happened to the drive, no record): listed with why. */
function refusedFor(ctx: CommandContext, flags: HistoryFlags): RefusedAttempt[] {
  // A result filter asks for records with that result: a refusal has none.
  if (flags.result) return [];
  const { journal } = openJournalFor(ctx.env);
  try {
    return refusedAttempts(journal, { lot: flags.lot, from: flags.from, to: flags.to });
  } finally {
    journal.close();
  }
}

/** `gomme history [--lot L] [--from DATE] [--to DATE] [--result R]`: records, then refused erasures. */
export function historyCommand(ctx: CommandContext, flags: HistoryFlags): number {
  const records = filteredRecords(ctx, flags);
  const refused = refusedFor(ctx, flags);
  const { lang } = ctx;
  if (ctx.json) {
    ctx.say(
      JSON.stringify([
        ...records.map((r) => ({
          kind: 'record',
          recordId: r.recordId,
          lot: r.lot.id,
          donor: r.donor.name,
          machineSerial: r.machine.serial,
          completedAt: r.completedAt,
          result: r.result,
          drives: r.drives.map((d) => ({ index: d.index, serial: d.serial, result: d.result })),
        })),
        ...refused.map(({ job, facts, refusal }) => ({
          kind: 'refused',
          recordId: null,
          jobId: job.jobId,
          lot: facts?.lot ?? null,
          donor: facts?.donor ?? null,
          machineSerial: facts?.machine.serial ?? null,
          refusedAt: job.endedAt ?? job.startedAt,
          result: 'REFUSED',
          device: job.drive.path,
          serial: job.drive.serial,
          refusal: { ...refusal, reason: refusalReason(refusal)[lang] },
        })),
      ]),
    );
    return ExitCode.OK;
  }
  const zone = localTimeZone();
  for (const r of records) {
    const machine = [r.machine.vendor, r.machine.model, r.machine.serial].filter(Boolean).join(' ');
    ctx.say(
      `${formatShortDateTime(r.completedAt, lang, zone)}  ${r.recordId}  ${r.lot.id}  ${machine}  ${RESULT_WORDS[r.result][lang]}`,
    );
    for (const d of r.drives)
      ctx.say(
        `    #${d.index} ${[d.model, d.serial].filter(Boolean).join(' ')}  ${RESULT_WORDS[d.result][lang]}`,
      );
  }
  for (const { job, facts, refusal } of refused) {
    const drive = [job.drive.path, job.drive.model, job.drive.serial].filter(Boolean).join(' ');
    ctx.say(
      `${formatShortDateTime(job.endedAt ?? job.startedAt, lang, zone)}  ${facts?.lot ?? ''}  ${drive}  ${REFUSED_WORD[lang]}`,
    );
    ctx.say(`    ${NOTHING_WRITTEN[lang]} ${refusalReason(refusal)[lang]}`);
  }
  const where = zoneLabel(zone, lang);
  ctx.say(
    text(
      `${records.length} enregistrement(s)${refused.length > 0 ? `, ${refused.length} effacement(s) refusé(s)` : ''} (dates en ${where})`,
      `${records.length} record(s)${refused.length > 0 ? `, ${refused.length} erasure(s) refused` : ''} (dates in ${where})`,
    ),
  );
  return ExitCode.OK;
}

const NOTHING_WRITTEN = text('rien n’a été écrit :', 'nothing was written:');
