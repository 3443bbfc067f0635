import type { Command } from '@commander-js/extra-typings';
import { text } from '../../core/i18n.js';
import type { ProgramSetup } from './setup.js';
import { jsonOption, passphraseFileOption } from './shared-options.js';

/** Signed erasure certificates: `gomme cert issue|render|verify`. */
export function registerCert(program: Command, s: ProgramSetup): void {
  const cert = program
    .command('cert')
    .description(s.say(text('certificats d’effacement signés', 'signed erasure certificates')));
  const outputDir = () =>
    [
      '-o, --output <dir>',
      s.say(
        text(
          'dossier des PDF (sinon « certificates » du dossier de données)',
          'folder for the PDFs (else "certificates" in the data folder)',
        ),
      ),
    ] as const;

  cert
    .command('issue')
    .description(
      s.say(
        text(
          'enregistrer un rapport (JSON) puis le certifier',
          'commit a record input (JSON) then certify it',
        ),
      ),
    )
    .argument('<input>', s.say(text('le rapport d’effacement (JSON)', 'the erasure record input (JSON)')))
    .addOption(passphraseFileOption(s))
    .option(...outputDir())
    .addOption(jsonOption(s))
    .action(async (input, options) => {
      const { certIssueCommand } = await import('../commands/cert.js');
      s.setExit(await certIssueCommand(s.context(options.json), input, options));
    });

  cert
    .command('render')
    .description(
      s.say(text('refaire les PDF signés depuis le journal', 're-render signed PDFs from the journal')),
    )
    .argument(
      '<id>',
      s.say(
        text('identifiant de l’enregistrement (ou du lot avec --lot)', 'record ID (or lot ID with --lot)'),
      ),
    )
    .option(
      '--drive <n>',
      s.say(text('seulement le certificat du disque n° n (1, 2…)', 'only drive n’s certificate (1, 2…)')),
    )
    .option('--machine', s.say(text('seulement le certificat de la machine', 'only the machine certificate')))
    .option('--lot', s.say(text('l’identifiant est celui d’un lot', 'the ID is a lot ID')))
    .addOption(passphraseFileOption(s))
    .option(...outputDir())
    .addOption(jsonOption(s))
    .action(async (id, options) => {
      const { certRenderCommand } = await import('../commands/cert.js');
      s.setExit(await certRenderCommand(s.context(options.json), id, options));
    });

  cert
    .command('verify')
    .description(
      s.say(
        text(
          'vérifier un certificat (0 valide, 10 illisible, 11 altéré, 12 signataire inconnu)',
          'verify a certificate (0 valid, 10 unreadable, 11 tampered, 12 unknown signer)',
        ),
      ),
    )
    .argument('<file>', s.say(text('le certificat (PDF)', 'the certificate (PDF)')))
    .option(
      '--trust <pem...>',
      s.say(
        text(
          'faire aussi confiance à ces certificats (PEM) pour cette vérification',
          'also trust these certificates (PEM) for this check',
        ),
      ),
    )
    .addOption(jsonOption(s))
    .action(async (file, options) => {
      const { certVerifyCommand } = await import('../commands/cert.js');
      s.setExit(certVerifyCommand(s.context(options.json), file, options));
    });
}
