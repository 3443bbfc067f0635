/**
 * How much of the medium is read back. Three id sets meet here: what the operator asks (`--verify`), what a
 * planned pass does, and what a record says was done (certificates/RECORD.md `verification.method`).
 */
import { type Text, text } from '../i18n.js';

/** `--verify` (erasure/plan/verify-modes.ts). */
export type VerifyModeId = 'none' | 'sample' | 'last' | 'all';

export const VERIFY_MODE_WORDS: Record<VerifyModeId, Text> = {
  none: text('aucune relecture', 'no read-back'),
  sample: text(
    'relecture par échantillons (NIST, au moins 10 % du disque)',
    'sampled read-back (NIST, at least 10% of the drive)',
  ),
  last: text('relecture complète de la dernière passe', 'full read-back of the last pass'),
  all: text('relecture complète de chaque passe', 'full read-back of every pass'),
};

/** A plan's verify mode (stored as a string in jobs) in words. */
export function verifyModeWords(id: string): Text {
  return (VERIFY_MODE_WORDS as Record<string, Text>)[id] ?? text(id, id);
}

/** What one planned pass does after it is written. */
export type PassVerifyId = 'none' | 'sample' | 'full';

export const PASS_VERIFY_WORDS: Record<PassVerifyId, Text> = {
  none: text('non relue', 'not read back'),
  sample: text('relue par échantillons', 'sample read back'),
  full: text('relue en entier', 'read back in full'),
};

/** A record's `verification.method`. */
export type RecordVerificationId = 'none' | 'full' | 'sampling' | 'crypto-compare';

export const RECORD_VERIFICATION_WORDS: Record<RecordVerificationId, Text> = {
  none: text('aucune', 'none'),
  full: text('relecture complète', 'full read-back'),
  sampling: text(
    'relecture par échantillons (NIST SP 800-88 §4.7)',
    'sampled read-back (NIST SP 800-88 §4.7)',
  ),
  'crypto-compare': text(
    'comparaison avant/après (effacement cryptographique)',
    'before/after comparison (crypto erase)',
  ),
};

/** A job outcome's verification mode (`sample`, `full-last`, `full-all`, `purge-compare`…) in words. */
export function outcomeVerificationWords(mode: string): Text {
  if (mode === 'sample' || mode === 'purge-pattern') return RECORD_VERIFICATION_WORDS.sampling;
  if (mode === 'purge-compare') return RECORD_VERIFICATION_WORDS['crypto-compare'];
  if (mode === 'full-last') return VERIFY_MODE_WORDS.last;
  if (mode === 'full-all') return VERIFY_MODE_WORDS.all;
  if (mode === 'none') return RECORD_VERIFICATION_WORDS.none;
  return RECORD_VERIFICATION_WORDS.full;
}

export const VERIFIED_WORD = text('vérifié', 'verified');
export const VERIFICATION_FAILED = text('VÉRIFICATION ÉCHOUÉE', 'VERIFICATION FAILED');
