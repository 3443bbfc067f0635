import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { JobPlan } from '../../../erasure/jobs/job-store.js';
import { patternSource } from '../../../erasure/plan/resolve-passes.js';
import { runChild } from '../../faults/session/harness.js';
import { waitUntilFree } from '../../helpers/device-released.js';
import { withLoopDevice } from '../../helpers/loop-device.js';
import { runGomme, spawnGomme } from '../../helpers/run-gomme.js';

const isRoot = process.getuid?.() === 0;
const MiB = 1024 * 1024;
const SIZE = 256 * MiB;

type Line = Record<string, unknown>;

describe.skipIf(!isRoot)('resume after SIGKILL', () => {
  it('killed mid-pass at several points, resumed each time, ends fully erased and says it was interrupted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gomme-resume-'));
    const env = { GOMME_DATA_DIR: dataDir };
    try {
      await withLoopDevice(SIZE, { fill: (o, l) => Buffer.alloc(l, `donor ${o}`) }, async (loop) => {
        const common = ['--yes', '--json', '--checkpoint-interval', '20'];
        // Each kill point: the first event matching it after the run started.
        const killPoints: Array<{ name: string; when: (l: Line) => boolean }> = [
          { name: 'pass 1', when: (l) => l.type === 'checkpoint' && l.pass === 1 },
          { name: 'pass 2', when: (l) => l.type === 'checkpoint' && l.pass === 2 },
          { name: 'verification', when: (l) => l.type === 'verify-started' },
        ];
        const killedAt: Line[] = [];
        for (const [index, point] of killPoints.entries()) {
          const args =
            index === 0
              ? ['erase', loop.path, '--method', 'dod-short', '--verify', 'last']
              : ['erase', '--resume'];
          const run = await spawnGomme([...args, ...common], env, (line, kill) => {
            if (killedAt.length === index && point.when(line)) {
              killedAt.push(line);
              kill();
            }
          });
          expect(run.signal, `killed during ${point.name}`).toBe('SIGKILL');
          expect(run.lines.some((l) => l.type === 'result')).toBe(false);
          await waitUntilFree(loop.path);
        }
        const final = runGomme(['erase', '--resume', ...common], env);
        expect(final.code, final.stderr).toBe(0);
        const result = final.lines.at(-1) as {
          type: string;
          drives: Array<{
            result: string;
            bytesWritten: number;
            interruptions: Array<{ reason: string; pass: number }>;
            verification: { passed: boolean };
          }>;
        };
        expect(result.type).toBe('result');
        expect(result.drives[0]?.result).toBe('ERASED');
        expect(result.drives[0]?.verification.passed).toBe(true);
        // Every run counts, once: what the killed runs wrote after their last checkpoint was written again.
        expect(result.drives[0]?.bytesWritten).toBe(3 * SIZE);
        expect(result.drives[0]?.interruptions.map((i) => i.reason)).toEqual([
          'process-died',
          'process-died',
          'process-died',
        ]);

        // The journal shows the interruptions, and the medium holds exactly the last pass.
        const db = new BetterSqlite3(join(dataDir, 'journal.sqlite'), { readonly: true });
        const row = db
          .prepare('SELECT plan_json, state, result, interruptions_json FROM erase_jobs')
          .get() as {
          plan_json: string;
          state: string;
          result: string;
          interruptions_json: string;
        };
        db.close();
        expect(row).toMatchObject({ state: 'finished', result: 'ERASED' });
        expect(JSON.parse(row.interruptions_json)).toHaveLength(3);
        const plan = JSON.parse(row.plan_json) as JobPlan;
        const expected = Buffer.alloc(SIZE);
        patternSource(plan.passes[2]!.pattern).fill(expected, 0);
        expect(readFileSync(loop.backingFile).equals(expected)).toBe(true);
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('Ctrl-C (SIGINT) stops a 7-pass job at a checkpoint; the resumed job counts the bytes of both runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gomme-resume-'));
    const env = { GOMME_DATA_DIR: dataDir };
    const size = 128 * MiB;
    try {
      await withLoopDevice(size, { fill: (o, l) => Buffer.alloc(l, `donor ${o}`) }, async (loop) => {
        const common = ['--yes', '--json', '--checkpoint-interval', '20', '--verify', 'none'];
        // Ctrl-C from inside, at the 40th checkpoint (pass 2 of 7: 32 chunks of 4 MiB per pass): a signal sent
        // by the test when it reads a pass-2 line arrived after the whole job on a fast machine.
        const first = runChild(
          {
            devices: [loop.path],
            options: { method: 'dod-7', verify: 'none', checkpointInterval: '0' },
            acts: [{ at: 'checkpoint', nth: 40, do: 'interrupt' }],
          },
          env,
        );
        expect(first.code, first.stderr).toBe(130);
        const aborted = first.lines.at(-1) as { drives: Array<{ result: string; bytesWritten: number }> };
        expect(aborted.drives[0]?.result).toBe('ABORTED');
        // Stopped at a checkpoint in pass 2 or a little later (the signal travels while the job goes on).
        const stoppedAt = aborted.drives[0]?.bytesWritten ?? 0;
        expect(stoppedAt).toBeGreaterThan(size);
        expect(stoppedAt).toBeLessThan(7 * size);

        const final = runGomme(['erase', '--resume', ...common], env);
        expect(final.code, final.stderr).toBe(0);
        const result = final.lines.at(-1) as {
          drives: Array<{ result: string; bytesWritten: number; interruptions: Array<{ reason: string }> }>;
        };
        expect(result.drives[0]).toMatchObject({ result: 'ERASED', bytesWritten: 7 * size });
        expect(result.drives[0]?.interruptions.map((i) => i.reason)).toEqual(['operator-stopped']);
        const db = new BetterSqlite3(join(dataDir, 'journal.sqlite'), { readonly: true });
        const row = db.prepare('SELECT outcome_json FROM erase_jobs').get() as { outcome_json: string };
        db.close();
        const outcome = JSON.parse(row.outcome_json) as {
          bytesWrittenByPass: number[];
          bytesWrittenThisRun: number;
        };
        expect(outcome.bytesWrittenByPass).toEqual(Array(7).fill(size));
        expect(outcome.bytesWrittenThisRun).toBe(7 * size - stoppedAt);
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
