import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { text } from '../../core/i18n.js';

export interface NetbootOptions {
  netboot?: string;
  netbootInterface?: string;
  netbootAddress?: string;
  dhcpRange?: string;
  netbootDefault: 'guided' | 'erase';
  netbootConfirm?: string;
}

export interface NetbootChoice {
  iso: string;
  interface: string;
  address: string;
  dhcpRange: [string, string] | null;
  defaultEntry: 'guided' | 'erase';
}

/**
 * `gomme hub serve --netboot ISO …` options, checked before anything starts. The unattended erase becomes the
 * default entry only with the same token gomme.confirm needs, typed again on the hub's command line.
 */
export function netbootChoice(options: NetbootOptions, listenHost: string): NetbootChoice | null {
  if (!options.netboot) {
    if (options.netbootInterface || options.dhcpRange || options.netbootAddress)
      throw new UsageError(
        text('Ces options vont avec --netboot IMAGE.iso.', 'These options go with --netboot IMAGE.iso.'),
      );
    return null;
  }
  if (!options.netbootInterface)
    throw new UsageError(
      text(
        '--netboot demande --netboot-interface (ex. eth0).',
        '--netboot needs --netboot-interface (e.g. eth0).',
      ),
      text(
        'Voir « ip -br addr » : l’interface reliée au switch de l’atelier.',
        'See "ip -br addr": the interface on the workshop switch.',
      ),
    );
  if (options.netbootDefault === 'erase' && options.netbootConfirm !== 'yes-erase-all')
    throw new UsageError(
      text(
        '--netboot-default erase efface tout PC qui démarre sur le réseau sans qu’on y touche : ajoutez --netboot-confirm yes-erase-all.',
        '--netboot-default erase wipes every PC that boots from the network untouched: add --netboot-confirm yes-erase-all.',
      ),
      text(
        'Sur un réseau partagé, gardez l’entrée guidée par défaut.',
        'On a shared network, keep the guided entry as the default.',
      ),
    );
  let dhcpRange: [string, string] | null = null;
  if (options.dhcpRange) {
    const parts = options.dhcpRange.split(',').map((p) => p.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1])
      throw new UsageError(text('--dhcp-range : attendu DÉBUT,FIN', '--dhcp-range: expected START,END'));
    dhcpRange = [parts[0], parts[1]];
  }
  return {
    iso: options.netboot,
    interface: options.netbootInterface,
    address: options.netbootAddress ?? listenHost,
    dhcpRange,
    defaultEntry: options.netbootDefault,
  };
}

export const netbootDir = (dataDir: string) => join(dataDir, 'netboot');
