import { type Command, Option } from '@commander-js/extra-typings';
import { text } from '../../core/i18n.js';
import type { ProgramSetup } from './setup.js';
import { jsonOption, passphraseFileOption } from './shared-options.js';

/** The workshop's hub (`gomme hub serve|admin|enrol`) and the station's push to it (`gomme sync`). */
export function registerHub(program: Command, s: ProgramSetup): void {
  const hub = program
    .command('hub')
    .description(s.say(text('le hub de l’atelier ou du réseau', 'the workshop’s or network’s hub')));
  const dataOption = () =>
    new Option(
      '--data <dir>',
      s.say(
        text(
          'dossier du hub (sinon GOMME_HUB_DATA, ~/.local/share/gomme-hub)',
          'hub folder (else GOMME_HUB_DATA, ~/.local/share/gomme-hub)',
        ),
      ),
    );
  const databaseOption = () =>
    new Option(
      '--database <url>',
      s.say(
        text(
          'PostgreSQL (postgres://…), sinon la base intégrée',
          'PostgreSQL (postgres://…), else the embedded database',
        ),
      ),
    ).env('GOMME_HUB_DATABASE');

  hub
    .command('serve')
    .description(s.say(text('lancer le hub (serveur web)', 'run the hub (web server)')))
    .addOption(dataOption())
    .addOption(databaseOption())
    .option('--listen <host:port>', s.say(text('adresse d’écoute', 'listen address')), '127.0.0.1:8080')
    .option(
      '--public-url <url>',
      s.say(text('adresse publique (QR codes des certificats)', 'public address (certificate QR codes)')),
    )
    .option(
      '--organisation <name>',
      s.say(text('nom de l’organisation (premier démarrage)', 'organisation name (first start)')),
    )
    .option(
      '--trust-proxy <addresses>',
      s.say(
        text(
          'derrière un proxy : ses adresses (X-Forwarded-For)',
          'behind a proxy: its addresses (X-Forwarded-For)',
        ),
      ),
    )
    .option(
      '--netboot <iso>',
      s.say(
        text(
          'démarrage réseau des PC de l’atelier depuis cette image gomme (voir hub/NETBOOT.md)',
          'network boot of the workshop’s PCs from this gomme image (see hub/NETBOOT.md)',
        ),
      ),
    )
    .option(
      '--netboot-interface <name>',
      s.say(text('interface du réseau de l’atelier', 'workshop network interface')),
    )
    .option(
      '--netboot-address <ipv4>',
      s.say(
        text(
          'adresse du hub pour les PC (défaut : celle de --listen)',
          'hub address for the PCs (default: --listen’s)',
        ),
      ),
    )
    .option(
      '--dhcp-range <start,end>',
      s.say(
        text(
          'switch isolé seulement : distribuer aussi les adresses (sinon proxy-DHCP)',
          'isolated switch only: also hand out addresses (else proxy-DHCP)',
        ),
      ),
    )
    .addOption(
      new Option('--netboot-default <entry>', s.say(text('entrée par défaut du menu', 'default menu entry')))
        .choices(['guided', 'erase'] as const)
        .default('guided' as const),
    )
    .option(
      '--netboot-confirm <token>',
      s.say(
        text(
          "exigé quand l'effacement sans surveillance est l'entrée par défaut (choix : yes-erase-all)",
          'required with --netboot-default erase: yes-erase-all',
        ),
      ),
    )
    .action(async (options) => {
      const { hubServeCommand } = await import('../commands/hub-serve.js');
      s.setExit(await hubServeCommand(s.context(), options));
    });

  const admin = hub.command('admin').description(s.say(text('administration du hub', 'hub administration')));
  admin
    .command('enrol-code')
    .description(
      s.say(text('créer un code d’inscription à usage unique', 'create a one-time enrolment code')),
    )
    .addOption(dataOption())
    .addOption(databaseOption())
    .option('--ttl <minutes>', s.say(text('durée de validité en minutes', 'validity in minutes')), '60')
    .option('--uses <n>', s.say(text('nombre d’inscriptions permises', 'enrolments allowed')), '1')
    .addOption(jsonOption(s))
    .action(async (options) => {
      const { hubEnrolCodeCommand } = await import('../commands/hub-admin.js');
      s.setExit(await hubEnrolCodeCommand(s.context(options.json), options));
    });
  admin
    .command('user')
    .description(s.say(text('comptes du personnel', 'staff accounts')))
    .command('add')
    .description(
      s.say(
        text(
          'créer un compte (mot de passe lu sur l’entrée)',
          'create an account (password read from stdin)',
        ),
      ),
    )
    .argument('<name>', s.say(text('identifiant', 'login name')))
    .addOption(
      new Option('--role <role>', s.say(text('rôle', 'role')))
        .choices(['admin', 'technician', 'viewer'] as const)
        .makeOptionMandatory(),
    )
    .addOption(dataOption())
    .addOption(databaseOption())
    .action(async (name, options) => {
      const { hubUserAddCommand } = await import('../commands/hub-admin.js');
      s.setExit(await hubUserAddCommand(s.context(), name, options));
    });
  admin
    .command('revoke')
    .description(s.say(text('révoquer un poste (volé, perdu)', 'revoke a station (stolen, lost)')))
    .argument(
      '<station>',
      s.say(text('numéro, nom ou empreinte du poste', 'station number, name or fingerprint')),
    )
    .option(
      '--at <date>',
      s.say(text('depuis quand (ISO 8601 ; défaut : maintenant)', 'since when (ISO 8601; default: now)')),
    )
    .option('--reason <text>', s.say(text('motif', 'reason')))
    .addOption(dataOption())
    .addOption(databaseOption())
    .addOption(jsonOption(s))
    .action(async (station, options) => {
      const { hubRevokeCommand } = await import('../commands/hub-admin.js');
      s.setExit(await hubRevokeCommand(s.context(options.json), station, options));
    });
  admin
    .command('trust')
    .description(
      s.say(
        text(
          'accepter les postes d’une autre organisation du réseau',
          'accept another network organisation’s stations',
        ),
      ),
    )
    .argument(
      '<pem>',
      s.say(text('certificat racine de l’organisation (PEM)', 'the organisation’s root certificate (PEM)')),
    )
    .option('--name <name>', s.say(text('nom affiché', 'display name')))
    .addOption(dataOption())
    .addOption(databaseOption())
    .action(async (pem, options) => {
      const { hubTrustCommand } = await import('../commands/hub-admin.js');
      s.setExit(await hubTrustCommand(s.context(), pem, options));
    });
  for (const [name, fr, en] of [
    ['stations', 'lister les postes inscrits', 'list enrolled stations'],
    ['rejects', 'lister les envois refusés', 'list refused uploads'],
  ] as const)
    admin
      .command(name)
      .description(s.say(text(fr, en)))
      .addOption(dataOption())
      .addOption(databaseOption())
      .addOption(jsonOption(s))
      .action(async (options) => {
        const { hubListCommand } = await import('../commands/hub-admin.js');
        s.setExit(await hubListCommand(s.context(options.json), name, options));
      });

  hub
    .command('enrol')
    .description(s.say(text('inscrire ce poste auprès d’un hub', 'enrol this station with a hub')))
    .argument('<url>', s.say(text('adresse du hub (http://…)', 'hub address (http://…)')))
    .requiredOption(
      '--code <code>',
      s.say(text('code d’inscription (XXXX-XXXX)', 'enrolment code (XXXX-XXXX)')),
    )
    .option(
      '--name <name>',
      s.say(text('nom du poste (défaut : nom de la machine)', 'station name (default: host name)')),
    )
    .option(
      '--public-url <url>',
      s.say(text('adresse publique du hub pour les QR codes', 'hub public address for QR codes')),
    )
    .option(
      '--force',
      s.say(text('remplacer la clé existante de ce poste', 'replace this station’s existing key')),
    )
    .addOption(passphraseFileOption(s))
    .addOption(jsonOption(s))
    .action(async (url, options) => {
      const { hubEnrolCommand } = await import('../commands/hub-enrol.js');
      s.setExit(await hubEnrolCommand(s.context(options.json), url, options));
    });

  program
    .command('sync')
    .description(s.say(text('envoyer au hub ce qui attend', 'push what is waiting to the hub')))
    .option(
      '--wait <s>',
      s.say(
        text(
          'réessayer un hub injoignable pendant s secondes',
          'keep retrying an unreachable hub for s seconds',
        ),
      ),
      '30',
    )
    .addOption(passphraseFileOption(s))
    .addOption(jsonOption(s))
    .action(async (options) => {
      const { syncCommand } = await import('../commands/sync.js');
      s.setExit(await syncCommand(s.context(options.json), options));
    });
}
