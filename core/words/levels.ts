/**
 * NIST SP 800-88 sanitization levels. French says "Effacement" for Clear (the standard's French usage) and
 * "Purge"; each has a plain gloss for readers who do not know the standard.
 */
import { type Text, text, textOf } from '../i18n.js';

/** Mirrors the record's and the plan's `nistLevel` ids. */
export type NistLevelId = 'clear' | 'purge' | 'destroy';

export const NIST_LEVEL_WORDS: Record<NistLevelId, Text> = {
  clear: text('Effacement', 'Clear'),
  purge: text('Purge', 'Purge'),
  // A drive no method can sanitize (e.g. locked, no password): the record says so, never "erased".
  destroy: text('Destruction', 'Destroy'),
};

export const NIST_LEVEL_GLOSS: Record<NistLevelId, Text> = {
  clear: text(
    'toutes les données accessibles sont remplacées : les outils de récupération courants ne retrouvent rien',
    'every addressable block is replaced: ordinary recovery tools find nothing',
  ),
  purge: text(
    'récupération impossible, même avec des moyens de laboratoire',
    'recovery is infeasible, even with laboratory techniques',
  ),
  destroy: text(
    'le disque n’a pas pu être effacé : il doit être détruit physiquement',
    'the drive could not be erased: it must be physically destroyed',
  ),
};

export const NIST_LEVEL_LABEL = text('Niveau NIST SP 800-88', 'NIST SP 800-88 level');

/** The level and its gloss: "Effacement (toutes les données accessibles sont remplacées : …)". */
export function nistLevelExplained(level: NistLevelId): Text {
  return textOf((lang) => `${NIST_LEVEL_WORDS[level][lang]} (${NIST_LEVEL_GLOSS[level][lang]})`);
}
