import type { Command } from '@commander-js/extra-typings';
import { text } from '../../core/i18n.js';
import type { ProgramSetup } from './setup.js';
import { jsonOption, passphraseFileOption } from './shared-options.js';

/** The organisation's signing key: `gomme keys init|import|export|trust`. */
export function registerKeys(program: Command, s: ProgramSetup): void {
  const keys = program
    .command('keys')
    .description(s.say(text('clé de signature de l’organisation', 'organisation signing key')));
  const force = () =>
    ['--force', s.say(text('remplacer la clé existante', 'replace the existing key'))] as const;

  keys
    .command('init')
    .description(
      s.say(
        text(
          'créer la clé et le certificat de l’organisation',
          'create the organisation key and certificate',
        ),
      ),
    )
    .option(
      '--organisation <name>',
      s.say(text('nom de l’organisation (sinon config.json)', 'organisation name (else config.json)')),
    )
    .option(...force())
    .addOption(passphraseFileOption(s))
    .addOption(jsonOption(s))
    .action(async (options) => {
      const { keysInitCommand } = await import('../commands/keys.js');
      s.setExit(keysInitCommand(s.context(options.json), options));
    });

  keys
    .command('import')
    .description(
      s.say(text('importer une clé délivrée par une autorité (PKCS#12)', 'import a CA-issued key (PKCS#12)')),
    )
    .argument('<p12>', s.say(text('le fichier PKCS#12 (.p12, .pfx)', 'the PKCS#12 file (.p12, .pfx)')))
    .option(
      '--p12-passphrase-file <file>',
      s.say(
        text(
          'fichier contenant le mot de passe du .p12 (sinon GOMME_P12_PASSPHRASE)',
          'file holding the .p12 password (else GOMME_P12_PASSPHRASE)',
        ),
      ),
    )
    .addOption(passphraseFileOption(s))
    .option(...force())
    .addOption(jsonOption(s))
    .action(async (p12, options) => {
      const { keysImportCommand } = await import('../commands/keys.js');
      s.setExit(keysImportCommand(s.context(options.json), p12, options));
    });

  keys
    .command('export')
    .description(
      s.say(
        text(
          'écrire le certificat public (à partager avec le réseau)',
          'write the public certificate (to share with the network)',
        ),
      ),
    )
    .option('-o, --output <file>', s.say(text('fichier PEM (sinon la sortie)', 'PEM file (else stdout)')))
    .action(async (options) => {
      const { keysExportCommand } = await import('../commands/keys.js');
      s.setExit(keysExportCommand(s.context(), options));
    });

  keys
    .command('trust')
    .description(
      s.say(
        text('faire confiance au certificat d’un membre du réseau', 'trust a network member’s certificate'),
      ),
    )
    .argument('<pem>', s.say(text('le certificat du membre (PEM)', 'the member’s certificate (PEM)')))
    .action(async (pem) => {
      const { keysTrustCommand } = await import('../commands/keys.js');
      s.setExit(keysTrustCommand(s.context(), pem));
    });
}
