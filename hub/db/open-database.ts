import type { Database } from './database.js';
import { openEmbedded } from './embedded.js';
import { migrate } from './migrate.js';
import { openPostgres } from './postgres.js';

export interface DatabaseChoice {
  /** postgres://… for a network's server; absent for the embedded default in `dataDir`. */
  url?: string | undefined;
  dataDir: string;
}

/** Opens the hub's database and brings its schema up to date. */
export async function openDatabase(choice: DatabaseChoice): Promise<Database> {
  const db = choice.url ? await openPostgres(choice.url) : await openEmbedded(choice.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
