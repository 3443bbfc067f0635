import { Command, Option } from 'commander';
import type { Lang } from '../core/i18n.js';
import { type CliIo, makeContext } from './io.js';

declare const GOMME_VERSION: string | undefined;

/** The gomme live image sets GOMME_LIVE=1 for its autologin session (iso-build/). */
function isLiveSystem(env: NodeJS.ProcessEnv): boolean {
  return env.GOMME_LIVE === '1';
}

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
    .option(
      '-m, --method <method>',
      fr
        ? 'auto (la plus forte que le disque permet), une réécriture (nist-clear, zero, dod-7…) ou une commande du disque (nvme-format-user-data…)'
        : 'auto (the strongest the drive supports), an overwrite (nist-clear, zero, dod-7…) or a drive command (nvme-format-user-data…)',
      'auto',
    )
    .addOption(
      new Option('--verify <mode>', fr ? 'relecture du support' : 'read-back of the medium')
        .choices(['none', 'sample', 'last', 'all'])
        .default('sample'),
    )
    .option('--dry-run', fr ? 'montrer le plan sans rien écrire' : 'show the plan, write nothing')
    .option('--all', fr ? 'avec --dry-run : tous les disques' : 'with --dry-run: every drive')
    .addOption(replayOption())
    .option('-y, --yes', fr ? 'confirmer sans question (scripts)' : 'confirm without asking (scripts)')
    .option('--resume', fr ? 'reprendre les effacements interrompus' : 'resume interrupted erasures')
    .option('--jobs', fr ? 'lister les travaux du journal' : 'list the journal’s jobs')
    .option(
      '--forget <job>',
      fr ? 'abandonner un travail interrompu (disque absent)' : 'discard an interrupted job (drive gone)',
    )
    .option('--operator <name>', fr ? 'nom de la personne qui efface' : 'name of the person erasing')
    .option('--donor <name>', fr ? 'donateur (entreprise, collectivité…)' : 'donor (company, public body…)')
    .option('--lot <id>', fr ? 'lot de dons' : 'donation lot')
    .addOption(
      new Option('--destination <where>', fr ? 'destination après effacement' : 'destination after erasure')
        .choices(['reuse', 'donation', 'resale', 'recycling', 'destruction', 'return-to-donor', 'unknown'])
        // No commander default: the session's (reuse) applies, and a resumed batch keeps its own.
        .default(undefined, 'reuse'),
    )
    .addOption(new Option('--checkpoint-interval <ms>', 'checkpoint interval (tests)').hideHelp())
    .addOption(jsonOption())
    .action(
      async (devices: string[], options: import('./commands/erase.js').EraseOptions & { json?: boolean }) => {
        const { eraseCommand } = await import('./commands/erase.js');
        setExit(await eraseCommand(context(options.json), devices, options));
      },
    );

  program
    .command('unlock')
    .description(
      fr
        ? 'retirer le mot de passe qu’un effacement ATA interrompu a laissé sur un disque'
        : 'remove the password an interrupted ATA erase left on a drive',
    )
    .argument('<device>')
    .option('-y, --yes', fr ? 'confirmer' : 'confirm')
    .addOption(jsonOption())
    .action(async (device: string, options: { yes?: boolean; json?: boolean }) => {
      const { unlockCommand } = await import('./commands/drive-security.js');
      setExit(await unlockCommand(context(options.json), device, options));
    });

  program
    .command('unfreeze')
    .description(
      fr
        ? 'mettre le PC en veille quelques secondes pour dégeler un disque ATA (aucun effacement en cours)'
        : 'suspend the PC a few seconds to unfreeze an ATA drive (no erasure running)',
    )
    .argument('<device>')
    .option('--seconds <n>', fr ? 'durée de la veille' : 'suspend duration', '5')
    .option('-y, --yes', fr ? 'confirmer' : 'confirm')
    .addOption(jsonOption())
    .action(async (device: string, options: { yes?: boolean; seconds?: string; json?: boolean }) => {
      const { unfreezeCommand } = await import('./commands/drive-security.js');
      setExit(await unfreezeCommand(context(options.json), device, options));
    });

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

  const passphrase = () =>
    new Option(
      '--passphrase-file <file>',
      fr ? 'fichier contenant la phrase de passe de la clé' : 'file holding the key passphrase',
    );
  const cert = program
    .command('cert')
    .description(fr ? 'certificats d’effacement signés' : 'signed erasure certificates');
  cert
    .command('issue <input>')
    .description(
      fr ? 'enregistrer un rapport (JSON) puis le certifier' : 'commit a record input (JSON) then certify it',
    )
    .addOption(passphrase())
    .option('-o, --output <dir>')
    .addOption(jsonOption())
    .action(async (input: string, o: { passphraseFile?: string; output?: string; json?: boolean }) => {
      const { certIssueCommand } = await import('./commands/cert.js');
      setExit(await certIssueCommand(context(o.json), input, o));
    });
  cert
    .command('render <id>')
    .description(fr ? 'refaire les PDF signés depuis le journal' : 're-render signed PDFs from the journal')
    .option('--drive <n>')
    .option('--machine')
    .option('--lot', fr ? 'l’identifiant est celui d’un lot' : 'the ID is a lot ID')
    .addOption(passphrase())
    .option('-o, --output <dir>')
    .addOption(jsonOption())
    .action(
      async (
        id: string,
        o: {
          drive?: string;
          machine?: boolean;
          lot?: boolean;
          passphraseFile?: string;
          output?: string;
          json?: boolean;
        },
      ) => {
        const { certRenderCommand } = await import('./commands/cert.js');
        setExit(await certRenderCommand(context(o.json), id, o));
      },
    );
  cert
    .command('verify <file>')
    .description(
      fr
        ? 'vérifier un certificat (0 valide, 10 illisible, 11 altéré, 12 signataire inconnu)'
        : 'verify a certificate (0 valid, 10 unreadable, 11 tampered, 12 unknown signer)',
    )
    .option('--trust <pem...>')
    .addOption(jsonOption())
    .action(async (file: string, o: { trust?: string[]; json?: boolean }) => {
      const { certVerifyCommand } = await import('./commands/cert.js');
      setExit(certVerifyCommand(context(o.json), file, o));
    });

  const keys = program
    .command('keys')
    .description(fr ? 'clé de signature de l’organisation' : 'organisation signing key');
  keys
    .command('init')
    .description(
      fr ? 'créer la clé et le certificat de l’organisation' : 'create the organisation key and certificate',
    )
    .option('--organisation <name>')
    .option('--force')
    .addOption(passphrase())
    .addOption(jsonOption())
    .action(
      async (o: { organisation?: string; force?: boolean; passphraseFile?: string; json?: boolean }) => {
        const { keysInitCommand } = await import('./commands/keys.js');
        setExit(keysInitCommand(context(o.json), o));
      },
    );
  keys
    .command('import <p12>')
    .description(
      fr ? 'importer une clé délivrée par une autorité (PKCS#12)' : 'import a CA-issued key (PKCS#12)',
    )
    .option('--p12-passphrase-file <file>')
    .addOption(passphrase())
    .option('--force')
    .addOption(jsonOption())
    .action(
      async (
        p12: string,
        o: { p12PassphraseFile?: string; passphraseFile?: string; force?: boolean; json?: boolean },
      ) => {
        const { keysImportCommand } = await import('./commands/keys.js');
        setExit(keysImportCommand(context(o.json), p12, o));
      },
    );
  keys
    .command('export')
    .description(
      fr
        ? 'écrire le certificat public (à partager avec le réseau)'
        : 'write the public certificate (to share with the network)',
    )
    .option('-o, --output <file>')
    .action(async (o: { output?: string }) => {
      const { keysExportCommand } = await import('./commands/keys.js');
      setExit(keysExportCommand(context(), o));
    });
  keys
    .command('trust <pem>')
    .description(
      fr ? 'faire confiance au certificat d’un membre du réseau' : 'trust a network member’s certificate',
    )
    .action(async (pem: string) => {
      const { keysTrustCommand } = await import('./commands/keys.js');
      setExit(keysTrustCommand(context(), pem));
    });

  program
    .command('history')
    .description(fr ? 'historique des effacements' : 'erasure history')
    .option('--lot <id>')
    .option('--from <date>')
    .option('--to <date>')
    .option('--result <r>')
    .addOption(jsonOption())
    .action(async (o: { lot?: string; from?: string; to?: string; result?: string; json?: boolean }) => {
      const { historyCommand } = await import('./commands/history.js');
      setExit(historyCommand(context(o.json), o));
    });

  program
    .command('export')
    .description(fr ? 'exporter les effacements (CSV ou JSON)' : 'export erasures (CSV or JSON)')
    .option('--csv')
    .option('--json')
    .option('--machines')
    .option('-o, --output <file>')
    .option('--lot <id>')
    .option('--from <date>')
    .option('--to <date>')
    .option('--result <r>')
    .action(
      async (o: {
        csv?: boolean;
        json?: boolean;
        machines?: boolean;
        output?: string;
        lot?: string;
        from?: string;
        to?: string;
        result?: string;
      }) => {
        const { exportCommand } = await import('./commands/export.js');
        setExit(exportCommand(context(), o));
      },
    );

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
    .command('diag')
    .description(
      fr ? 'inventaire, tests du matériel et note de l’appareil' : 'inventory, hardware tests and grading',
    )
    .option(
      '--only <groups>',
      fr
        ? 'seulement ces groupes : smart,ram,cpu,power,network,webcam,audio,panel,locks,guided'
        : 'only these groups: smart,ram,cpu,power,network,webcam,audio,panel,locks,guided',
    )
    .option(
      '--quick',
      fr ? 'limites de temps courtes (quelques secondes par test)' : 'short time boxes (seconds per test)',
    )
    .option(
      '--answers <file>',
      fr
        ? 'réponses aux questions guidées (fichier, ou - pour stdin)'
        : 'answers to the guided questions (file, or - for stdin)',
    )
    .option('--no-guided', fr ? 'ne pas poser les questions guidées' : 'skip the guided questions')
    .option(
      '--public-donor',
      fr
        ? 'don d’un organisme public : plafond de prix de revente'
        : 'given by a public body: resale price cap',
    )
    .addOption(jsonOption())
    .addOption(replayOption())
    .action(async (options: import('./commands/diag.js').DiagCommandOptions & { json?: boolean }) => {
      const { diagCommand } = await import('./commands/diag.js');
      const controller = new AbortController();
      const abort = () => controller.abort();
      process.once('SIGINT', abort);
      try {
        setExit(
          await diagCommand(context(options.json), options, {
            stdin: process.stdin,
            signal: controller.signal,
          }),
        );
      } finally {
        process.off('SIGINT', abort);
      }
    });

  program
    .command('guide')
    .description(
      fr ? 'écrans guidés pas à pas pour les stagiaires' : 'step-by-step guided screens for trainees',
    )
    .option(
      '--only-devices <paths>',
      fr
        ? 'ne montrer que ces disques (tests, banc), ex. /dev/loop3,/dev/loop4'
        : 'show only these drives (tests, bench), e.g. /dev/loop3,/dev/loop4',
    )
    .option('--technician', fr ? 'un seul mot confirme tout le lot' : 'one word confirms the whole batch')
    .option('--quick', fr ? 'tests du matériel courts' : 'short hardware tests')
    .option('--no-diagnostics', fr ? 'sans tests du matériel' : 'without hardware tests')
    .addOption(new Option('--checkpoint-interval <ms>', 'checkpoint interval (tests)').hideHelp())
    .action(async (options: import('./commands/guide.js').GuideOptions & { diagnostics?: boolean }) => {
      const { guideCommand } = await import('./commands/guide.js');
      setExit(await guideCommand(context(), { ...options, noDiagnostics: options.diagnostics === false }));
    });

  // `gomme` alone: the guide on the live system (power off offered), the help elsewhere.
  program.action(async () => {
    if (!isLiveSystem(io.env)) {
      program.outputHelp();
      return;
    }
    const { guideCommand } = await import('./commands/guide.js');
    setExit(await guideCommand(context(), { allowPowerOff: true }));
  });

  program
    .command('unattended')
    .description(
      fr
        ? 'mode sans surveillance : paramètres gomme.* du noyau ou de SMBIOS (image live)'
        : 'unattended mode: gomme.* parameters from the kernel command line or SMBIOS (live image)',
    )
    .option(
      '--serial <device>',
      fr ? 'copier chaque ligne NDJSON sur ce port série' : 'copy every NDJSON line to this serial device',
    )
    .option('--dry-run', fr ? 'montrer le plan, ne rien écrire' : 'show the plan, write nothing')
    .action(async (options: { serial?: string; dryRun?: boolean }) => {
      const { unattendedCommand } = await import('./commands/unattended.js');
      setExit(await unattendedCommand(context(true), options));
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
