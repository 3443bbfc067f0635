/**
 * `npm run bench:hub`: 20 simulated stations (real journals, outboxes and the pusher) push records and PDFs to
 * a hub (a separate process) on PostgreSQL (a throw-away cluster) and on the embedded PGlite; then 50
 * concurrent clients read the verification page. Traffic to 127.0.0.1 only, bounded in count and time.
 * Options: --records N (default 10000) --pdfs N (default 200: PDF rendering, not the hub, is the slow part)
 * --db postgres|embedded|both.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitRecord } from '../../certificates/journal-store.js';
import { loadIdentity } from '../../certificates/keys/store.js';
import { certificateEnvWith } from '../../certificates/open-env.js';
import { buildErasureRecord } from '../../certificates/record/build-record.js';
import { renderRecordCertificates } from '../../certificates/render-certificate.js';
import { openJournal } from '../../core/journal/index.js';
import { enrolStation } from '../../session/hub/enrol-station.js';
import { fetchHubClient } from '../../session/hub/hub-client.js';
import { pushOutbox } from '../../session/hub/push-outbox.js';
import { projectRoot } from '../helpers/fixtures.js';
import { startCluster } from '../helpers/postgres-cluster.js';
import { sampleInput } from '../unit/certificates/fixtures/sample-input.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const RECORDS = Number(arg('records', '10000'));
const PDFS = Number(arg('pdfs', '200'));
const STATIONS = 20;
const CLIENTS = 50;
const READS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(url: string): Promise<void> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(250)) {
    try {
      if ((await fetch(`${url}/health`)).status === 200) return;
    } catch (error) {
      if (!(error instanceof Error)) throw error;
    }
  }
  throw new Error('hub did not start');
}

async function bench(
  kind: 'postgres' | 'embedded',
  databaseUrl: string | undefined,
): Promise<Record<string, unknown>> {
  const work = mkdtempSync(join(tmpdir(), `gomme-bench-hub-${kind}-`));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const url = `http://127.0.0.1:${port}`;
  const args = [
    join(projectRoot, 'dist/cli/main.js'),
    'hub',
    'serve',
    '--data',
    join(work, 'hub'),
    '--listen',
    `127.0.0.1:${port}`,
    '--organisation',
    'Bench',
  ];
  if (databaseUrl) args.push('--database', databaseUrl);
  const hub: ChildProcess = spawn(process.execPath, args, {
    stdio: 'ignore',
    env: {
      ...process.env,
      GOMME_HUB_LOG_LEVEL: 'warn',
      GOMME_HUB_PUBLIC_PER_MINUTE: '1000000',
      GOMME_HUB_INGEST_PER_MINUTE: '1000000',
      GOMME_HUB_ENROL_PER_MINUTE: '1000',
    },
  });
  try {
    await waitHealthy(url);
    const admin = JSON.parse(readFileSync(join(work, 'hub', 'hub-admin.json'), 'utf8')) as { token: string };
    const codeAnswer = await fetch(`${url}/api/v1/admin/enrolment-codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ uses: STATIONS }),
    });
    const { code } = (await codeAnswer.json()) as { code: string };
    const perStation = Math.ceil(RECORDS / STATIONS);
    const pdfsPerStation = Math.ceil(PDFS / STATIONS);
    const ids: string[] = [];
    const stations = [];
    const prepStart = Date.now();
    for (let s = 0; s < STATIONS; s++) {
      const dataDir = join(work, `station-${s}`);
      await enrolStation(dataDir, fetchHubClient(url), { hubUrl: url, code, stationName: `bench-${s}` });
      const journal = openJournal(dataDir);
      const identity = loadIdentity(dataDir, undefined);
      const input = sampleInput();
      for (let i = 0; i < perStation; i++) {
        const record = buildErasureRecord({ ...input, machine: { ...input.machine, serial: `B${s}-${i}` } });
        commitRecord(journal, record);
        if (i < pdfsPerStation) {
          const written = await renderRecordCertificates(
            certificateEnvWith(journal, identity, 'fr'),
            record.recordId,
          );
          ids.push(...written.map((w) => w.certificateId));
        } else ids.push(`${record.recordId}-M`);
      }
      stations.push({ journal, identity, client: fetchHubClient(url), now: () => new Date() });
    }
    const prepSeconds = (Date.now() - prepStart) / 1000;
    const items = stations.reduce((n, s) => n + s.journal.outbox.list({ pending: true }).length, 0);
    const start = performance.now();
    const runs = await Promise.all(stations.map((deps) => pushOutbox(deps, 'all', 50)));
    const seconds = (performance.now() - start) / 1000;
    const pushed = runs.reduce((n, r) => n + r.pushed, 0);
    const pending = runs.reduce((n, r) => n + r.pending, 0);
    // The verification page under 50 concurrent clients.
    const latencies: number[] = [];
    let next = 0;
    const readStart = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < READS) {
          const id = ids[next++ % ids.length];
          const t = performance.now();
          const response = await fetch(`${url}/v/${id}`);
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`/v/${id}: ${response.status}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const readSeconds = (performance.now() - readStart) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => Math.round((latencies[Math.floor((latencies.length - 1) * p)] ?? 0) * 10) / 10;
    for (const s of stations) s.journal.close();
    return {
      db: kind,
      records: RECORDS,
      pdfs: items - RECORDS,
      itemsPushed: pushed,
      pending,
      ingestSeconds: Math.round(seconds * 10) / 10,
      itemsPerSecond: Math.round(pushed / seconds),
      recordsPerSecondIncludingPdfs: Math.round(RECORDS / seconds),
      prepareSeconds: Math.round(prepSeconds),
      verifyPage: {
        requests: latencies.length,
        clients: CLIENTS,
        p50ms: pct(0.5),
        p99ms: pct(0.99),
        perSecond: Math.round(latencies.length / readSeconds),
      },
    };
  } finally {
    hub.kill('SIGTERM');
    await once(hub, 'exit');
    rmSync(work, { recursive: true, force: true });
  }
}

const which = arg('db', 'both');
const results: Array<Record<string, unknown>> = [];
if (which !== 'embedded') {
  const cluster = startCluster();
  try {
    results.push(await bench('postgres', cluster.createDatabase('bench')));
  } finally {
    cluster.stop();
  }
}
if (which !== 'postgres') results.push(await bench('embedded', undefined));
for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
