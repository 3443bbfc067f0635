import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { commitRecord } from '../../certificates/journal-store.js';
import { loadIdentity } from '../../certificates/keys/store.js';
import { buildErasureRecord } from '../../certificates/record/build-record.js';
import type { ErasureRecord } from '../../certificates/record/schema.js';
import { type Journal, openJournal } from '../../core/journal/index.js';
import { createEnrolmentCode } from '../../hub/admin/operations.js';
import type { RouteModule } from '../../hub/http/server.js';
import { type RunningHub, startHub } from '../../hub/index.js';
import { enrolStation } from '../../session/hub/enrol-station.js';
import { fetchHubClient, type HubClient } from '../../session/hub/hub-client.js';
import { type PushRun, pushOutbox } from '../../session/hub/push-outbox.js';
import { attachCluster, type Cluster } from '../helpers/postgres-cluster.js';
import { sampleInput } from '../unit/certificates/fixtures/sample-input.js';
import { copyTemplate } from './global-setup.js';

export type DbKind = 'postgres' | 'embedded';
export const DB_KINDS: DbKind[] = ['postgres', 'embedded'];

export const cluster = (): Cluster => attachCluster(inject('pgDir'), inject('pgBin'));

const made: string[] = [];
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh hub data folder, and for PostgreSQL a fresh database: every test starts empty. */
export function freshDatabase(kind: DbKind, dataDir: string): string | undefined {
  if (kind === 'embedded') {
    copyTemplate(inject('embeddedTemplate'), dataDir);
    return undefined;
  }
  return cluster().createDatabase(`hub_${randomBytes(6).toString('hex')}`);
}

export async function testHub(
  kind: DbKind,
  options: {
    dataDir?: string;
    databaseUrl?: string;
    port?: number;
    publicUrl?: string;
    limits?: Record<string, number>;
    extraRoutes?: RouteModule[];
  } = {},
): Promise<RunningHub & { dataDir: string; databaseUrl: string | undefined }> {
  const dataDir = options.dataDir ?? tempDir('gomme-hub-');
  const databaseUrl = options.dataDir ? options.databaseUrl : freshDatabase(kind, dataDir);
  const hub = await startHub(
    {
      dataDir,
      databaseUrl,
      host: '127.0.0.1',
      port: options.port ?? 0,
      publicUrl: options.publicUrl ?? null,
      organisation: 'Atelier du Test',
    },
    {
      logger: process.env.GOMME_HUB_TEST_LOG ? { level: 'error' } : false,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
    },
  );
  return Object.assign(hub, { dataDir, databaseUrl });
}

/** A free TCP port on 127.0.0.1 (for a hub that must come back on the same address after a restart). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A record per machine, unique by the machine serial. */
export function machineRecord(station: string, n: number): ErasureRecord {
  const input = sampleInput();
  return buildErasureRecord({ ...input, machine: { ...input.machine, serial: `${station}-M${n}` } });
}

export interface TestStation {
  name: string;
  dataDir: string;
  journal: Journal;
  commit(count: number, from?: number): ErasureRecord[];
  push(options?: { batchItems?: number; client?: HubClient }): Promise<PushRun>;
  pending(): number;
  close(): void;
}

/** A real station: its own data folder and journal, enrolled with a code through the hub's API. */
export async function enrolTestStation(hubUrl: string, code: string, name: string): Promise<TestStation> {
  const dataDir = tempDir(`gomme-station-${name}-`);
  await enrolStation(dataDir, fetchHubClient(hubUrl), { hubUrl, code, stationName: name });
  const journal = openJournal(dataDir);
  const identity = loadIdentity(dataDir, undefined);
  return {
    name,
    dataDir,
    journal,
    commit(count, from = 0) {
      const records: ErasureRecord[] = [];
      for (let i = from; i < from + count; i++) {
        const record = machineRecord(name, i);
        commitRecord(journal, record);
        records.push(record);
      }
      return records;
    },
    push: (options = {}) =>
      pushOutbox(
        {
          journal,
          identity,
          client: options.client ?? fetchHubClient(hubUrl, { timeoutMs: 20_000 }),
          now: () => new Date(),
        },
        'all',
        options.batchItems,
      ),
    pending: () => journal.outbox.list({ pending: true }).length,
    close: () => journal.close(),
  };
}

export async function enrolmentCode(hub: RunningHub, uses = 1): Promise<string> {
  return (await createEnrolmentCode(hub.deps, { uses })).code;
}
