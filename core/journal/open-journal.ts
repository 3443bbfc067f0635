import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { GommeError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { text } from '../i18n.js';
import { type Migration, migrations as shippedMigrations } from './migrations.js';

export const JOURNAL_FILE = 'journal.sqlite';

export class JournalTooNewError extends GommeError {
  constructor(found: number, known: number) {
    super(
      'journal-too-new',
      text(
        `Le journal est au schéma ${found}, cette version de gomme ne connaît que le ${known}.`,
        `The journal is at schema ${found}; this gomme version only knows up to ${known}.`,
      ),
      {
        exitCode: ExitCode.REFUSED,
        hint: text(
          'Mettez gomme à jour plutôt que de risquer le journal.',
          'Update gomme rather than risk the journal.',
        ),
      },
    );
  }
}

/**
 * Opens (creating if needed) the journal in `dataDir`: WAL so a reader never blocks the erasure engine,
 * synchronous=FULL because a committed record must survive a power cut on a donated PC.
 */
export function openJournal(dataDir: string, migrations: readonly Migration[] = shippedMigrations): Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, JOURNAL_FILE);
  const db = new BetterSqlite3(file);
  chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

export function migrate(db: Database, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    db.close();
    throw new JournalTooNewError(current, migrations.length);
  }
  migrations.slice(current).forEach((migration, offset) => {
    // Each step and its version bump commit together: a crash leaves the journal at a known version.
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${current + offset + 1}`);
    })();
  });
}
