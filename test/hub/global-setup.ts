import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../hub/db/open-database.js';
import { type Cluster, startCluster } from '../helpers/postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throw-away PostgreSQL cluster's socket folder and binaries. */
    pgSocketDir: string;
    pgDir: string;
    pgBin: string;
    /** An embedded database already created and migrated, to copy (PGlite's first start is slow). */
    embeddedTemplate: string;
  }
}

/**
 * The hub project's setup: starts PostgreSQL for the whole run (and stops it after), and prepares one
 * embedded database to copy, so every hub test runs on both.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster: Cluster = startCluster();
  const template = mkdtempSync(join(tmpdir(), 'gomme-hub-template-'));
  try {
    const db = await openDatabase({ dataDir: template });
    await db.close();
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide('pgSocketDir', cluster.socketDir);
  project.provide('pgDir', cluster.dir);
  project.provide('pgBin', cluster.bin);
  project.provide('embeddedTemplate', template);
  return async () => {
    cluster.stop();
    rmSync(template, { recursive: true, force: true });
  };
}

export function copyTemplate(template: string, to: string): void {
  cpSync(join(template, 'db'), join(to, 'db'), { recursive: true });
}
