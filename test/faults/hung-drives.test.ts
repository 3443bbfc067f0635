import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { waitUntilFree } from '../helpers/device-released.js';
import { gommeLauncher, runGomme } from '../helpers/run-gomme.js';
import { createHungDrivesRig } from './hung-drives-setup.js';

const isRoot = process.getuid?.() === 0;
const MiB = 1 << 20;
const HUNG_BYTES = 16 * MiB;
const HEALTHY_BYTES = 32 * MiB;
const STALL_MS = 5_000;
/** Far above stall + start-up on a loaded machine; before the fix the command never ended while frozen. */
const END_WITHIN_MS = STALL_MS + 25_000;

interface DriveResult {
  device: string;
  result: string;
  bytesWritten: number;
  seconds: number;
  jobId: string;
  errors: Array<{ operation: string; code: string }>;
  interruptions: unknown[];
  recordId: string | null;
  certificate: string | null;
}

/** Each record committed and its certificate signed (pdfsig); gomme cert verify accepts the first one too. */
function expectCertified(drives: ReadonlyArray<DriveResult | undefined>, env: NodeJS.ProcessEnv): void {
  for (const d of drives) {
    expect(d?.recordId, d?.device).toMatch(/^GR-\d{8}-[0-9a-f]{10}$/);
    expect(d?.certificate, d?.device).toMatch(/\.pdf$/);
    const pdfsig = spawnSync('pdfsig', [d?.certificate ?? ''], { encoding: 'utf8' });
    expect(pdfsig.stdout, d?.device).toContain('Signature is Valid');
  }
  const verified = runGomme(['cert', 'verify', drives[0]?.certificate ?? '', '--json'], env);
  expect(verified.code, verified.stderr).toBe(0);
}

/** gomme erase, asynchronously (a D-state child would block spawnSync past any timeout). */
function startGomme(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(gommeLauncher, args, {
    env: { ...process.env, GOMME_LANG: 'en', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  const started = Date.now();
  const ended = new Promise<{ code: number | null; ms: number; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, ms: Date.now() - started, stdout, stderr })),
  );
  return { ended };
}

function resultOf(stdout: string): DriveResult[] {
  const last = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    type?: string;
    drives?: DriveResult[];
  };
  expect(last.type).toBe('result');
  return last.drives ?? [];
}

async function hungAmongHealthy(hungCount: number, healthyCount: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gomme-hung-data-'));
  const env = { GOMME_DATA_DIR: dataDir, GOMME_STALL_TIMEOUT_MS: String(STALL_MS) };
  const keys = runGomme(['keys', 'init', '--organisation', 'Atelier des disques lents'], env);
  expect(keys.code, keys.stderr).toBe(0);
  const rig = await createHungDrivesRig({
    hung: hungCount,
    healthy: healthyCount,
    hungBytes: HUNG_BYTES,
    healthyBytes: HEALTHY_BYTES,
    fill: (offset, length) => Buffer.alloc(length, `donor ${offset} `),
  });
  let running: ReturnType<typeof startGomme> | undefined;
  try {
    const devices = [...rig.hung, ...rig.healthy].map((l) => l.path);
    running = startGomme(
      ['erase', ...devices, '--method', 'zero', '--verify', 'last', '--yes', '--json'],
      env,
    );
    const first = await Promise.race([
      running.ended,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), END_WITHIN_MS)),
    ]);
    // The command ended while the hung drives were still hung (the thaw only comes after).
    expect(
      first,
      `gomme did not end within ${END_WITHIN_MS} ms with ${hungCount} hung drives`,
    ).not.toBeNull();
    if (!first) return;
    expect(rig.frozen()).toBe(true);
    expect(first.ms).toBeLessThan(END_WITHIN_MS);
    // ABORTED jobs (the stalled ones) make the exit code "interrupted".
    expect(first.code, first.stderr).toBe(130);
    const drives = resultOf(first.stdout);
    for (const loop of rig.healthy) {
      const d = drives.find((x) => x.device === loop.path);
      expect(d, loop.path).toMatchObject({ result: 'ERASED', bytesWritten: HEALTHY_BYTES, errors: [] });
      // They did not wait for their hung neighbours.
      expect(d?.seconds).toBeLessThan(STALL_MS / 1000);
      expect(readFileSync(loop.backingFile).every((b) => b === 0)).toBe(true);
    }
    expectCertified(
      rig.healthy.map((loop) => drives.find((x) => x.device === loop.path)),
      env,
    );
    const hungIds: string[] = [];
    for (const loop of rig.hung) {
      const d = drives.find((x) => x.device === loop.path);
      expect(d, loop.path).toMatchObject({ result: 'ABORTED' });
      expect(d?.errors).toEqual([expect.objectContaining({ operation: 'stall', code: 'STALLED' })]);
      // Resumable: no record yet (it comes with the resume).
      expect(d).toMatchObject({ recordId: null, certificate: null });
      hungIds.push(d?.jobId ?? '');
    }
    // The journal: resumable (aborted), the STALLED error in the saved outcome; not among the job's errors,
    // which would fail the job once resumed.
    const db = new BetterSqlite3(join(dataDir, 'journal.sqlite'), { readonly: true });
    for (const jobId of hungIds) {
      const row = db
        .prepare('SELECT state, result, outcome_json FROM erase_jobs WHERE job_id = ?')
        .get(jobId) as {
        state: string;
        result: string;
        outcome_json: string;
      };
      expect(row).toMatchObject({ state: 'aborted', result: 'ABORTED' });
      expect(JSON.parse(row.outcome_json)).toMatchObject({ stalled: true, errors: [{ code: 'STALLED' }] });
      const codes = db.prepare('SELECT code FROM erase_job_errors WHERE job_id = ?').all(jobId);
      expect(codes).toEqual([]);
    }
    db.close();

    // The drives come back: the abandoned engine lets go of them, and --resume finishes the job.
    rig.thaw();
    for (const loop of rig.hung) await waitUntilFree(loop.path, 30_000);
    const resumed = runGomme(['erase', '--resume', '--yes', '--json'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = resultOf(resumed.stdout);
    expect(after.map((d) => d.device).sort()).toEqual(rig.hung.map((l) => l.path).sort());
    for (const d of after) {
      expect(d).toMatchObject({ result: 'ERASED', bytesWritten: HUNG_BYTES, errors: [] });
      expect(d.interruptions).toHaveLength(1);
    }
    expectCertified(after, env);
    for (const loop of rig.hung) {
      expect(readFileSync(loop.backingFile).every((b) => b === 0)).toBe(true);
    }
  } finally {
    rig.thaw();
    if (running) await running.ended;
    await rig.teardown();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe.skipIf(!isRoot)('hung drives (loop devices over a frozen ext4) beside healthy ones', () => {
  it('2 hung + 6 healthy: healthy ERASED and certified, the command ends, hung STALLED and resumable', async () => {
    await hungAmongHealthy(2, 6);
  }, 120_000);

  it('6 hung + 2 healthy: the same, however many hang', async () => {
    await hungAmongHealthy(6, 2);
  }, 120_000);
});
