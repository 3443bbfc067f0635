import type { Command } from '@commander-js/extra-typings';
import { text } from '../../core/i18n.js';
import { GROUPS } from '../../diagnostics/groups.js';
import { registerHardwareTests } from './diag-hardware.js';
import type { ProgramSetup } from './setup.js';
import { jsonOption, replayOption } from './shared-options.js';

/** Hardware tests and grading: `gomme diag`. */
export function registerDiag(program: Command, s: ProgramSetup): void {
  const groups = GROUPS.join(', ');
  const diag = program
    .command('diag')
    .description(
      s.say(
        text('inventaire, tests du matériel et note de l’appareil', 'inventory, hardware tests and grading'),
      ),
    )
    .option(
      '--only <groups>',
      s.say(
        text(
          `seulement ces groupes de tests, séparés par des virgules (choix : ${groups})`,
          `only these test groups, separated by commas (choices: ${groups})`,
        ),
      ),
    )
    .option(
      '--quick',
      s.say(
        text('limites de temps courtes (quelques secondes par test)', 'short time boxes (seconds per test)'),
      ),
    )
    .option(
      '--answers <file>',
      s.say(
        text(
          'réponses aux questions guidées (fichier, ou - pour l’entrée standard)',
          'answers to the guided questions (file, or - for stdin)',
        ),
      ),
    )
    .option('--no-guided', s.say(text('ne pas poser les questions guidées', 'skip the guided questions')))
    .option(
      '--public-donor',
      s.say(
        text(
          'don d’un organisme public : plafond de prix de revente',
          'given by a public body: resale price cap',
        ),
      ),
    )
    .option(
      '--no-save',
      s.say(
        text(
          'afficher le rapport sans le garder dans le dossier de données ni l’envoyer au hub',
          'print the report without keeping it in the data folder or sending it to the hub',
        ),
      ),
    )
    .addOption(jsonOption(s))
    .addOption(replayOption(s))
    .action(async (options) => {
      const { diagCommand } = await import('../commands/diag.js');
      const controller = new AbortController();
      const abort = () => controller.abort();
      process.once('SIGINT', abort);
      try {
        s.setExit(
          await diagCommand(s.context(options.json), options, {
            stdin: process.stdin,
            signal: controller.signal,
          }),
        );
      } finally {
        process.off('SIGINT', abort);
      }
    });
  registerHardwareTests(diag, s);
}
