import type { Database } from './database.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/** Any number: the advisory lock that keeps two hubs starting on one PostgreSQL from migrating together. */
const LOCK = 7_146_001;

/**
 * Brings the schema to the newest version, each migration in its own transaction (a failed one leaves the
 * previous version whole). Returns the versions applied now.
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  await db.transaction(async (tx) => {
    // Transaction-scoped: released at commit, whatever happens to the connection.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
  });
  return applied;
}
