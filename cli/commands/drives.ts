import { discoverDrives } from '../../core/detect/discover-drives.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import type { CommandContext } from '../io.js';
import { openSystem } from '../open-system.js';
import { drivesJson, renderDrivesTable } from '../output/drives-view.js';

export async function drivesCommand(ctx: CommandContext, options: { replay?: string }): Promise<number> {
  const system = await openSystem(options.replay);
  const discovery = await discoverDrives(system);
  if (!system.replayed && process.getuid?.() !== 0) {
    discovery.warnings.push(
      text(
        'gomme ne tourne pas en root : les commandes des disques (hdparm, nvme, smartctl) n’ont pas pu répondre',
        'not running as root: drive commands (hdparm, nvme, smartctl) could not answer',
      ),
    );
  }
  ctx.say(ctx.json ? JSON.stringify(drivesJson(discovery)) : renderDrivesTable(discovery, ctx.lang));
  return ExitCode.OK;
}
