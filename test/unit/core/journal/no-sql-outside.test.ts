import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../helpers/fixtures.js';

/** Production folders: everything but tests, builds and the live-image scripts. */
const FOLDERS = ['core', 'cli', 'erasure', 'diagnostics', 'certificates', 'session'];
const SQL =
  /\b(better-sqlite3|\.prepare\(|\.exec\(\s*[`'"]\s*(CREATE|INSERT|UPDATE|DELETE|SELECT|ALTER|PRAGMA|REINDEX)|\.pragma\(|(SELECT|INSERT INTO|UPDATE|DELETE FROM)\s+[\w*]+[\s\S]{0,40}\b(FROM|SET|VALUES|WHERE)\b)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('the journal module is the only place with SQL', () => {
  it('no SQL and no SQLite handle outside core/journal', () => {
    const offenders = FOLDERS.flatMap((f) => sources(join(projectRoot, f)))
      .filter((file) => !relative(projectRoot, file).startsWith('core/journal/'))
      .filter((file) => SQL.test(readFileSync(file, 'utf8')))
      .map((file) => relative(projectRoot, file));
    expect(offenders).toEqual([]);
  });

  it('the check itself sees SQL when there is some', () => {
    expect(SQL.test(`db.prepare('SELECT x FROM erase_jobs WHERE id = ?')`)).toBe(true);
    expect(SQL.test(`import BetterSqlite3 from 'better-sqlite3';`)).toBe(true);
    expect(SQL.test('Select the drives to erase, then confirm.')).toBe(false);
  });
});
