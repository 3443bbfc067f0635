import type { Command } from '@commander-js/extra-typings';
import { text } from '../../core/i18n.js';
import type { ProgramSetup } from './setup.js';
import { jsonOption, replayOption } from './shared-options.js';

/** Reading the machine: `gomme drives` and `gomme capture`. */
export function registerDrives(program: Command, s: ProgramSetup): void {
  program
    .command('drives')
    .description(
      s.say(
        text(
          'lister les disques, leurs capacités et leurs protections',
          'list drives, their capabilities and protections',
        ),
      ),
    )
    .addOption(jsonOption(s))
    .addOption(replayOption(s))
    .action(async (options) => {
      const { drivesCommand } = await import('../commands/drives.js');
      s.setExit(await drivesCommand(s.context(options.json), options));
    });

  program
    .command('capture')
    .description(
      s.say(
        text(
          'enregistrer tout ce que lit la détection dans un paquet à rejouer ailleurs',
          'record everything discovery reads into a bundle anyone can replay',
        ),
      ),
    )
    .requiredOption('-o, --output <file>', s.say(text('fichier du paquet (JSON)', 'bundle file (JSON)')))
    .addOption(jsonOption(s))
    .action(async (options) => {
      const { captureCommand } = await import('../commands/capture.js');
      s.setExit(await captureCommand(s.context(options.json), options));
    });
}
