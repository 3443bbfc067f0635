import type { JournalDb } from './db.js';

/** Same shape as erasure/purge/credentials.ts AttemptLedger (core cannot import erasure). */
interface AttemptLedger {
  attempts(key: string): Promise<number>;
  countAttempt(key: string): Promise<number>;
  powerCycled(key: string): Promise<void>;
}

/**
 * The temporary ATA passwords (erasure/purge/password-vault.ts): a row is committed (synchronous=FULL) before
 * the password is set on the drive, and kept until the drive shows "not enabled" again.
 */
export class PasswordsStore implements AttemptLedger {
  constructor(
    private readonly db: JournalDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async remember(serial: string, password: string): Promise<void> {
    this.db.write('password-saved', () =>
      this.db.run(
        'INSERT OR REPLACE INTO drive_passwords (serial, password, set_at) VALUES (?, ?, ?)',
        serial,
        password,
        this.now().toISOString(),
      ),
    );
  }

  async recall(serial: string): Promise<string | null> {
    return (
      this.db.get<{ password: string }>('SELECT password FROM drive_passwords WHERE serial = ?', serial)
        ?.password ?? null
    );
  }

  /** Tries sent to a drive (key "ata:<serial>", "tcg:<serial>") since it was last confirmed powered off. */
  async attempts(key: string): Promise<number> {
    return (
      this.db.get<{ attempts: number }>(
        'SELECT attempts FROM drive_password_attempts WHERE attempt_key = ?',
        key,
      )?.attempts ?? 0
    );
  }

  /** Durable before the try is sent (synchronous=FULL). */
  async countAttempt(key: string): Promise<number> {
    this.db.write('password-attempt', () =>
      this.db.run(
        `INSERT INTO drive_password_attempts (attempt_key, attempts, last_at) VALUES (?, 1, ?)
         ON CONFLICT (attempt_key) DO UPDATE SET attempts = attempts + 1, last_at = excluded.last_at`,
        key,
        this.now().toISOString(),
      ),
    );
    return this.attempts(key);
  }

  async powerCycled(key: string): Promise<void> {
    this.db.write('password-attempt', () =>
      this.db.run('DELETE FROM drive_password_attempts WHERE attempt_key = ?', key),
    );
  }

  async forget(serial: string): Promise<void> {
    this.db.write('password-forgotten', () =>
      this.db.run('DELETE FROM drive_passwords WHERE serial = ?', serial),
    );
  }
}
