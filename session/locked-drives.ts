/**
 * Locked drives a front end can still save with a typed secret: a TCG Opal drive locked by its former owner
 * (the PSID printed on its label resets it) and an ATA drive locked with a password nobody at the workshop set
 * (the donor's user or master password erases it). The policy (erasure/policy/locked.ts) already sends both to
 * "à détruire" without a secret; this says which secret would change that, and how many tries the drive has
 * left by the journal's count, which the purge engines also obey (never a 6th try).
 */
import type { Drive } from '../core/drive.js';
import { lockedRoute } from '../erasure/policy/locked.js';
import {
  ATA_PASSWORD_TRIES,
  type AttemptLedger,
  ataAttemptKey,
  tcgAttemptKey,
} from '../erasure/purge/credentials.js';

export type SecretKind = 'psid' | 'ata-password';

export interface SecretNeed {
  kind: SecretKind;
  /** The key of the credential store and of the journal's counter (a drive without a serial gets no prompt). */
  serial: string;
  /** Tries gomme already sent to this drive since it was last known powered off (the journal's counter). */
  used: number;
  limit: number;
}

/** Which secret would let gomme erase this drive instead of sending it to destruction; null when none would. */
export function secretKindFor(drive: Drive): SecretKind | null {
  if (drive.protected || drive.serial === null || drive.serial === '') return null;
  const route = lockedRoute(drive, undefined);
  if (route?.kind !== 'destroy') return null;
  return route.code === 'opal-locked' ? 'psid' : 'ata-password';
}

/** The journal's counter for this kind of secret (ATA security and TCG authorities count separately). */
export function attemptKeyFor(kind: SecretKind, serial: string): string {
  return kind === 'psid' ? tcgAttemptKey(serial) : ataAttemptKey(serial);
}

/** What the front end shows for each drive that needs a secret, keyed by device path. */
export async function secretNeeds(
  drives: readonly Drive[],
  ledger: Pick<AttemptLedger, 'attempts'> | null,
): Promise<Map<string, SecretNeed>> {
  const needs = new Map<string, SecretNeed>();
  for (const drive of drives) {
    const kind = secretKindFor(drive);
    if (kind === null || drive.serial === null) continue;
    const used = ledger ? await ledger.attempts(attemptKeyFor(kind, drive.serial)) : 0;
    needs.set(drive.path, { kind, serial: drive.serial, used, limit: ATA_PASSWORD_TRIES });
  }
  return needs;
}

/** Tries left before the drive refuses everything until it is powered off. */
export const triesLeft = (need: SecretNeed): number => Math.max(0, need.limit - need.used);
