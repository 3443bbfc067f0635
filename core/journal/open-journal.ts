import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { BatchesStore } from './batches.js';
import { CertificatesStore } from './certificates.js';
import { JournalDb, type JournalHooks } from './db.js';
import { classifyJournalError, freeBytes, JournalTooNewError } from './errors.js';
import { JobsStore } from './jobs.js';
import { type Migration, migrations as shippedMigrations } from './migrations.js';
import { OutboxStore } from './outbox.js';
import { PasswordsStore } from './passwords.js';
import { RecordsStore } from './records.js';

export { JournalTooNewError } from './errors.js';

export const JOURNAL_FILE = 'journal.sqlite';

export interface JournalOptions extends JournalHooks {
  /** @default the shipped list (tests add entries to check that appended migrations run). */
  migrations?: readonly Migration[];
}

/** What `PRAGMA integrity_check` found; `indexOnly` problems are repaired by rebuilding the indexes. */
export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  indexOnly: boolean;
}

/**
 * The journal: typed stores over one SQLite file, and the only place in gomme that holds its handle or writes
 * SQL. WAL so a reader never blocks the erasure; synchronous=FULL because a committed record must survive a
 * power cut on a donated PC.
 */
export class Journal {
  readonly jobs: JobsStore;
  readonly batches: BatchesStore;
  readonly records: RecordsStore;
  readonly certificates: CertificatesStore;
  readonly passwords: PasswordsStore;
  readonly outbox: OutboxStore;

  constructor(
    private readonly db: JournalDb,
    readonly dataDir: string,
  ) {
    this.jobs = new JobsStore(db);
    this.batches = new BatchesStore(db);
    this.records = new RecordsStore(db);
    this.certificates = new CertificatesStore(db);
    this.passwords = new PasswordsStore(db);
    this.outbox = new OutboxStore(db);
  }

  get file(): string {
    return this.db.file;
  }

  /** Several store writes that commit together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn);
  }

  schemaVersion(): number {
    return (this.db.pragma('user_version') as Array<{ user_version: number }>)[0]?.user_version ?? 0;
  }

  integrity(): IntegrityReport {
    const rows = this.db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const problems = rows.map((r) => r.integrity_check).filter((p) => p !== 'ok');
    // Only derived data is wrong: a rebuild from the tables loses nothing.
    const indexOnly =
      problems.length > 0 &&
      problems.every((p) =>
        /^(row \d+ missing from index|wrong # of entries in index|non-unique entry in index)/.test(p),
      );
    return { ok: problems.length === 0, problems, indexOnly };
  }

  /** Copies the journal aside (nothing is ever lost), then rebuilds every index from the tables. */
  rebuildIndexes(now: Date = new Date()): string {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    const backup = `${this.file}.before-reindex-${now.toISOString().replace(/[:.]/g, '-')}`;
    this.db.guard(() => copyFileSync(this.file, backup));
    this.db.guard(() => this.db.raw.exec('REINDEX'));
    return backup;
  }

  freeBytes(): number | null {
    return freeBytes(this.dataDir);
  }

  close(): void {
    this.db.close();
  }
}

/** Opens (creating and migrating if needed) the journal in `dataDir`. Failures are typed JournalErrors. */
export function openJournal(dataDir: string, options: JournalOptions = {}): Journal {
  const file = join(dataDir, JOURNAL_FILE);
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw classifyJournalError(error, file) ?? error;
    }
  };
  guard(() => mkdirSync(dataDir, { recursive: true, mode: 0o700 }));
  const raw = guard(() => new BetterSqlite3(file));
  const db = new JournalDb(raw, file, options);
  try {
    guard(() => chmodSync(file, 0o600));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? shippedMigrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return new Journal(db, dataDir);
}

function migrate(db: JournalDb, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version') as unknown as Array<{ user_version: number }>;
  const version = current[0]?.user_version ?? 0;
  if (version > migrations.length) throw new JournalTooNewError(db.file, version, migrations.length);
  migrations.slice(version).forEach((migration, offset) => {
    // Foreign keys can only be switched outside a transaction; a rebuild checks them itself before committing.
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      // Each step and its version bump commit together: a crash leaves the journal at a known version.
      db.transaction(() => {
        migration.up(db.raw as Database);
        if (migration.rebuildsTables) {
          const broken = db.raw.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0)
            throw new Error(`migration "${migration.name}" broke ${broken.length} foreign key(s)`);
        }
        db.raw.pragma(`user_version = ${version + offset + 1}`);
      });
    } finally {
      if (migration.rebuildsTables) db.pragma('foreign_keys = ON');
    }
  });
}
