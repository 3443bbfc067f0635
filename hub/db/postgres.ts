import pg from 'pg';
import type { Database, Sql } from './database.js';
import { classifyDatabaseError } from './errors.js';

/**
 * A network's PostgreSQL server, through a pool of `pg` connections. A restart of the server fails the
 * requests in flight (503 to the stations, who retry); the pool reconnects by itself afterwards.
 */
export async function openPostgres(
  url: string,
  options: { maxConnections?: number } = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A statement stuck behind a full disk or a lock must not hold an ingest forever.
    statement_timeout: 30_000,
  });
  // An idle connection killed by a server restart emits 'error' on the pool; unhandled, it would end the hub.
  pool.on('error', () => {});
  const run = async <R>(client: pg.Pool | pg.PoolClient, text: string, params: readonly unknown[]) => {
    try {
      const name = params.length > 0 ? statementName(text) : undefined;
      return (await client.query({ name, text, values: params as unknown[] })).rows as R[];
    } catch (error) {
      throw classifyDatabaseError(error) ?? error;
    }
  };
  const db: Database = {
    kind: 'postgres',
    description: `PostgreSQL ${redact(url)}`,
    query: (text, params = []) => run(pool, text, params),
    exec: async (script) => {
      await run(pool, script, []);
    },
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw classifyDatabaseError(error) ?? error;
      }
      const tx: Sql = {
        query: (text, params = []) => run(client, text, params),
        exec: async (script) => {
          await run(client, script, []);
        },
      };
      let broken = false;
      // A connection that dies while checked out (server restart) reports it here, not on the pool: without a
      // listener that would end the hub. The query in flight fails on its own; the connection is dropped.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await tx.query('BEGIN');
        const result = await fn(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection itself is gone (server restart): it must not go back to the pool.
          broken = rollbackError instanceof Error;
        }
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async ping() {
      await db.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
  return db;
}

/** postgres://user:secret@host/db → postgres://user:***@host/db */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/**
 * Parameterised statements are prepared once per connection and reused by name (`pg` keeps the list per
 * connection): PostgreSQL then skips parsing and planning, most of its work for the hub's short lookups. The
 * hub's SQL texts are constants, so the names stay few; past a bound, a text runs unprepared.
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 500;

function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known !== undefined || statementNames.size >= MAX_PREPARED) return known;
  const name = `gomme_${statementNames.size + 1}`;
  statementNames.set(text, name);
  return name;
}
