/**
 * Why a drive could not be claimed for an erasure (nothing written to it), one phrase each in each language:
 * the refusal of `gomme erase` (exit 3), `gomme erase --jobs` and `gomme history` say the same words. The ids
 * are the engine's claim refusals and the journal's refused jobs (`refusal.code`).
 */
import { type Text, text } from '../i18n.js';

export const REFUSAL_WORDS = {
  busy: text(
    'utilisé ailleurs : monté, swap, RAID/LVM ou ouvert par un autre programme',
    'in use: mounted, swap, RAID/LVM member or opened by another program',
  ),
  'read-only': text('en lecture seule', 'read-only'),
  gone: text('introuvable (débranché ?)', 'not found (unplugged?)'),
  'not-a-block-device': text("ce n'est pas un disque", 'not a drive'),
  'needs-root': text('il faut les droits administrateur', 'needs administrator rights'),
  stalled: text('ne répond pas', 'does not answer'),
  'open-failed': text("impossible de l'ouvrir", 'cannot be opened'),
  protected: text('protégé', 'protected'),
  'size-changed': text('sa taille a changé depuis la détection', 'its size changed since it was detected'),
  'other-target': text(
    'un autre disque de la même commande a été refusé',
    'another drive of the same command was refused',
  ),
  'recheck-failed': text(
    'l’état des disques n’a pas pu être relu juste avant l’effacement',
    'the state of the drives could not be read again right before the erasure',
  ),
} as const satisfies Record<string, Text>;

export type RefusalCode = keyof typeof REFUSAL_WORDS;

/** The words for a refusal code, including one written by a newer gomme (shown as a plain refusal). */
export function refusalWords(code: string): Text {
  return (REFUSAL_WORDS as Record<string, Text>)[code] ?? text(`refusé (${code})`, `refused (${code})`);
}

/** A refused job's reason in full: the words of its code, and what was found ("protégé : loop4 monté sur /mnt"). */
export function refusalReason(refusal: { code: string; detail: Text | null }): Text {
  const words = refusalWords(refusal.code);
  const { detail } = refusal;
  return detail ? text(`${words.fr} : ${detail.fr}`, `${words.en}: ${detail.en}`) : words;
}

/** A refused job in a list: "REFUSÉ : en lecture seule" (nothing was written to it). */
export const REFUSED_WORD = text('REFUSÉ', 'REFUSED');
