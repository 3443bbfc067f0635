/**
 * TEST-ONLY damage to a journal file, the two ways the fault suite needs. Raw SQLite here on purpose: this is
 * the outside world breaking the file, not gomme using it.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Index-only damage: the records_lot index keeps its entries (lot IDs) while the schema says it indexes donors,
 * so every row is "missing from index". The table itself is intact: a REINDEX repairs it without loss.
 */
export function corruptRecordsIndex(file: string): void {
  // The sqlite3 shell: better-sqlite3 opens in defensive mode, which refuses writable_schema edits.
  execFileSync('sqlite3', [
    file,
    `PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE INDEX records_lot ON records (donor)' WHERE name = 'records_lot';`,
  ]);
}

/** Table damage: the root page of the records table is overwritten with garbage (only .recover gets rows back). */
export function corruptRecordsTable(file: string): void {
  const db = new BetterSqlite3(file);
  let root: number;
  let pageSize: number;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    root = (
      db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'records'`).get() as { rootpage: number }
    ).rootpage;
    pageSize = db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
  const fd = openSync(file, 'r+');
  try {
    const page = Buffer.alloc(pageSize);
    readSync(fd, page, 0, pageSize, (root - 1) * pageSize);
    page.fill(0xa5, 8, pageSize);
    writeSync(fd, page, 0, pageSize, (root - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
