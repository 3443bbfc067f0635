import type { Database } from 'better-sqlite3';
import type { PasswordVault } from '../purge/password-vault.js';

/** The durable vault: a row is committed (synchronous=FULL) before the password is set on the drive. */
export class JournalPasswordVault implements PasswordVault {
  constructor(private readonly db: Database) {}

  async remember(serial: string, password: string): Promise<void> {
    this.db
      .prepare('INSERT OR REPLACE INTO drive_passwords (serial, password, set_at) VALUES (?, ?, ?)')
      .run(serial, password, new Date().toISOString());
  }

  async recall(serial: string): Promise<string | null> {
    const row = this.db.prepare('SELECT password FROM drive_passwords WHERE serial = ?').get(serial) as
      | { password: string }
      | undefined;
    return row?.password ?? null;
  }

  async forget(serial: string): Promise<void> {
    this.db.prepare('DELETE FROM drive_passwords WHERE serial = ?').run(serial);
  }
}
