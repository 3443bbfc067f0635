/**
 * Secrets a technician types for a drive that fights back, and the tries they cost. A password-locked ATA drive
 * counts failed SECURITY UNLOCK / ERASE UNIT tries and refuses everything after 5 until it is powered off
 * ("expired: security count" in hdparm -I); a TCG drive counts failed authentications too. gomme keeps its own
 * count per drive (the journal's password store) and never sends a 6th try: the drive's counter is invisible
 * until it has expired, and BIOS prompts may already have spent some of it.
 *
 * This is the service the guide calls: `checkPsid` (format, typed twice, shown back in groups), then
 * `credentials.provide(serial, …)`; the purge engines take the secret from here, never from the plan or the
 * journal (only the count is kept there).
 */
import { type Text, text } from '../../core/i18n.js';

/** ATA: 5 tries per power-on (ATA8-ACS, SECURITY UNLOCK: "the device shall … after five attempts"). */
export const ATA_PASSWORD_TRIES = 5;

export type CredentialKind = 'ata-user' | 'ata-master' | 'tcg-psid';

export interface Credential {
  kind: CredentialKind;
  secret: string;
}

/** Where the typed secrets wait for the engine (memory only: they never reach the journal or the record). */
export class CredentialStore {
  private readonly secrets = new Map<string, Credential>();

  provide(serial: string, credential: Credential): void {
    this.secrets.set(serial, credential);
  }

  get(serial: string): Credential | null {
    return this.secrets.get(serial) ?? null;
  }

  forget(serial: string): void {
    this.secrets.delete(serial);
  }
}

/** The per-drive count of password tries, durable (the journal's) so a crash or a second run cannot reset it. */
export interface AttemptLedger {
  /** Tries gomme sent to this drive since it was last known powered off. */
  attempts(key: string): Promise<number>;
  /** Counted before the command is sent: a crash mid-command still counts. Resolves to the new count. */
  countAttempt(key: string): Promise<number>;
  /** The technician confirmed a power cycle: the drive's own counter is back to 5. */
  powerCycled(key: string): Promise<void>;
}

export class InMemoryAttemptLedger implements AttemptLedger {
  private readonly counts = new Map<string, number>();

  async attempts(key: string): Promise<number> {
    return this.counts.get(key) ?? 0;
  }

  async countAttempt(key: string): Promise<number> {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }

  async powerCycled(key: string): Promise<void> {
    this.counts.delete(key);
  }
}

/** Ledger keys: one per drive and per kind of counter (ATA security vs TCG authorities count separately). */
export const ataAttemptKey = (serial: string): string => `ata:${serial}`;
export const tcgAttemptKey = (serial: string): string => `tcg:${serial}`;

export type PsidCheck = { ok: true; psid: string; grouped: string } | { ok: false; reason: Text };

/**
 * A PSID is 32 characters printed on the drive's label (TCG Storage Opal SSC Feature Set: PSID), letters and
 * digits. Typed twice: both must match once spaces and dashes (label grouping) are removed and letters
 * upper-cased; the result is shown back in groups of 4 for the technician to compare with the label.
 */
export function checkPsid(first: string, second: string): PsidCheck {
  const clean = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();
  const a = clean(first);
  const b = clean(second);
  if (a !== b)
    return {
      ok: false,
      reason: text('Les deux saisies du PSID sont différentes.', 'The two PSID entries differ.'),
    };
  if (!/^[0-9A-Z]{32}$/.test(a))
    return {
      ok: false,
      reason: text(
        `Un PSID fait 32 lettres ou chiffres (${a.length} saisis) : recopiez-le depuis l’étiquette du disque.`,
        `A PSID is 32 letters or digits (${a.length} typed): copy it from the drive’s label.`,
      ),
    };
  return { ok: true, psid: a, grouped: groupForDisplay(a) };
}

/** "ABCD EFGH …": how a secret is shown back to be compared with a label. */
export const groupForDisplay = (s: string): string => (s.match(/.{1,4}/g) ?? []).join(' ');

/** An ATA password is at most 32 bytes (IDENTIFY/SECURITY commands carry a 32-byte field). */
export function checkAtaPassword(first: string, second: string): { ok: true } | { ok: false; reason: Text } {
  if (first !== second)
    return { ok: false, reason: text('Les deux saisies sont différentes.', 'The two entries differ.') };
  if (first.length === 0 || Buffer.byteLength(first, 'latin1') > 32)
    return {
      ok: false,
      reason: text(
        'Un mot de passe ATA fait de 1 à 32 caractères.',
        'An ATA password is 1 to 32 characters long.',
      ),
    };
  return { ok: true };
}

/** "3 essais sur 5 déjà utilisés" for the guide and the dry run. */
export function attemptsText(used: number, limit = ATA_PASSWORD_TRIES): Text {
  const left = Math.max(0, limit - used);
  return text(
    `Essais de mot de passe : ${used} sur ${limit} utilisés par gomme depuis le dernier arrêt du disque, ${left} restant(s).`,
    `Password tries: ${used} of ${limit} used by gomme since the drive was last powered off, ${left} left.`,
  );
}
