/** Messages shared by the NVMe engines (fr + en). */
import { text } from '../../core/i18n.js';

export const NVME_TEXT = {
  notNvme: text('Ce n’est pas un disque NVMe.', 'This is not an NVMe drive.'),
  unknownController: text(
    'Le contrôleur NVMe, l’espace de noms ou le format de secteur actuel est inconnu.',
    'The NVMe controller, namespace or current sector format is unknown.',
  ),
  formatUnsupported: text(
    'Le contrôleur ne prend pas en charge Format NVM.',
    'The controller does not support Format NVM.',
  ),
  cryptoFormatUnsupported: text(
    'Le contrôleur ne propose pas l’effacement cryptographique au formatage (FNA bit 2).',
    'The controller does not offer crypto erase as part of a format (FNA bit 2).',
  ),
  sanitizeUnsupported: text(
    'Le contrôleur ne propose pas cette action Sanitize (SANICAP).',
    'The controller does not offer this Sanitize action (SANICAP).',
  ),
  logUnreadable: text(
    'Le journal Sanitize est illisible : gomme ne pourrait pas constater la fin de l’opération, il ne la lance pas.',
    'The Sanitize log is unreadable: gomme could not observe the end of the operation, so it does not start it.',
  ),
} as const;
