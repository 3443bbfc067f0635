import { discoverDrives } from '../../core/detect/discover-drives.js';
import { NeedsRootError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { realSystem } from '../../core/run/system.js';
import { createScratchDrives } from '../demo/scratch-drives.js';
import type { CommandContext } from '../io.js';
import { drivesJson, renderDrivesTable } from '../output/drives-view.js';

const MiB = 1024 * 1024;

/** A safe tour on drives the demo creates itself: it never writes to a device it did not make. */
export async function demoCommand(ctx: CommandContext): Promise<number> {
  if (process.getuid?.() !== 0) throw new NeedsRootError('gomme demo');
  const system = realSystem();
  const scratch = await createScratchDrives(system.runner, 2, 64 * MiB);
  try {
    ctx.say(
      text(
        `Disques de démonstration créés : ${scratch.devices.join(', ')} (${scratch.mounted} est monté sur ${scratch.mountpoint}).`,
        `Demo drives created: ${scratch.devices.join(', ')} (${scratch.mounted} is mounted at ${scratch.mountpoint}).`,
      ),
    );
    const discovery = await discoverDrives(system);
    ctx.say(ctx.json ? JSON.stringify(drivesJson(discovery)) : renderDrivesTable(discovery, ctx.lang));
  } finally {
    await scratch.dispose();
  }
  ctx.say(text('Disques de démonstration supprimés.', 'Demo drives removed.'));
  return ExitCode.OK;
}
