import type { JournalDb } from './db.js';

/**
 * The temporary ATA passwords (erasure/purge/password-vault.ts): a row is committed (synchronous=FULL) before
 * the password is set on the drive, and kept until the drive shows "not enabled" again.
 */
export class PasswordsStore {
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

  async forget(serial: string): Promise<void> {
    this.db.write('password-forgotten', () =>
      this.db.run('DELETE FROM drive_passwords WHERE serial = ?', serial),
    );
  }
}
