import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../../core/events.js';
import { runOverwriteJob } from '../../../../erasure/engine/overwrite-job.js';
import type { PlannedPass } from '../../../../erasure/plan/resolve-passes.js';
import { MemoryBlockDevice } from '../../../helpers/memory-block-device.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const zeros: PlannedPass = { pattern: { type: 'constant', bytes: [0] }, verify: 'full' };

function run(
  device: MemoryBlockDevice,
  passes: PlannedPass[],
  extra: { stallMs?: number; signal?: AbortSignal; checkpointMs?: number } = {},
) {
  const events: JobEvent[] = [];
  const checkpoints: Array<[number, number]> = [];
  const outcome = runOverwriteJob(
    { jobId: 'j', device: device.path, passes, verifySeed: 's' },
    {
      openDevice: async () => device,
      emit: (e) => events.push(e),
      checkpoint: (pass, offset) => {
        checkpoints.push([pass, offset]);
      },
      signal: extra.signal,
      tuning: {
        chunkBytes: MiB,
        stallMs: extra.stallMs ?? 1000,
        checkpointMs: extra.checkpointMs ?? 0,
        retries: 3,
      },
    },
  );
  return { outcome, events, checkpoints };
}

describe('runOverwriteJob', () => {
  it('never refills a buffer a write is still reading: every pass of a mixed method verifies in full', async () => {
    // Single bytes (written from one shared slot), a 3-byte pattern whose phase moves with each 1 MiB chunk,
    // and random passes, back to back, on a drive that reads each buffer only a few ms after the call.
    const constant = (bytes: number[]): PlannedPass => ({
      pattern: { type: 'constant', bytes },
      verify: 'full',
    });
    const random = (key: string): PlannedPass => ({
      pattern: { type: 'prng', seed: { key: key.repeat(32), iv: '0'.repeat(32) } },
      verify: 'full',
    });
    const passes = [
      constant([0x55]),
      constant([0x92, 0x49, 0x24]),
      random('a'),
      constant([0xaa]),
      constant([0x55]),
      random('b'),
      constant([0x00]),
    ];
    const device = new MemoryBlockDevice('/dev/late', 7 * MiB + 64 * KiB, { lateCopy: true });
    // No checkpoint within a pass: a checkpoint waits for every write, which would hide the overlap.
    const result = await run(device, passes, { checkpointMs: 60_000 }).outcome;
    expect(result.errors).toEqual([]);
    expect(result.verification).toMatchObject({ passesVerified: 7, mismatchedBytes: 0, passed: true });
    expect(result.result).toBe('ERASED');
    expect(device.data.every((b) => b === 0)).toBe(true);
  });

  it('an unwritable range is retried, narrowed to 64 KiB, recorded with its offset; the rest is erased; FAILED', async () => {
    const device = new MemoryBlockDevice('/dev/mem0', 8 * MiB, {
      failWrites: [[3 * MiB + 100 * KiB, 3 * MiB + 101 * KiB]],
    });
    const { outcome, events } = run(device, [zeros]);
    const result = await outcome;
    expect(result.result).toBe('FAILED');
    expect(result.errors.filter((e) => e.operation === 'write')).toEqual([
      expect.objectContaining({ offset: 3 * MiB + 64 * KiB, length: 64 * KiB, code: 'EIO', pass: 1 }),
    ]);
    // Verification then finds the unwritten block too: it is not zero.
    expect(result.errors.some((e) => e.operation === 'verify' && e.offset === 3 * MiB + 64 * KiB)).toBe(true);
    expect(device.data.subarray(0, 3 * MiB).every((b) => b === 0)).toBe(true);
    expect(device.data.subarray(3 * MiB + 128 * KiB).every((b) => b === 0)).toBe(true);
    expect(events.filter((e) => e.type === 'io-error').length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ type: 'job-finished', result: 'FAILED' });
  });

  it('two failing writes in flight are narrowed side by side; the record still shows one range', async () => {
    const device = new MemoryBlockDevice('/dev/mem5', 8 * MiB, {
      failWrites: [[MiB, 3 * MiB]],
      lateCopy: true,
    });
    const result = await run(device, [{ ...zeros, verify: 'none' }]).outcome;
    expect(result.errors).toEqual([
      expect.objectContaining({ operation: 'write', offset: MiB, length: 2 * MiB, code: 'EIO' }),
    ]);
    expect(result.bytesWritten).toBe(6 * MiB);
  });

  it('an unreadable range during verification is recorded and fails the job (never "passed")', async () => {
    const device = new MemoryBlockDevice('/dev/mem1', 4 * MiB, { failReads: [[MiB, MiB + 512]] });
    const result = await run(device, [zeros]).outcome;
    expect(result.result).toBe('FAILED');
    expect(result.verification.passed).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ operation: 'read', offset: MiB, code: 'EIO' })]);
  });

  it('a hung drive ends ABORTED (resumable) with a STALLED error, without stalling a job beside it', async () => {
    const hung = new MemoryBlockDevice('/dev/hung', 4 * MiB, { hangWritesFrom: 2 * MiB });
    const healthy = new MemoryBlockDevice('/dev/ok', 4 * MiB);
    const hungRun = run(hung, [zeros], { stallMs: 200 });
    const [a, b] = await Promise.all([hungRun.outcome, run(healthy, [zeros]).outcome]);
    expect(a.result).toBe('ABORTED');
    expect(a.stalled).toBe(true);
    expect(a.errors).toEqual([expect.objectContaining({ operation: 'stall', code: 'STALLED', pass: 1 })]);
    // Its last resume point is the last one the drive confirmed; nothing after it is counted as a checkpoint.
    expect(a.reached).toEqual({ pass: 0, offset: hungRun.checkpoints.at(-1)?.[1] ?? 0 });
    expect(a.bytesWritten).toBe(2 * MiB);
    expect(hung.closed).toBe(false); // close() of a hung drive would never return
    expect(b.result).toBe('ERASED');
  });

  it('counts only the bytes the drive accepted, per pass and with the runs before a resume', async () => {
    const bad = new MemoryBlockDevice('/dev/bad', 8 * MiB, { failWrites: [[MiB, MiB + 512]] });
    const failed = await run(bad, [{ ...zeros, verify: 'none' }]).outcome;
    expect(failed.result).toBe('FAILED');
    expect(failed.bytesWritten).toBe(8 * MiB - 64 * KiB);

    const device = new MemoryBlockDevice('/dev/resumed', 8 * MiB);
    const two = [
      { ...zeros, verify: 'none' as const },
      { pattern: { type: 'constant' as const, bytes: [0xff] }, verify: 'none' as const },
    ];
    const resumed = await runOverwriteJob(
      {
        jobId: 'j',
        device: device.path,
        passes: two,
        verifySeed: 's',
        resumeFrom: { pass: 1, offset: 3 * MiB },
        carriedBytesByPass: [8 * MiB, 3 * MiB],
      },
      { openDevice: async () => device, emit: () => {}, checkpoint: () => {}, tuning: { chunkBytes: MiB } },
    );
    expect(resumed.bytesWrittenThisRun).toBe(5 * MiB);
    expect(resumed.bytesWrittenByPass).toEqual([8 * MiB, 8 * MiB]);
    expect(resumed.bytesWritten).toBe(16 * MiB);
    expect(resumed.reached).toEqual({ pass: 2, offset: 0 });
  });

  it('a drive whose size changes during a pass fails the job with SIZE_CHANGED', async () => {
    const device = new MemoryBlockDevice('/dev/grows', 8 * MiB);
    const events: JobEvent[] = [];
    const outcome = runOverwriteJob(
      { jobId: 'j', device: device.path, passes: [zeros, zeros], verifySeed: 's' },
      {
        openDevice: async () => device,
        emit: (e) => {
          events.push(e);
          // The drive grows while the first pass is written.
          if (e.type === 'pass-started') device.reportedSizeBytes = 12 * MiB;
        },
        checkpoint: () => {},
        tuning: { chunkBytes: MiB },
      },
    );
    const result = await outcome;
    expect(result.result).toBe('FAILED');
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'SIZE_CHANGED', pass: 1, offset: 8 * MiB, length: 4 * MiB }),
    ]);
    expect(result.passesCompleted).toBe(0);
    expect(events.some((e) => e.type === 'verify-started')).toBe(false);
  });

  it('a drive that opens with another size than planned is not written to', async () => {
    const device = new MemoryBlockDevice('/dev/other', 8 * MiB);
    const result = await runOverwriteJob(
      { jobId: 'j', device: device.path, passes: [zeros], verifySeed: 's', expectedSizeBytes: 16 * MiB },
      { openDevice: async () => device, emit: () => {}, checkpoint: () => {} },
    );
    expect(result.result).toBe('FAILED');
    expect(result.errors[0]).toMatchObject({ code: 'SIZE_CHANGED' });
    expect(device.writes).toBe(0);
    expect(device.closed).toBe(true);
  });

  it('stops at a checkpoint when aborted, result ABORTED, and resumes from it to the same end state', async () => {
    const device = new MemoryBlockDevice('/dev/mem2', 8 * MiB);
    const controller = new AbortController();
    const first = run(device, [zeros, { pattern: { type: 'constant', bytes: [0xff] }, verify: 'full' }], {
      signal: controller.signal,
    });
    controller.abort();
    const stopped = await first.outcome;
    expect(stopped.result).toBe('ABORTED');
    const [pass, offset] = first.checkpoints.at(-1) ?? [0, 0];
    expect(device.writes).toBe(0);
    const resumed = await runOverwriteJob(
      {
        jobId: 'j',
        device: device.path,
        passes: [zeros, { pattern: { type: 'constant', bytes: [0xff] }, verify: 'full' }],
        verifySeed: 's',
        resumeFrom: { pass, offset },
      },
      { openDevice: async () => device, emit: () => {}, checkpoint: () => {} },
    );
    expect(resumed.result).toBe('ERASED');
    expect(device.data.every((b) => b === 0xff)).toBe(true);
  });

  it('resuming mid-pass writes only from the checkpoint on', async () => {
    const device = new MemoryBlockDevice('/dev/mem3', 8 * MiB);
    const result = await runOverwriteJob(
      {
        jobId: 'j',
        device: device.path,
        passes: [{ ...zeros, verify: 'none' }],
        verifySeed: 's',
        resumeFrom: { pass: 0, offset: 6 * MiB },
      },
      { openDevice: async () => device, emit: () => {}, checkpoint: () => {}, tuning: { chunkBytes: MiB } },
    );
    expect(result.bytesWritten).toBe(2 * MiB);
    expect(device.data.subarray(0, 6 * MiB).every((b) => b === 0x33)).toBe(true);
    expect(device.data.subarray(6 * MiB).every((b) => b === 0)).toBe(true);
  });

  it('progress events are throttled at the source', async () => {
    const device = new MemoryBlockDevice('/dev/mem4', 64 * MiB);
    const { outcome, events } = run(device, [{ ...zeros, verify: 'none' }]);
    await outcome;
    const progress = events.filter((e) => e.type === 'progress');
    // 64 chunks written in well under a second: the 250 ms throttle lets only a few through.
    expect(progress.length).toBeLessThan(10);
    expect(progress.length).toBeGreaterThan(0);
  });
});
