import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIdentity } from '../../certificates/keys/store.js';
import { certificateEnvWith } from '../../certificates/open-env.js';
import { renderRecordCertificates } from '../../certificates/render-certificate.js';
import { openDatabase } from '../../hub/db/open-database.js';
import { runAdmin } from '../../hub/index.js';
import { countRecords } from '../../hub/store/uploads.js';
import { projectRoot } from '../helpers/fixtures.js';
import {
  cluster,
  DB_KINDS,
  type DbKind,
  enrolmentCode,
  enrolTestStation,
  freePort,
  freshDatabase,
  removeTempDirs,
  type TestStation,
  tempDir,
  testHub,
} from './helpers.js';

afterAll(removeTempDirs);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pushes until the outbox is empty or the deadline passes, pausing briefly while the hub is away. */
async function pushUntilEmpty(station: TestStation, deadline: number, batchItems = 10): Promise<number> {
  let unavailable = 0;
  while (station.pending() > 0 && Date.now() < deadline) {
    const run = await station.push({ batchItems });
    if (run.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(run.rejected[0])}`);
    if (run.unavailable) {
      unavailable += 1;
      await sleep(150);
    }
  }
  return unavailable;
}

async function waitHealthy(url: string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200) return;
    } catch (error) {
      if (!(error instanceof Error)) throw error;
    }
    await sleep(200);
  }
  throw new Error(`hub not healthy at ${url} after ${ms} ms`);
}

function serveChild(dataDir: string, port: number, databaseUrl: string | undefined): ChildProcess {
  const args = [
    join(projectRoot, 'dist/cli/main.js'),
    'hub',
    'serve',
    '--data',
    dataDir,
    '--listen',
    `127.0.0.1:${port}`,
  ];
  args.push('--organisation', 'Atelier du Test', ...(databaseUrl ? ['--database', databaseUrl] : []));
  return spawn(process.execPath, args, {
    stdio: 'ignore',
    env: { ...process.env, GOMME_HUB_LOG_LEVEL: 'warn' },
  });
}

async function countOn(dataDir: string, databaseUrl: string | undefined) {
  const db = await openDatabase({ url: databaseUrl, dataDir });
  try {
    return await countRecords(db);
  } finally {
    await db.close();
  }
}

describe.each(DB_KINDS)('reliability on %s', (kind: DbKind) => {
  it('SIGKILL of the hub 5 times while 4 stations push 500 records each: 2,000 records, no duplicate, outboxes empty', async () => {
    const dataDir = tempDir('gomme-hub-kill-');
    const databaseUrl = freshDatabase(kind, dataDir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let child = serveChild(dataDir, port, databaseUrl);
    try {
      await waitHealthy(url);
      const { code } = (await runAdmin({ dataDir, databaseUrl }, { op: 'enrol-code', uses: 4 })) as {
        code: string;
      };
      const stations = await Promise.all([1, 2, 3, 4].map((i) => enrolTestStation(url, code, `poste-${i}`)));
      for (const station of stations) station.commit(500);
      const deadline = Date.now() + 240_000;
      const pushers = Promise.all(stations.map((s) => pushUntilEmpty(s, deadline)));
      let kills = 0;
      let killedDuringIngest = 0;
      for (let k = 0; k < 5; k++) {
        await sleep(300 + Math.random() * 1_500);
        if (stations.some((s) => s.pending() > 0)) killedDuringIngest += 1;
        child.kill('SIGKILL');
        await once(child, 'exit');
        kills += 1;
        child = serveChild(dataDir, port, databaseUrl);
        await waitHealthy(url);
      }
      const unavailable = await pushers;
      expect(kills).toBe(5);
      expect(killedDuringIngest).toBeGreaterThanOrEqual(3);
      expect(unavailable.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(stations.map((s) => s.pending())).toEqual([0, 0, 0, 0]);
      child.kill('SIGTERM');
      const [exitCode] = await once(child, 'exit');
      expect(exitCode).toBe(0);
      expect(await countOn(dataDir, databaseUrl)).toEqual({ records: 2000, distinct: 2000 });
      for (const s of stations) s.close();
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    }
  });

  it('a station offline through 3 machines keeps everything, then pushes it all when the hub is back', async () => {
    const port = await freePort();
    const first = await testHub(kind, { port });
    const station = await enrolTestStation(first.url, await enrolmentCode(first), 'poste-hors-ligne');
    await first.close();
    const env = certificateEnvWith(station.journal, loadIdentity(station.dataDir, undefined), 'fr');
    let queued = 0;
    for (let machine = 0; machine < 3; machine++) {
      const [record] = station.commit(1, machine);
      queued += 1 + (await renderRecordCertificates(env, record!.recordId)).length;
      const run = await station.push();
      expect(run.unavailable?.en).toMatch(/unreachable/);
      expect(run).toMatchObject({ pushed: 0, pending: queued });
    }
    const waiting = station.journal.outbox.list({ pending: true });
    expect(waiting).toHaveLength(queued);
    const records = waiting.filter((item) => item.kind === 'record');
    expect(records.every((item) => item.attempts >= 1 && item.lastError?.includes('unavailable'))).toBe(true);
    const back = await testHub(kind, { port, dataDir: first.dataDir, databaseUrl: first.databaseUrl });
    try {
      const run = await station.push();
      expect(run).toMatchObject({ pushed: queued, pending: 0, rejected: [] });
      expect((await countRecords(back.deps.db)).records).toBe(3);
    } finally {
      station.close();
      await back.close();
    }
  });
});

describe('reliability on postgres: the server restarts during ingest', () => {
  it('restart PostgreSQL (immediate, crash-like) while 2 stations push: everything arrives once', async () => {
    const hub = await testHub('postgres');
    try {
      const code = await enrolmentCode(hub, 2);
      const stations = await Promise.all([1, 2].map((i) => enrolTestStation(hub.url, code, `poste-${i}`)));
      for (const station of stations) station.commit(300);
      const deadline = Date.now() + 180_000;
      const pushers = Promise.all(stations.map((s) => pushUntilEmpty(s, deadline, 5)));
      await sleep(800);
      const ingesting = stations.some((s) => s.pending() > 0);
      // Down for a while with the event loop free (pg_ctl is synchronous): the pushers must meet it down.
      cluster().crash();
      await sleep(2_000);
      cluster().start();
      const unavailable = await pushers;
      expect(ingesting).toBe(true);
      expect(unavailable.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(stations.map((s) => s.pending())).toEqual([0, 0]);
      expect(await countRecords(hub.deps.db)).toEqual({ records: 600, distinct: 600 });
      expect((await fetch(`${hub.url}/health`)).status).toBe(200);
      for (const s of stations) s.close();
    } finally {
      await hub.close();
    }
  });
});
