import { ExitCode, exitCodeDescriptions } from '../../core/exit-codes.js';
import type { CommandContext } from '../io.js';
import { renderTable } from '../output/table.js';

export function exitCodesCommand(ctx: CommandContext): number {
  const rows = Object.entries(exitCodeDescriptions).map(([code, description]) => [code, description]);
  ctx.say(renderTable(['code', 'meaning'], rows));
  return ExitCode.OK;
}
