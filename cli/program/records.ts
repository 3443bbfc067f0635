import type { Command } from '@commander-js/extra-typings';
import { text } from '../../core/i18n.js';
import type { ProgramSetup } from './setup.js';
import {
  fromFilterOption,
  jsonOption,
  lotFilterOption,
  resultFilterOption,
  toFilterOption,
} from './shared-options.js';

/** The journal of erasures: `gomme history` and `gomme export`. */
export function registerRecords(program: Command, s: ProgramSetup): void {
  program
    .command('history')
    .description(s.say(text('historique des effacements', 'erasure history')))
    .addOption(lotFilterOption(s))
    .addOption(fromFilterOption(s))
    .addOption(toFilterOption(s))
    .addOption(resultFilterOption(s))
    .addOption(jsonOption(s))
    .action(async (options) => {
      const { historyCommand } = await import('../commands/history.js');
      s.setExit(historyCommand(s.context(options.json), options));
    });

  program
    .command('export')
    .description(s.say(text('exporter les effacements (CSV ou JSON)', 'export erasures (CSV or JSON)')))
    .option('--csv', s.say(text('au format CSV (tableur)', 'as CSV (spreadsheet)')))
    .option('--json', s.say(text('au format JSON', 'as JSON')))
    .option(
      '--machines',
      s.say(text('une ligne par machine (sinon par disque)', 'one row per machine (else per drive)')),
    )
    .option(
      '-o, --output <file>',
      s.say(text('fichier à écrire (sinon la sortie)', 'file to write (else stdout)')),
    )
    .addOption(lotFilterOption(s))
    .addOption(fromFilterOption(s))
    .addOption(toFilterOption(s))
    .addOption(resultFilterOption(s))
    .action(async (options) => {
      const { exportCommand } = await import('../commands/export.js');
      s.setExit(exportCommand(s.context(), options));
    });
}
