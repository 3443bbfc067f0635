import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../../core/events.js';
import { runOverwriteJob } from '../../../../erasure/engine/overwrite-job.js';
import { openBlockDevice } from '../../../../erasure/io/block-device.js';
import { findMethod, METHODS } from '../../../../erasure/methods.js';
import { cryptoRandomness, patternSource, resolvePasses } from '../../../../erasure/plan/resolve-passes.js';
import { withLoopDevice } from '../../../helpers/loop-device.js';

const isRoot = process.getuid?.() === 0;
const MiB = 1024 * 1024;
const BLOCK = 4096;

/** Every 4 KiB block is unique ("donor data"), so a surviving block can be found by its hash. */
function donorData(offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  for (let at = 0; at < length; at += BLOCK) {
    buf.write(`DONOR-BLOCK-${(offset + at) / BLOCK}-`.padEnd(BLOCK, 'x'), at, 'latin1');
  }
  return buf;
}

function blockHashes(data: Buffer): Set<string> {
  const hashes = new Set<string>();
  for (let at = 0; at < data.length; at += BLOCK) {
    hashes.add(
      createHash('sha256')
        .update(data.subarray(at, at + BLOCK))
        .digest('hex'),
    );
  }
  return hashes;
}

describe.skipIf(!isRoot)('overwrite methods on loop devices', () => {
  it.each(METHODS.map((m) => m.id))(
    '%s leaves exactly its last pattern, no original block, and verifies',
    async (id) => {
      const method = findMethod(id);
      if (!method) throw new Error(id);
      const size = id === 'gutmann' ? 4 * MiB : 12 * MiB;
      await withLoopDevice(size, { fill: donorData }, async (loop) => {
        const original = blockHashes(readFileSync(loop.backingFile));
        const passes = resolvePasses(method, 'last', cryptoRandomness);
        const events: JobEvent[] = [];
        const outcome = await runOverwriteJob(
          { jobId: 'test', device: loop.path, passes, verifySeed: 'seed' },
          {
            openDevice: (path) => openBlockDevice(path, { write: true }),
            emit: (e) => events.push(e),
            checkpoint: () => {},
            tuning: { chunkBytes: MiB },
          },
        );
        expect(outcome.result).toBe('ERASED');
        expect(outcome.errors).toEqual([]);
        expect(outcome.passesCompleted).toBe(method.passes.length);
        expect(outcome.verification).toMatchObject({ passed: true, coverage: 1 });
        const onDisk = readFileSync(loop.backingFile);
        const expected = Buffer.alloc(size);
        patternSource((passes[passes.length - 1] as (typeof passes)[number]).pattern).fill(expected, 0);
        expect(onDisk.equals(expected)).toBe(true);
        const survivors = [...blockHashes(onDisk)].filter((h) => original.has(h));
        expect(survivors).toEqual([]);
        expect(events.filter((e) => e.type === 'pass-finished')).toHaveLength(method.passes.length);
        expect(events.at(-1)).toMatchObject({ type: 'job-finished', result: 'ERASED' });
      });
    },
  );

  it('sample verification reads the NIST sample (at least 10 %), not the whole drive', async () => {
    await withLoopDevice(64 * MiB, { fill: donorData }, async (loop) => {
      const passes = resolvePasses(findMethod('zero')!, 'sample', cryptoRandomness);
      const deps = {
        openDevice: (path: string) => openBlockDevice(path, { write: true }),
        emit: () => {},
        checkpoint: () => {},
      };
      const outcome = await runOverwriteJob(
        { jobId: 'sample', device: loop.path, passes, verifySeed: 's' },
        deps,
      );
      expect(outcome.result).toBe('ERASED');
      expect(outcome.verification.mode).toBe('sample');
      expect(outcome.verification.coverage).toBeGreaterThanOrEqual(0.1);
      expect(outcome.verification.coverage).toBeLessThan(0.5);
      // Whole-device check that the sample did not hide anything.
      expect(readFileSync(loop.backingFile).equals(Buffer.alloc(64 * MiB))).toBe(true);
    });
  });
});
