import { describe, expect, it } from 'vitest';
import {
  type ConstantPattern,
  constantPattern,
  onesPattern,
  zeroPattern,
} from '../../../../erasure/patterns/constant-pattern.js';

function generate(pattern: ConstantPattern, offset: number, length: number): Buffer {
  const out = Buffer.alloc(length, 0x5c); // not a pattern byte: unfilled bytes would show
  pattern.fill(out, offset);
  return out;
}

describe('ConstantPattern', () => {
  it('fills single bytes', () => {
    expect(generate(zeroPattern(), 7, 4096).every((b) => b === 0x00)).toBe(true);
    expect(generate(onesPattern(), 0, 4097).every((b) => b === 0xff)).toBe(true);
  });

  it('keeps a multi-byte pattern in phase with the absolute offset', () => {
    const bytes = [0x92, 0x49, 0x24];
    const pattern = constantPattern(bytes);
    for (const offset of [0, 1, 2, 3, 4096, 1_000_001, 2 ** 40 + 2]) {
      const out = generate(pattern, offset, 1000);
      out.forEach((b, i) => {
        if (b !== bytes[(offset + i) % 3]) throw new Error(`offset ${offset} byte ${i}: ${b}`);
      });
    }
  });

  it('two adjacent chunks equal one long chunk', () => {
    const pattern = constantPattern([0x6d, 0xb6, 0xdb, 0x01, 0x02]);
    const whole = generate(pattern, 1_000, 10_000);
    const split = Buffer.concat([generate(pattern, 1_000, 4_321), generate(pattern, 5_321, 5_679)]);
    expect(split.equals(whole)).toBe(true);
  });

  it('refuses empty patterns and values outside a byte', () => {
    expect(() => constantPattern([])).toThrow(RangeError);
    expect(() => constantPattern([256])).toThrow(RangeError);
    expect(() => constantPattern([1.5])).toThrow(RangeError);
    expect(() => zeroPattern().fill(Buffer.alloc(1), -1)).toThrow(RangeError);
  });
});
