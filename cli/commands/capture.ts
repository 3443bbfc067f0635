import { discoverDrives } from '../../core/detect/discover-drives.js';
import { ExitCode } from '../../core/exit-codes.js';
import { refuseDeviceOutput, writeOutputFile } from '../../core/fs/safe-output.js';
import { text } from '../../core/i18n.js';
import { emptyBundle } from '../../core/run/bundle.js';
import { realSystem, recordingSystem } from '../../core/run/system.js';
import type { CommandContext } from '../io.js';

/** Records everything discovery reads, so a technician can send a strange machine's answers to anyone. */
export async function captureCommand(ctx: CommandContext, options: { output: string }): Promise<number> {
  refuseDeviceOutput(options.output); // before reading the machine, not after
  const system = recordingSystem(realSystem(), emptyBundle(new Date()));
  const discovery = await discoverDrives(system);
  writeOutputFile(options.output, `${JSON.stringify(system.bundle, null, 1)}\n`);
  const summary = {
    commands: system.bundle.commands.length,
    files: Object.keys(system.bundle.files).length,
    drives: discovery.drives.length,
  };
  if (ctx.json) ctx.say(JSON.stringify({ type: 'capture', output: options.output, ...summary }));
  else {
    ctx.say(
      text(
        `Paquet écrit : ${options.output} (${summary.drives} disques, ${summary.commands} commandes, ${summary.files} fichiers).`,
        `Bundle written: ${options.output} (${summary.drives} drives, ${summary.commands} commands, ${summary.files} files).`,
      ),
    );
  }
  return ExitCode.OK;
}
