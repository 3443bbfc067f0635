/**
 * What an overwrite pass writes, as a pure function of the absolute byte offset on the drive: any chunk can be
 * regenerated on its own to verify it or to resume an interrupted pass, without replaying what came before.
 */
export interface PatternSource {
  /** Writes the pattern's bytes for [offset, offset + target.length) into target. */
  fill(target: Buffer, offset: number): void;
  /** fill() on another thread, when the source is costly enough to be worth it (random passes). */
  fillAsync?(target: Buffer, offset: number): Promise<void>;
  /**
   * Set for repeating patterns: fill(t, x) and fill(t, x + k × period) write the same bytes, so a buffer filled
   * once can be written again at any offset with the same x mod period without filling it again.
   */
  readonly period?: number;
}

export function checkPatternOffset(offset: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new RangeError(`pattern offset must be a non-negative integer, got ${offset}`);
  }
}
