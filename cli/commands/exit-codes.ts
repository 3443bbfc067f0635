import { ExitCode, exitCodeMeanings } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import type { CommandContext } from '../io.js';
import { renderTable } from '../output/table.js';

/** `gomme exit-codes`: the table scripts rely on, in the user's language. */
export function exitCodesCommand(ctx: CommandContext): number {
  const rows = Object.entries(exitCodeMeanings).map(([code, meaning]) => [code, meaning[ctx.lang]]);
  const headers = [text('code', 'code'), text('signification', 'meaning')].map((h) => h[ctx.lang]);
  ctx.say(renderTable(headers, rows));
  return ExitCode.OK;
}
