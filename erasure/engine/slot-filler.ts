import type { PatternSource } from '../patterns/pattern-source.js';

interface Held {
  source: PatternSource;
  phase: number;
  length: number;
}

/**
 * Fills the engine's write slots, skipping the fill when a slot already holds exactly the bytes asked for. A
 * constant pass writes the same 4 MiB from every slot again and again; filling it anew each time is a memset that
 * competes for memory bandwidth with the drive's own copy of the data (measured ~10-20 % on a tmpfs-backed loop
 * device). Random passes are generated every time.
 */
export class SlotFiller {
  private readonly held: (Held | null)[];

  constructor(private readonly slots: readonly Buffer[]) {
    this.held = slots.map(() => null);
  }

  /**
   * A buffer of `length` bytes holding `source`'s bytes for [offset, offset + length): the first bytes of slot
   * `index`, or, for a single-byte pattern, of whichever slot already holds it. `index` must be a slot no write
   * is still reading from (the engine's rotation guarantees it).
   */
  fill(index: number, source: PatternSource, offset: number, length: number): Buffer {
    const slot = this.slots[index];
    if (slot === undefined || length > slot.length) {
      throw new RangeError(`slot ${index} cannot hold ${length} bytes`);
    }
    const buf = slot.subarray(0, length);
    const period = source.period;
    if (period === undefined) {
      this.held[index] = null;
      source.fill(buf, offset);
      return buf;
    }
    const phase = offset % period;
    if (period === 1) {
      // A single repeated byte: every write of the pass can come from the one slot that holds it, so the bytes
      // the drive copies stay in the CPU cache (dd's single 4 MiB buffer has that advantage). Safe because a
      // slot is only ever refilled with a different pattern in another pass, after every write was awaited.
      const holder = this.held.findIndex((h) => h?.source === source && h.length >= length);
      if (holder >= 0) return (this.slots[holder] as Buffer).subarray(0, length);
    }
    const held = this.held[index];
    if (held?.source === source && held.phase === phase && held.length >= length) return buf;
    source.fill(buf, offset);
    this.held[index] = { source, phase, length };
    return buf;
  }

  /**
   * fill(), but a source that can generate off the main thread (AES-CTR) does so: the promise settles once the
   * slot holds the bytes. Constant patterns are filled (or found already filled) at once.
   */
  generate(index: number, source: PatternSource, offset: number, length: number): Promise<Buffer> {
    if (source.period !== undefined || source.fillAsync === undefined) {
      return Promise.resolve(this.fill(index, source, offset, length));
    }
    const slot = this.slots[index];
    if (slot === undefined || length > slot.length) {
      return Promise.reject(new RangeError(`slot ${index} cannot hold ${length} bytes`));
    }
    this.held[index] = null;
    const buf = slot.subarray(0, length);
    return source.fillAsync(buf, offset).then(() => buf);
  }

  /** The slots were used for something else (verification reads into them): fill from scratch next time. */
  forget(): void {
    this.held.fill(null);
  }
}
