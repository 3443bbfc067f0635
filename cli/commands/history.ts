import { listRecords } from '../../certificates/journal-store.js';
import { openJournalFor } from '../../certificates/open-env.js';
import type { ErasureRecord } from '../../certificates/record/schema.js';
import { ExitCode } from '../../core/exit-codes.js';
import { formatShortDateTime, localTimeZone, zoneLabel } from '../../core/format-time.js';
import { text } from '../../core/i18n.js';
import { RESULT_WORDS } from '../../core/words/results.js';
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

/** `gomme history [--lot L] [--from DATE] [--to DATE] [--result R]` */
export function historyCommand(ctx: CommandContext, flags: HistoryFlags): number {
  const records = filteredRecords(ctx, flags);
  if (ctx.json) {
    ctx.say(
      JSON.stringify(
        records.map((r) => ({
          recordId: r.recordId,
          lot: r.lot.id,
          donor: r.donor.name,
          machineSerial: r.machine.serial,
          completedAt: r.completedAt,
          result: r.result,
          drives: r.drives.map((d) => ({ index: d.index, serial: d.serial, result: d.result })),
        })),
      ),
    );
    return ExitCode.OK;
  }
  const { lang } = ctx;
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
  const where = zoneLabel(zone, lang);
  ctx.say(
    text(
      `${records.length} enregistrement(s) (dates en ${where})`,
      `${records.length} record(s) (dates in ${where})`,
    ),
  );
  return ExitCode.OK;
}
