import type { Command } from '@commander-js/extra-typings';
import { text } from '../../core/i18n.js';
import type { ProgramSetup } from './setup.js';
import { jsonOption } from './shared-options.js';

/** Learning and reference: `gomme demo` and `gomme exit-codes`. */
export function registerAbout(program: Command, s: ProgramSetup): void {
  program
    .command('demo')
    .description(
      s.say(
        text(
          'démonstration sans risque sur des disques virtuels (loop) créés pour l’occasion',
          'safe demonstration on throw-away loop-device drives it creates itself',
        ),
      ),
    )
    .addOption(jsonOption(s))
    .action(async (options) => {
      const { demoCommand } = await import('../commands/demo.js');
      s.setExit(await demoCommand(s.context(options.json)));
    });

  program
    .command('exit-codes')
    .description(s.say(text('afficher la table des codes de sortie', 'print the exit-code table')))
    .action(async () => {
      const { exitCodesCommand } = await import('../commands/exit-codes.js');
      s.setExit(exitCodesCommand(s.context()));
    });
}
