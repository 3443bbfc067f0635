/**
 * The four front ends (gomme erase, the guide's services, unattended mode, the demo) erase through the one
 * session: for the same plan they must commit the same record (modulo IDs, device names and times) and the
 * same certificates. Loop devices only.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommand } from '../../../cli/commands/demo.js';
import { eraseCommand } from '../../../cli/commands/erase.js';
import { makeContext } from '../../../cli/io.js';
import { certificateService } from '../../../cli/tui/certificate-service.js';
import { realGuideServices } from '../../../cli/tui/real-services.js';
import { eraseChosen } from '../../../cli/unattended/run-unattended.js';
import { discoverDrives } from '../../../core/detect/discover-drives.js';
import { openJournal } from '../../../core/journal/index.js';
import { realSystem } from '../../../core/run/system.js';
import { jobStore } from '../../../erasure/jobs/job-store.js';
import { createLoopDevice, detachAll, type LoopDevice } from '../../helpers/loop-device.js';
import { runGomme } from '../../helpers/run-gomme.js';

const isRoot = process.getuid?.() === 0;
const MiB = 1024 * 1024;
/** The demo makes 64 MiB drives: the others get the same size, so the records can match. */
const SIZE = 64 * MiB;
const env = { GOMME_OPERATOR: 'Camille Martin', GOMME_LANG: 'en' };
const donor = (offset: number, length: number) => Buffer.alloc(length, `donor ${offset} `);

function silent() {
  let out = '';
  const stdout = new Writable({
    write(chunk, _e, done) {
      out += String(chunk);
      done();
    },
  });
  const stderr = new Writable({ write: (_c, _e, done) => done() });
  return { stdout, stderr, out: () => out };
}

interface Committed {
  record: Record<string, unknown>;
  certificates: string[];
  job: { state: string; result: string | null; bytesWritten: number };
}

function committed(dataDir: string): Committed {
  const journal = openJournal(dataDir);
  try {
    const [row] = journal.records.list();
    if (!row) throw new Error(`no record in ${dataDir}`);
    const [job] = jobStore(journal).list();
    return {
      record: JSON.parse(row.json) as Record<string, unknown>,
      certificates: journal.certificates
        .list(row.recordId)
        .map((c) => c.certificateId.replace(row.recordId, 'ID')),
      job: {
        state: job?.state ?? '',
        result: job?.result ?? null,
        bytesWritten: job?.figures.bytesWritten ?? 0,
      },
    };
  } finally {
    journal.close();
  }
}

/** What may differ between two erasures of the same plan: IDs, device names, times, durations. */
function normalise(record: Record<string, unknown>): unknown {
  const drives = (record.drives as Array<Record<string, unknown>>).map((d) => {
    const { device: _d, startedAt: _s, finishedAt: _f, durationSeconds: _t, sanitization, ...rest } = d;
    const { commands: _c, ...method } = sanitization as Record<string, unknown>;
    // Each plan draws its own sampling seed: overlapping samples merge differently, a few KiB either way.
    const v = rest.verification as { coveragePercent: number; detail: string | null };
    const verification = {
      ...v,
      coveragePercent: Math.round(v.coveragePercent),
      detail: v.detail?.replace(/\d+ bytes read back/, 'N bytes read back') ?? null,
    };
    return { ...rest, verification, sanitization: method };
  });
  const { recordId: _id, completedAt: _at, ...rest } = record;
  return { ...rest, drives };
}

describe.skipIf(!isRoot)('the same record from every front end', () => {
  const loops: LoopDevice[] = [];
  const dirs: Record<string, string> = {};
  let root = '';

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gomme-same-record-'));
    const keyed = join(root, 'key');
    const made = runGomme(['keys', 'init', '--organisation', 'Ressourcerie du Lac'], {
      GOMME_DATA_DIR: keyed,
    });
    if (made.code !== 0) throw new Error(made.stderr);
    for (const name of ['erase', 'guide', 'unattended', 'demo']) {
      dirs[name] = join(root, name);
      cpSync(join(keyed, 'keys'), join(dirs[name] as string, 'keys'), { recursive: true });
    }
    for (let i = 0; i < 3; i++) loops.push(createLoopDevice(SIZE, { fill: donor }));
  });

  afterAll(() => {
    detachAll(loops);
    rmSync(root, { recursive: true, force: true });
  });

  it('gomme erase, the guide, unattended mode and the demo commit the same record and certificates', async () => {
    const [forErase, forGuide, forUnattended] = loops as [LoopDevice, LoopDevice, LoopDevice];
    const system = realSystem();

    const cli = runGomme(['erase', forErase.path, '--yes', '--json'], { ...env, GOMME_DATA_DIR: dirs.erase });
    expect(cli.code, cli.stderr).toBe(0);

    const guideEnv = { ...process.env, ...env, GOMME_DATA_DIR: dirs.guide };
    const guide = realGuideServices({
      system,
      dataDir: dirs.guide as string,
      env: guideEnv,
      lang: 'en',
      onlyDevices: [forGuide.path],
    });
    const found = await guide.discover();
    const plan = found.entries.find((e) => e.drive.path === forGuide.path)?.plan;
    if (!plan) throw new Error('the guide planned nothing');
    const results = await guide.erase.run([plan], {
      emit: () => {},
      signal: new AbortController().signal,
      // The trainee typed the operator and left donor and lot empty: the same defaults as the CLI's.
      facts: { operator: 'Camille Martin', donor: '', lot: '' },
    });
    expect(results.map((r) => r.result)).toEqual(['ERASED']);
    const issued = await certificateService({
      dataDir: dirs.guide as string,
      env: guideEnv,
      lang: 'en',
    }).issue({
      operator: 'Camille Martin',
      intake: { donor: '', lot: '', assetTag: '', publicDonor: false },
      machine: null,
      results,
      diagnostics: null,
    });
    expect(issued.files).toHaveLength(2);

    const unattended = silent();
    const ctx = makeContext(
      { ...unattended, env: { ...process.env, ...env, GOMME_DATA_DIR: dirs.unattended } },
      'en',
      true,
    );
    const { drives } = await discoverDrives(system);
    const target = drives.find((d) => d.path === forUnattended.path);
    if (!target) throw new Error('not discovered');
    const code = await eraseChosen(
      ctx,
      [target],
      { method: 'auto', verify: 'sample' },
      { erase: (c, d, o) => eraseCommand(c, d, o) },
      { dryRun: false },
    );
    expect(code, unattended.out()).toBe(0);

    const demo = silent();
    const demoCtx = makeContext(
      { ...demo, env: { ...process.env, ...env, GOMME_DATA_DIR: dirs.demo } },
      'en',
      false,
    );
    expect(await demoCommand(demoCtx, { dataDir: dirs.demo as string })).toBe(0);

    const all = Object.fromEntries(Object.entries(dirs).map(([name, dir]) => [name, committed(dir)]));
    const reference = all.erase as Committed;
    expect(reference.record).toMatchObject({
      operator: { name: 'Camille Martin' },
      organisation: { name: 'Ressourcerie du Lac' },
    });
    for (const [name, got] of Object.entries(all)) {
      expect(normalise(got.record), name).toEqual(normalise(reference.record));
      expect(got.certificates, name).toEqual(['ID-D1', 'ID-M']);
      expect(got.job, name).toEqual({ state: 'finished', result: 'ERASED', bytesWritten: SIZE });
    }
  });
});
