/**
 * NIST SP 800-88 sanitization levels. French says "Effacement" for Clear (the standard's French usage) and
 * "Purge"; each has a plain gloss for readers who do not know the standard.
 */
import { type Text, text, textOf } from '../i18n.js';

/** Mirrors the record's and the plan's `nistLevel` ids. */
export type NistLevelId = 'clear' | 'purge';

export const NIST_LEVEL_WORDS: Record<NistLevelId, Text> = {
  clear: text('Effacement', 'Clear'),
  purge: text('Purge', 'Purge'),
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
};

export const NIST_LEVEL_LABEL = text('Niveau NIST SP 800-88', 'NIST SP 800-88 level');

/** The level and its gloss: "Effacement (toutes les données accessibles sont remplacées : …)". */
export function nistLevelExplained(level: NistLevelId): Text {
  return textOf((lang) => `${NIST_LEVEL_WORDS[level][lang]} (${NIST_LEVEL_GLOSS[level][lang]})`);
}
