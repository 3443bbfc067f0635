import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Database, Sql } from './database.js';
import { classifyDatabaseError, DatabaseFullError, DatabaseLockedError } from './errors.js';

/**
 * The embedded default: PGlite (PostgreSQL 18 compiled to WebAssembly) in DIR/db, for a workshop that installs
 * no server. One process at a time may open the folder (DIR/db.lock holds its PID); a stale lock left by a
 * killed hub is taken over. PGlite writes through to the files at each commit but cannot fsync (its WebAssembly
 * file layer has no fsync): a killed hub loses nothing it acknowledged (test/hub/reliability), a power cut may.
 */
/** Below this much free space the embedded database takes no write: PGlite stops for good on ENOSPC. */
export const EMBEDDED_RESERVE_BYTES = 48 * 1024 * 1024;

export async function openEmbedded(
  dataDir: string,
  options: { reserveBytes?: number } = {},
): Promise<Database> {
  const dir = join(dataDir, 'db');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const reserve = options.reserveBytes ?? EMBEDDED_RESERVE_BYTES;
  const lock = takeLock(join(dataDir, 'db.lock'));
  let pg: PGlite;
  try {
    pg = await create(dir);
  } catch (error) {
    lock.release();
    throw classifyDatabaseError(error) ?? error;
  }
  // PGlite hangs after a write fails for lack of space (measured: the next query never answers). So: no
  // write below the reserve, and an instance that met a full disk is set aside and replaced, once there is
  // room again, by a new one on the same files (its recovery replays the committed WAL).
  let broken: Error | null = null;
  let lastRecovery = 0;
  const recover = async () => {
    if (!broken || Date.now() - lastRecovery < 2_000) return;
    lastRecovery = Date.now();
    if (freeBytes(dir) < reserve) return;
    pg = await create(dir);
    broken = null;
  };
  const guard = async <T>(write: boolean, run: () => Promise<T>): Promise<T> => {
    await recover();
    if (broken) throw broken;
    if (write && freeBytes(dir) < reserve)
      throw new DatabaseFullError(`less than ${Math.round(reserve / 1048576)} MiB free in ${dir}`);
    try {
      return await run();
    } catch (error) {
      const typed = classifyDatabaseError(error);
      if (typed instanceof DatabaseFullError) broken = typed;
      throw typed ?? error;
    }
  };
  const wrap = (q: () => PGlite | Transaction, inTransaction: boolean): Sql => ({
    query: <R>(text: string, params: readonly unknown[] = []) =>
      inTransaction
        ? q()
            .query<R>(text, params as unknown[])
            .then((r) => r.rows)
        : guard(
            !/^\s*SELECT\b/i.test(text),
            async () => (await q().query<R>(text, params as unknown[])).rows,
          ),
    exec: (script: string) =>
      inTransaction
        ? q()
            .exec(script)
            .then(() => undefined)
        : guard(true, async () => void (await q().exec(script))),
  });
  const top = wrap(() => pg, false);
  return {
    kind: 'embedded',
    description: `embedded PostgreSQL (PGlite) in ${dir}`,
    query: top.query,
    exec: top.exec,
    transaction: (fn) => guard(true, () => pg.transaction((tx) => fn(wrap(() => tx, true)))),
    async ping() {
      await top.query('SELECT 1');
    },
    async close() {
      try {
        if (!broken && !pg.closed) await pg.close();
      } finally {
        lock.release();
      }
    },
  };
}

async function create(dir: string): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  return PGlite.create({ dataDir: dir });
}

function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
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
