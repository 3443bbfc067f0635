import { describe, expect, it } from 'vitest';
import { carriedBytes, reportedWritten } from '../../../../erasure/jobs/written-bytes.js';

const MiB = 1 << 20;
const SIZE = 512 * MiB;

describe('carriedBytes: what earlier runs of a job wrote', () => {
  it('a fresh job carries nothing', () => {
    expect(carriedBytes(3, SIZE, null, null)).toEqual([0, 0, 0]);
  });

  it('a job killed without an outcome (SIGKILL) carries what its checkpoints prove', () => {
    // 7 passes, killed during pass 4 (index 3) after the checkpoint at 100 MiB.
    expect(carriedBytes(7, SIZE, null, { pass: 3, offset: 100 * MiB })).toEqual([
      SIZE,
      SIZE,
      SIZE,
      100 * MiB,
      0,
      0,
      0,
    ]);
  });

  it('takes the saved outcome of a stopped or stalled run, then adds the runs killed after it', () => {
    // Run 1 stopped at (1, 64 MiB) having written pass 1 twice over its first 10 MiB (a stall rewritten).
    const previous = {
      bytesWrittenByPass: [SIZE + 10 * MiB, 64 * MiB, 0],
      reached: { pass: 1, offset: 64 * MiB },
    };
    // Run 2 was killed; its last checkpoint was (2, 32 MiB): run 3 starts there.
    expect(carriedBytes(3, SIZE, previous, { pass: 2, offset: 32 * MiB })).toEqual([
      SIZE + 10 * MiB,
      SIZE,
      32 * MiB,
    ]);
    // Resumed right where the saved run stopped: exactly its counts.
    expect(carriedBytes(3, SIZE, previous, { pass: 1, offset: 64 * MiB })).toEqual([
      SIZE + 10 * MiB,
      64 * MiB,
      0,
    ]);
  });

  it('ignores an outcome without per-pass counts (a journal from before they existed)', () => {
    expect(carriedBytes(2, SIZE, { reached: { pass: 1, offset: 0 } }, { pass: 1, offset: 8 * MiB })).toEqual([
      SIZE,
      8 * MiB,
    ]);
  });
});

describe('reportedWritten: the figure the result and the record show', () => {
  const figures = { bytesWritten: SIZE, passBytes: [SIZE] };
  it("takes the engine's count when its outcome is the latest word (a failed block is not counted)", () => {
    const outcome = {
      bytesWritten: SIZE - 65536,
      bytesWrittenByPass: [SIZE - 65536],
      reached: { pass: 1, offset: 0 },
    };
    expect(reportedWritten(figures, outcome, { pass: 1, offset: 0 })).toEqual({
      bytesWritten: SIZE - 65536,
      passBytes: [SIZE - 65536],
    });
  });

  it('falls back to the checkpoints when the outcome is older than them, or has no per-pass counts', () => {
    const stale = { bytesWritten: MiB, bytesWrittenByPass: [MiB], reached: { pass: 0, offset: MiB } };
    expect(reportedWritten(figures, stale, { pass: 1, offset: 0 })).toEqual(figures);
    expect(reportedWritten(figures, { bytesWritten: 0 }, { pass: 1, offset: 0 })).toEqual(figures);
    expect(reportedWritten(figures, null, { pass: 1, offset: 0 })).toEqual(figures);
  });
});
