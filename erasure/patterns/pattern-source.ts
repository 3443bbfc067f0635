/**
 * What an overwrite pass writes, as a pure function of the absolute byte offset on the drive: any chunk can be
 * regenerated on its own to verify it or to resume an interrupted pass, without replaying what came before.
 */
export interface PatternSource {
  /** Writes the pattern's bytes for [offset, offset + target.length) into target. */
  fill(target: Buffer, offset: number): void;
}

export function checkPatternOffset(offset: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new RangeError(`pattern offset must be a non-negative integer, got ${offset}`);
  }
}
