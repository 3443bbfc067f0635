import type { Command } from '@commander-js/extra-typings';
import { text } from '../../core/i18n.js';
import type { ProgramSetup } from './setup.js';

/**
 * `gomme unattended` (NDJSON only). The live image's boot unit runs the same handler through
 * cli/unattended/main.ts, which depends on this one command only.
 */
export function registerUnattended(program: Command, s: ProgramSetup): void {
  program
    .command('unattended')
    .description(
      s.say(
        text(
          'mode sans surveillance : paramètres gomme.* du noyau ou de SMBIOS (image live)',
          'unattended mode: gomme.* parameters from the kernel command line or SMBIOS (live image)',
        ),
      ),
    )
    .option(
      '--serial <device>',
      s.say(
        text('copier chaque ligne NDJSON sur ce port série', 'copy every NDJSON line to this serial device'),
      ),
    )
    .option('--dry-run', s.say(text('montrer le plan, ne rien écrire', 'show the plan, write nothing')))
    .option(
      '--wait-for-disks',
      s.say(
        text(
          'attendre que udev ait vu tous les disques avant de choisir les cibles (unité de démarrage)',
          'wait for udev to have seen every disk before choosing targets (boot unit)',
        ),
      ),
    )
    .option(
      '--boot-units <units>',
      s.say(
        text(
          'unités systemd démarrées en même temps (partition de données, réseau), attendues après l’événement de départ (unité de démarrage)',
          'systemd units started alongside (data partition, network), waited for after the start event (boot unit)',
        ),
      ),
    )
    .action(async ({ bootUnits, ...options }) => {
      const { bootUnitsOption, unattendedCommand } = await import('../commands/unattended.js');
      s.setExit(
        await unattendedCommand(s.context(true), {
          ...options,
          ...(bootUnits === undefined ? {} : { bootUnits: bootUnitsOption(bootUnits) }),
        }),
      );
    });
}
