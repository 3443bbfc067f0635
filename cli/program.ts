import { Command, Option } from 'commander';
import type { Lang } from '../core/i18n.js';
import { type CliIo, makeContext } from './io.js';

declare const GOMME_VERSION: string | undefined;

/**
 * The command tree. Handlers are imported lazily so `gomme --help` stays a cold start of commander alone.
 * Each handler returns an exit code; `setExit` carries it back to runCli.
 */
export function buildProgram(io: CliIo, lang: Lang, setExit: (code: number) => void): Command {
  const fr = lang === 'fr';
  const program = new Command('gomme')
    .description(
      fr
        ? 'Effacement certifié des disques et test du matériel des PC donnés (NIST SP 800-88, IEEE 2883).'
        : 'Certified drive erasure and hardware testing for donated PCs (NIST SP 800-88, IEEE 2883).',
    )
    .version(typeof GOMME_VERSION === 'string' ? GOMME_VERSION : '0.1.0', '-V, --version')
    .addOption(
      new Option('--lang <lang>', fr ? 'langue des messages' : 'message language').choices(['fr', 'en']),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError();

  const context = (json = false) => makeContext(io, lang, json);
  const jsonOption = () =>
    new Option('--json', fr ? 'sortie JSON pour les scripts' : 'JSON output for scripts');
  const replayOption = () =>
    new Option(
      '--replay <bundle>',
      fr ? 'rejouer un paquet capturé au lieu de lire ce PC' : 'replay a captured bundle instead of this PC',
    );

  program
    .command('drives')
    .description(
      fr
        ? 'lister les disques, leurs capacités et leurs protections'
        : 'list drives, their capabilities and protections',
    )
    .addOption(jsonOption())
    .addOption(replayOption())
    .action(async (options: { json?: boolean; replay?: string }) => {
      const { drivesCommand } = await import('./commands/drives.js');
      setExit(await drivesCommand(context(options.json), options));
    });

  program
    .command('capture')
    .description(
      fr
        ? 'enregistrer tout ce que lit la détection dans un paquet à rejouer ailleurs'
        : 'record everything discovery reads into a bundle anyone can replay',
    )
    .requiredOption('-o, --output <file>', fr ? 'fichier du paquet (JSON)' : 'bundle file (JSON)')
    .addOption(jsonOption())
    .action(async (options: { output: string; json?: boolean }) => {
      const { captureCommand } = await import('./commands/capture.js');
      setExit(await captureCommand(context(options.json), options));
    });

  program
    .command('erase')
    .description(
      fr
        ? 'effacer des disques (NIST Clear par réécriture, vérifié)'
        : 'erase drives (NIST Clear by overwrite, verified)',
    )
    .argument('[devices...]', fr ? 'disques à effacer, ex. /dev/sdb' : 'drives to erase, e.g. /dev/sdb')
    .option('-m, --method <method>', fr ? 'méthode (gomme erase --help-methods)' : 'method', 'nist-clear')
    .addOption(
      new Option('--verify <mode>', fr ? 'relecture du support' : 'read-back of the medium')
        .choices(['none', 'sample', 'last', 'all'])
        .default('sample'),
    )
    .option('--dry-run', fr ? 'montrer le plan sans rien écrire' : 'show the plan, write nothing')
    .option('-y, --yes', fr ? 'confirmer sans question (scripts)' : 'confirm without asking (scripts)')
    .option('--resume', fr ? 'reprendre les effacements interrompus' : 'resume interrupted erasures')
    .addOption(new Option('--checkpoint-interval <ms>', 'checkpoint interval (tests)').hideHelp())
    .addOption(jsonOption())
    .action(
      async (devices: string[], options: import('./commands/erase.js').EraseOptions & { json?: boolean }) => {
        const { eraseCommand } = await import('./commands/erase.js');
        setExit(await eraseCommand(context(options.json), devices, options));
      },
    );

  program
    .command('verify')
    .description(
      fr
        ? 'relire un disque effacé et le comparer à son dernier effacement'
        : 'read an erased drive back and compare it with its last erasure',
    )
    .argument('<device>')
    .addOption(jsonOption())
    .action(async (device: string, options: { json?: boolean }) => {
      const { verifyCommand } = await import('./commands/verify.js');
      setExit(await verifyCommand(context(options.json), device));
    });

  program
    .command('demo')
    .description(
      fr
        ? 'démonstration sans risque sur des disques virtuels (loop) créés pour l’occasion'
        : 'safe demonstration on throw-away loop-device drives it creates itself',
    )
    .addOption(jsonOption())
    .action(async (options: { json?: boolean }) => {
      const { demoCommand } = await import('./commands/demo.js');
      setExit(await demoCommand(context(options.json)));
    });

  program
    .command('exit-codes')
    .description(fr ? 'afficher la table des codes de sortie' : 'print the exit-code table')
    .action(async () => {
      const { exitCodesCommand } = await import('./commands/exit-codes.js');
      setExit(exitCodesCommand(context()));
    });

  return program;
}
