import { describe, expect, it } from 'vitest';
import { SlotFiller } from '../../../../erasure/engine/slot-filler.js';
import { AesCtrStream, newSeed } from '../../../../erasure/patterns/aes-ctr-stream.js';
import { ConstantPattern } from '../../../../erasure/patterns/constant-pattern.js';
import type { PatternSource } from '../../../../erasure/patterns/pattern-source.js';

/** Counts the fills that reach the pattern. */
function counting<T extends PatternSource>(source: T): { source: T; calls: () => number } {
  let calls = 0;
  const fill = source.fill.bind(source);
  source.fill = (target, offset) => {
    calls++;
    fill(target, offset);
  };
  return { source, calls: () => calls };
}

function expected(source: PatternSource, offset: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  source.fill(out, offset);
  return out;
}

const slots = () => [Buffer.alloc(4096), Buffer.alloc(4096), Buffer.alloc(4096)];

describe('SlotFiller', () => {
  it('fills one slot with a single-byte pattern once and writes every chunk of the pass from it', () => {
    const { source, calls } = counting(new ConstantPattern([0x00]));
    const pool = slots();
    const filler = new SlotFiller(pool);
    for (let i = 0; i < 30; i++) {
      const buf = filler.fill(i % 3, source, i * 4096, i === 29 ? 1000 : 4096);
      expect(buf.every((b) => b === 0)).toBe(true);
      expect(buf.byteOffset).toBe(pool[0]?.byteOffset); // the first slot filled, whatever index was asked
      expect(buf.length).toBe(i === 29 ? 1000 : 4096);
    }
    expect(calls()).toBe(1);
  });

  it('refills when the phase of a multi-byte pattern changes, and the bytes always match the offset', () => {
    const gutmann = new ConstantPattern([0x92, 0x49, 0x24]);
    const { source, calls } = counting(new ConstantPattern([0x92, 0x49, 0x24]));
    const pool = slots();
    const multi = new SlotFiller(pool);
    for (let i = 0; i < 6; i++) {
      // Never served from another slot: that one may still be read by a write in flight.
      expect(multi.fill(i % 3, source, i * 4096, 4096).byteOffset).toBe(pool[i % 3]?.byteOffset);
    }
    const filler = new SlotFiller(slots());
    const before = calls();
    // 4096 mod 3 = 1: consecutive chunks in one slot change phase, so each one is filled again.
    for (let i = 0; i < 9; i++) {
      const buf = filler.fill(0, source, i * 4096, 4096);
      expect(buf.equals(expected(gutmann, i * 4096, 4096)), `chunk ${i}`).toBe(true);
    }
    expect(calls() - before).toBe(9);
    // The slot now holds the phase of chunk 8 (8 × 4096 mod 3 = 2): any offset in that phase reuses it.
    const again = filler.fill(0, source, 2 + 3 * 1000, 4096);
    expect(calls() - before).toBe(9);
    expect(again.equals(expected(gutmann, 2 + 3 * 1000, 4096))).toBe(true);
  });

  it('refills for a different pattern, a longer length, and after forget()', () => {
    const zeros = counting(new ConstantPattern([0x00]));
    const ones = counting(new ConstantPattern([0xff]));
    const filler = new SlotFiller(slots());
    filler.fill(1, zeros.source, 0, 1024);
    expect(filler.fill(1, zeros.source, 0, 4096).every((b) => b === 0)).toBe(true); // longer: refilled
    expect(zeros.calls()).toBe(2);
    expect(filler.fill(1, ones.source, 0, 4096).every((b) => b === 0xff)).toBe(true);
    expect(filler.fill(1, zeros.source, 0, 4096).every((b) => b === 0)).toBe(true);
    expect(zeros.calls()).toBe(3);
    filler.forget();
    filler.fill(1, zeros.source, 0, 4096);
    expect(zeros.calls()).toBe(4);
  });

  it('generates a random stream every time, at its own offset', () => {
    const seed = newSeed();
    const reference = new AesCtrStream(seed);
    const { source, calls } = counting(new AesCtrStream(seed));
    const filler = new SlotFiller(slots());
    for (let i = 0; i < 6; i++) {
      expect(filler.fill(i % 3, source, i * 4096, 4096).equals(expected(reference, i * 4096, 4096))).toBe(
        true,
      );
    }
    expect(calls()).toBe(6);
  });

  it('refuses a length larger than the slot', () => {
    expect(() => new SlotFiller(slots()).fill(0, new ConstantPattern([0]), 0, 8192)).toThrow(RangeError);
  });
});
