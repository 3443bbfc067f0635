import { checkPatternOffset, type PatternSource } from './pattern-source.js';

/**
 * A fixed byte or a repeating multi-byte pattern (Gutmann's 92 49 24…). The phase follows the absolute offset:
 * byte X of the drive is always pattern[X mod n], so a chunk regenerated at any offset matches what was written.
 */
export class ConstantPattern implements PatternSource {
  private readonly bytes: Buffer;

  constructor(bytes: readonly number[] | Uint8Array) {
    if (bytes.length === 0 || !Array.from(bytes).every((b) => Number.isInteger(b) && b >= 0 && b <= 0xff)) {
      throw new RangeError(
        `a constant pattern needs one or more bytes in 0..255, got [${Array.from(bytes)}]`,
      );
    }
    this.bytes = Buffer.from(bytes);
  }

  /** A constant pattern repeats every n bytes (1 for a single byte). */
  get period(): number {
    return this.bytes.length;
  }

  /** The pattern's bytes, e.g. for the job record. */
  get pattern(): Buffer {
    return Buffer.from(this.bytes);
  }

  fill(target: Buffer, offset: number): void {
    checkPatternOffset(offset);
    const phase = offset % this.bytes.length;
    // Buffer.fill repeats its value natively; rotate the pattern so target[0] gets pattern[offset mod n].
    const rotated =
      phase === 0 ? this.bytes : Buffer.concat([this.bytes.subarray(phase), this.bytes.subarray(0, phase)]);
    target.fill(rotated);
  }
}

export function constantPattern(bytes: readonly number[] | Uint8Array): ConstantPattern {
  return new ConstantPattern(bytes);
}

export const zeroPattern = (): ConstantPattern => new ConstantPattern([0x00]);
export const onesPattern = (): ConstantPattern => new ConstantPattern([0xff]);
