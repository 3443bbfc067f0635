/** Why gomme will not touch a drive (README "Protected drives"), in words a trainee understands. */
import type { ProtectionReason } from '../drive.js';
import { joinText, SEMICOLON, type Text, text } from '../i18n.js';

export const PROTECTION_WORDS: Record<ProtectionReason, Text> = {
  'boot-medium': text('support de démarrage (système en marche)', 'boot medium (running system)'),
  mounted: text('en cours d’utilisation (monté)', 'in use (mounted)'),
  swap: text('utilisé comme mémoire d’échange', 'used as swap'),
  holder: text(
    'utilisé par un autre volume (LVM, RAID, chiffrement, cache)',
    'used by another volume (LVM, RAID, encryption, cache)',
  ),
  'read-only': text('en lecture seule', 'read-only'),
  'in-use': text('ouvert par un autre programme', 'held open by another program'),
};

export const PROTECTED_WORD = text('PROTÉGÉ', 'PROTECTED');
export const ERASABLE_WORD = text('effaçable', 'erasable');

/** Every protection's detail, one after the other: "sda1 est monté sur / ; sda2 sert de mémoire d’échange". */
export function protectionDetails(protections: ReadonlyArray<{ detail: Text }>): Text {
  return joinText(
    protections.map((p) => p.detail),
    SEMICOLON,
  );
}
