import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type BlockDevice, openBlockDevice } from '../../../../erasure/io/block-device.js';
import type { PurgeResultKind } from '../../../../erasure/purge/engine.js';
import { snapshotBeforePurge, verifyPurge } from '../../../../erasure/purge/verify-purge.js';
import { createLoopDevice, type LoopDevice } from '../../../helpers/loop-device.js';

const SIZE = 64 << 20;
const CHUNK = 4 << 20;

/** The "drive's purge", done behind the device's back on its backing file. */
function fillBacking(loop: LoopDevice, fill: (offset: number, length: number) => Buffer): void {
  const fd = openSync(loop.backingFile, 'r+');
  try {
    for (let offset = 0; offset < SIZE; offset += CHUNK) writeSync(fd, fill(offset, CHUNK), 0, CHUNK, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const repeat = (bytes: number[]) => (_: number, length: number) => {
  const unit = Buffer.from(bytes);
  return Buffer.alloc(length, unit);
};

describe.skipIf(process.getuid?.() !== 0)('verifyPurge on a loop device (before/after samples)', () => {
  const loops: LoopDevice[] = [];
  afterEach(() => {
    for (const loop of loops.splice(0)) loop.detach();
  });

  async function scenario(
    initial: ((offset: number, length: number) => Buffer) | undefined,
    purge: ((offset: number, length: number) => Buffer) | null,
    expect: PurgeResultKind,
  ) {
    const loop = createLoopDevice(SIZE, initial ? { fill: initial } : {});
    loops.push(loop);
    let device: BlockDevice = await openBlockDevice(loop.path, { write: false });
    const before = await snapshotBeforePurge(device, { seed: 'test-seed' }).finally(() => device.close());
    if (purge) fillBacking(loop, purge);
    device = await openBlockDevice(loop.path, { write: false });
    try {
      return {
        before,
        result: await verifyPurge(device, before, expect, { status: 'succeeded', completion: 'transition' }),
      };
    } finally {
      await device.close();
    }
  }

  it('real NIST sampling: ≥ 2000 samples, ≥ 10 % coverage, first and last sector included', async () => {
    const { before } = await scenario((_, n) => randomBytes(n), null, 'changed');
    expect(before.samples.length).toBeGreaterThan(1000);
    expect(before.coverage).toBeGreaterThanOrEqual(0.1);
    expect(before.samples[0]?.offset).toBe(0);
    expect(before.samples.at(-1)!.offset + before.samples.at(-1)!.length).toBe(SIZE);
  });

  it('a purge that did nothing fails, whatever the technique', async () => {
    for (const kind of ['pattern', 'changed'] as const) {
      const { result } = await scenario((_, n) => randomBytes(n), null, kind);
      expect(result.passed).toBe(false);
      expect(result, kind).toMatchObject({
        unchanged: result.samples,
        alreadyErased: 0,
        unreadable: 0,
        patternMismatches: 0,
        pattern: null,
      });
      expect(result.failures[0]).toMatch(/still hold exactly the data/);
    }
  });

  it('a purge that zeroed the drive passes block erase, with pattern "00"', async () => {
    const { result } = await scenario((_, n) => randomBytes(n), repeat([0]), 'pattern');
    expect(result).toMatchObject({ passed: true, pattern: '00', unchanged: 0, patternMismatches: 0 });
    expect(result.bytesRead).toBeGreaterThan(SIZE / 10);
  });

  it('a vendor pattern (Seagate 33 CC 55 AA) passes block erase', async () => {
    const { result } = await scenario((_, n) => randomBytes(n), repeat([0x33, 0xcc, 0x55, 0xaa]), 'pattern');
    expect(result).toMatchObject({ passed: true, pattern: '33cc55aa' });
  });

  it('new random data passes crypto erase but fails block erase', async () => {
    const crypto = await scenario(
      (_, n) => randomBytes(n),
      (_, n) => randomBytes(n),
      'changed',
    );
    expect(crypto.result.passed).toBe(true);
    const block = await scenario(
      (_, n) => randomBytes(n),
      (_, n) => randomBytes(n),
      'pattern',
    );
    expect(block.result.passed).toBe(false);
    expect(block.result.patternMismatches).toBeGreaterThan(0);
  });

  it('a drive that was blank before and after passes with a note (nothing to prove)', async () => {
    const { result } = await scenario(undefined, repeat([0]), 'pattern');
    expect(result.passed).toBe(true);
    expect(result.alreadyErased).toBe(result.samples);
    expect(result.notes.join()).toMatch(/blank before the purge/);
  });

  it('half purged: the untouched half is caught', async () => {
    const { result } = await scenario(
      (_, n) => randomBytes(n),
      (offset, n) => (offset < SIZE / 2 ? Buffer.alloc(n) : randomBytes(n)),
      'pattern',
    );
    expect(result.passed).toBe(false);
    expect(result.patternMismatches).toBeGreaterThan(100);
  });
});
