import type { BlockDevice } from '../io/block-device.js';
import type { PatternSource } from '../patterns/pattern-source.js';
import { type ByteRange, mergeRanges, nistSamplePlan } from '../verify/sample-plan.js';
import { type ChunkIoOptions, readChunk } from './chunk-writer.js';
import type { VerificationSummary } from './job-outcome.js';
import { ProgressMeter } from './progress-meter.js';

export interface VerifyContext {
  io: ChunkIoOptions;
  expected: Buffer;
  slots: Buffer[];
  chunkBytes: number;
  onStart(total: number): void;
  onProgress(done: number, total: number, meter: ProgressMeter): void;
  now: () => number;
  progressMs: number;
  signal: AbortSignal | undefined;
}

export interface VerifyOutcome {
  bytesRead: number;
  mismatchedBytes: number;
  readErrors: number;
  aborted: boolean;
}

/**
 * Reads the ranges back with O_DIRECT (the medium, not the page cache) and compares them with the regenerated
 * pattern. Mismatches are recorded per contiguous run of differing sectors.
 */
export async function verifyRanges(
  device: BlockDevice,
  source: PatternSource,
  ranges: readonly ByteRange[],
  ctx: VerifyContext,
): Promise<VerifyOutcome> {
  const total = ranges.reduce((sum, r) => sum + r.length, 0);
  ctx.onStart(total);
  const meter = new ProgressMeter(ctx.now, ctx.progressMs);
  let bytesRead = 0;
  let mismatchedBytes = 0;
  let readErrors = 0;
  const sector = device.logicalSectorSize;
  for (const range of ranges) {
    for (let at = range.offset; at < range.offset + range.length; at += ctx.chunkBytes) {
      if (ctx.signal?.aborted) return { bytesRead, mismatchedBytes, readErrors, aborted: true };
      const length = Math.min(ctx.chunkBytes, range.offset + range.length - at);
      const actual = (ctx.slots[0] as Buffer).subarray(0, length);
      const reading = readChunk(device, actual, at, ctx.io);
      // A stall rejects `reading` while the fill is awaited: it is rethrown below, not left unhandled.
      reading.catch(() => {});
      const expected = ctx.expected.subarray(0, length);
      // Regenerated off the main thread when the source allows, while the read runs.
      await (source.fillAsync ? source.fillAsync(expected, at) : source.fill(expected, at));
      if (!(await reading)) {
        readErrors++;
        continue;
      }
      bytesRead += length;
      if (!actual.equals(expected)) {
        for (const bad of differingRuns(actual, expected, sector)) {
          mismatchedBytes += bad.length;
          ctx.io.onError({
            operation: 'verify',
            pass: ctx.io.pass,
            offset: at + bad.offset,
            length: bad.length,
            code: 'MISMATCH',
            message: `data on the medium differs from the pass pattern at byte ${at + bad.offset}`,
          });
        }
      }
      if (meter.update(bytesRead)) ctx.onProgress(bytesRead, total, meter);
    }
  }
  return { bytesRead, mismatchedBytes, readErrors, aborted: false };
}

function differingRuns(actual: Buffer, expected: Buffer, sector: number): ByteRange[] {
  const runs: ByteRange[] = [];
  for (let at = 0; at < actual.length; at += sector) {
    const end = Math.min(at + sector, actual.length);
    if (actual.compare(expected, at, end, at, end) !== 0) runs.push({ offset: at, length: end - at });
  }
  return mergeRanges(runs);
}

/** What a pass's verification reads: the whole drive, or the NIST sample positions for `seed`. */
export function rangesToVerify(device: BlockDevice, mode: 'full' | 'sample', seed: string): ByteRange[] {
  if (mode === 'full') return [{ offset: 0, length: device.sizeBytes }];
  return nistSamplePlan(device.sizeBytes, samplingUnit(device), seed).ranges;
}

/** Adds one pass's verification to the job's summary; returns whether that pass passed. */
export function addToSummary(
  summary: VerificationSummary,
  outcome: VerifyOutcome,
  sizeBytes: number,
): boolean {
  summary.passesVerified++;
  summary.bytesRead += outcome.bytesRead;
  summary.mismatchedBytes += outcome.mismatchedBytes;
  summary.coverage = outcome.bytesRead / sizeBytes;
  const passed = outcome.mismatchedBytes === 0 && outcome.readErrors === 0 && !outcome.aborted;
  summary.passed = (summary.passed ?? true) && passed;
  return passed;
}

/** Sampling positions are page-aligned when the device allows, so O_DIRECT reads of any sector size work. */
function samplingUnit(device: BlockDevice): number {
  return device.sizeBytes % 4096 === 0 ? Math.max(4096, device.logicalSectorSize) : device.logicalSectorSize;
}
