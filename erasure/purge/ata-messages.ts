/** Messages shared by the ATA engines, unfreeze and unlock (fr + en). */
import type { AtaSecurity, Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import { bridgeCarriesAta } from '../../core/tools/usb/judge-bridge.js';

export const ATA_TEXT = {
  notDirect: text(
    'Le disque n’est pas relié directement en SATA (pont USB ?) : les commandes ATA de sécurité ne sont pas fiables.',
    'The drive is not attached directly over SATA (USB bridge?): ATA security commands are not reliable.',
  ),
  identifyUnreadable: text(
    'Les données IDENTIFY du disque sont illisibles ou incohérentes : aucune commande de sécurité ne sera envoyée.',
    'The drive’s IDENTIFY data is unreadable or inconsistent: no security command will be sent.',
  ),
  noSecurityData: text(
    'Le disque ne présente pas de données de sécurité ATA fiables (pas de section « Security » ou IDENTIFY douteux).',
    'The drive shows no trustworthy ATA security data (no "Security" section, or doubtful IDENTIFY data).',
  ),
  securityUnsupported: text(
    'Le disque ne prend pas en charge le jeu de sécurité ATA.',
    'The drive does not support the ATA security feature set.',
  ),
  enhancedUnsupported: text(
    'Le disque ne propose pas l’effacement sécurisé amélioré.',
    'The drive does not offer the enhanced security erase.',
  ),
  frozen: text(
    'Le disque est gelé (frozen) par le BIOS : lancez « gomme unfreeze » (mise en veille puis réveil) et réessayez.',
    'The drive is frozen by the BIOS: run "gomme unfreeze" (suspend, then resume) and try again.',
  ),
  locked: text(
    'Le disque est verrouillé par un mot de passe : si gomme l’a posé, lancez « gomme unlock ».',
    'The drive is locked with a password: if gomme set it, run "gomme unlock".',
  ),
  passwordSet: text(
    'Un mot de passe ATA est déjà actif sur ce disque (posé par le BIOS ou un autre outil) : gomme ne le connaît pas.',
    'An ATA password is already set on this drive (by the BIOS or another tool): gomme does not know it.',
  ),
  attemptsExceeded: text(
    'Trop d’essais de mot de passe : éteignez et rallumez le disque avant de réessayer.',
    'Too many password attempts: power-cycle the drive before trying again.',
  ),
  unknownState: text(
    'L’état de sécurité ATA du disque est inconnu : aucune commande de sécurité ne sera envoyée.',
    'The drive’s ATA security state is unknown: no security command will be sent.',
  ),
  noSerial: text(
    'Le numéro de série est inconnu : impossible de mémoriser le mot de passe temporaire en sécurité.',
    'The serial number is unknown: the temporary password could not be kept safely.',
  ),
  wrongDrive: (dev: string, expected: string, found: string) =>
    text(
      `${dev} n’est plus le disque confirmé (série ${expected}, trouvé ${found}) : rien n’a été envoyé.`,
      `${dev} is no longer the confirmed drive (serial ${expected}, found ${found}): nothing was sent.`,
    ),
} as const;

/** Why ATA security cannot be used now, or null when it can. Unknown facts count as "cannot". */
export function securityBlocker(
  sec: AtaSecurity | null,
  enhanced: boolean,
): { code: string; message: Text } | null {
  if (sec === null) return { code: 'no-security-data', message: ATA_TEXT.noSecurityData };
  if (sec.supported !== true) return { code: 'unsupported', message: ATA_TEXT.securityUnsupported };
  if (enhanced && sec.enhancedEraseSupported !== true)
    return { code: 'unsupported', message: ATA_TEXT.enhancedUnsupported };
  if (sec.locked === true) return { code: 'locked', message: ATA_TEXT.locked };
  if (sec.countExpired === true) return { code: 'attempts-exceeded', message: ATA_TEXT.attemptsExceeded };
  if (sec.frozen === true) return { code: 'frozen', message: ATA_TEXT.frozen };
  if (sec.enabled === true) return { code: 'password-set', message: ATA_TEXT.passwordSet };
  if (sec.frozen !== false || sec.enabled !== false || sec.locked !== false)
    return { code: 'unknown-state', message: ATA_TEXT.unknownState };
  return null;
}

/** hdparm talks ATA directly only on these transports; USB bridges answer garbage or nothing. */
export const isDirectAta = (transport: string): boolean => transport === 'sata' || transport === 'ata';

/**
 * ATA firmware commands reach the drive: attached directly, or behind a USB bridge that passes IDENTIFY
 * through whole and consistently and is not on the deny list (core/tools/usb).
 */
export const ataReachable = (drive: Drive): boolean =>
  isDirectAta(drive.transport) ||
  (drive.transport === 'usb' && bridgeCarriesAta(drive.capabilities.usbBridge));
