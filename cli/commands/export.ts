import {
  DRIVE_COLUMNS,
  driveRows,
  MACHINE_COLUMNS,
  machineRows,
  toCsv,
} from '../../certificates/export-rows.js';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { writeOutputFile } from '../../core/fs/safe-output.js';
import { text } from '../../core/i18n.js';
import type { CommandContext } from '../io.js';
import { filteredRecords, type HistoryFlags } from './history.js';

/** `gomme export --csv|--json [--machines] [-o FILE] [history filters]`: one row per drive, or per machine. */
export function exportCommand(
  ctx: CommandContext,
  flags: HistoryFlags & { csv?: boolean; json?: boolean; machines?: boolean; output?: string },
): number {
  if (Boolean(flags.csv) === Boolean(flags.json)) {
    throw new UsageError(text('Choisissez --csv ou --json.', 'Choose --csv or --json.'));
  }
  const records = filteredRecords(ctx, flags);
  const rows = flags.machines ? machineRows(records) : driveRows(records);
  const columns = flags.machines ? MACHINE_COLUMNS : DRIVE_COLUMNS;
  const body = flags.csv ? toCsv(columns, rows) : `${JSON.stringify(rows, null, 2)}\n`;
  if (flags.output) writeOutputFile(flags.output, body);
  else ctx.stdout.write(body);
  return ExitCode.OK;
}
