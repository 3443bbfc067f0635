import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Database, Sql } from './database.js';
import { classifyDatabaseError, DatabaseLockedError } from './errors.js';

/**
 * The embedded default: PGlite (PostgreSQL 18 compiled to WebAssembly) in DIR/db, for a workshop that installs
 * no server. One process at a time may open the folder (DIR/db.lock holds its PID); a stale lock left by a
 * killed hub is taken over. PGlite writes through to the files at each commit but cannot fsync (its WebAssembly
 * file layer has no fsync): a killed hub loses nothing it acknowledged (test/hub/reliability), a power cut may.
 */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const dir = join(dataDir, 'db');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lock = takeLock(join(dataDir, 'db.lock'));
  let pg: PGlite;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    pg = await PGlite.create({ dataDir: dir });
  } catch (error) {
    lock.release();
    throw classifyDatabaseError(error) ?? error;
  }
  const wrap = (q: PGlite | Transaction): Sql => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      try {
        return (await q.query<R>(text, params as unknown[])).rows;
      } catch (error) {
        throw classifyDatabaseError(error) ?? error;
      }
    },
    async exec(script: string) {
      try {
        await q.exec(script);
      } catch (error) {
        throw classifyDatabaseError(error) ?? error;
      }
    },
  });
  const top = wrap(pg);
  return {
    kind: 'embedded',
    description: `embedded PostgreSQL (PGlite) in ${dir}`,
    query: top.query,
    exec: top.exec,
    async transaction(fn) {
      try {
        return await pg.transaction((tx) => fn(wrap(tx)));
      } catch (error) {
        throw classifyDatabaseError(error) ?? error;
      }
    },
    async ping() {
      await top.query('SELECT 1');
    },
    async close() {
      try {
        if (!pg.closed) await pg.close();
      } finally {
        lock.release();
      }
    },
  };
}

function takeLock(path: string): { release(): void } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid))
        throw new DatabaseLockedError(path, pid);
      // Left by a hub that was killed: take it over.
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseLockedError(path, -1);
}

/** The embedded database's holder, when a live process holds it (so admin commands go through it). */
export function embeddedHolder(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, 'db.lock'), 'utf8'), 10);
    return Number.isInteger(pid) && alive(pid) ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
