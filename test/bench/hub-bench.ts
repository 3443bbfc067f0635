/**
 * `npm run bench:hub`: 20 simulated stations (real journals, outboxes and the pusher) push records and PDFs to
 * a hub (a separate process) on PostgreSQL (a throw-away cluster) and on the embedded PGlite; then 50
 * concurrent clients read the verification page. Traffic to 127.0.0.1 only, bounded in count and time.
 * Options: --records N (default 10000) --pdfs N (default 200: PDF rendering, not the hub, is the slow part)
 * --db postgres|embedded|both, --reads N (default 20000 page reads: 5,000 lasted 1–3 s right after the ingest,
 * and their p99 moved by ±15 ms between identical runs; the first 5,000 are also reported apart).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
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
const READS = Number(arg('reads', '20000'));
const FIRST = 5000;
const WARM_UP = 500;
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

/** One GET read to its end; its status. Bounded: a page that does not answer in 10 s fails the bench. */
function getPage(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent, timeout: 10_000 }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`${url}: no answer in 10 s`)));
    request.on('error', reject);
  });
}

/**
 * `count` reads of `/v/{id}` by `CLIENTS` clients, each on its own kept-alive connection as a browser would be
 * and waiting for its answer before the next (closed loop), IDs taken in turn from `first`; each read's time
 * in ms. node:http rather than fetch: undici's fetch costs about three times the CPU per request, and this
 * client shares the machine's two cores with the hub and PostgreSQL.
 */
async function readPages(url: string, ids: string[], first: number, count: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  let next = first;
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < first + count) {
          const id = ids[next++ % ids.length];
          const t = performance.now();
          const status = await getPage(`${url}/v/${id}`, agent);
          if (status !== 200) throw new Error(`/v/${id}: ${status}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return latencies;
}

/** The latency at fraction p of the sorted list, in ms to one decimal. */
function percentiles(latencies: number[]): (p: number) => number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return (p) => Math.round((sorted[Math.floor((sorted.length - 1) * p)] ?? 0) * 10) / 10;
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
    // The verification page under 50 concurrent clients. A hub runs for weeks: the first reads (JIT, each
    // pooled connection preparing its statements) are a warm-up, reported apart, on other IDs.
    const warmLatencies = await readPages(url, ids, Math.max(0, ids.length - WARM_UP), WARM_UP);
    const readStart = performance.now();
    const latencies = await readPages(url, ids, 0, READS);
    const readSeconds = (performance.now() - readStart) / 1000;
    const first = percentiles(latencies.slice(0, FIRST));
    const all = percentiles(latencies);
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
        p50ms: all(0.5),
        p90ms: all(0.9),
        p99ms: all(0.99),
        maxms: all(1),
        first: { requests: Math.min(FIRST, latencies.length), p50ms: first(0.5), p99ms: first(0.99) },
        warmUp: { requests: warmLatencies.length, maxms: Math.round(Math.max(...warmLatencies)) },
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
