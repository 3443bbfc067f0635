/**
 * Reads sample ranges (O_DIRECT, aligned buffers) and keeps, per range, a SHA-256 and the periodic pattern it
 * holds, if any. Taken before a firmware purge and again after it, so the drive's word is never the evidence.
 * Patterns are found for periods of 1–512 bytes (zeros, ones, vendor fills such as Seagate's 33 CC 55 AA):
 * 512 divides every sector size, so a device-wide fill has the same phase at every sector-aligned range.
 */
import { createHash } from 'node:crypto';
import type { IoErrorRange } from '../../core/events.js';
import { allocAligned } from '../io/aligned-buffer.js';
import type { BlockDevice } from '../io/block-device.js';
import { DeviceIoError } from '../io/errors.js';
import type { ByteRange } from '../verify/sample-plan.js';

export interface SampleDigest {
  offset: number;
  length: number;
  /** null when the range could not be read. */
  sha256: string | null;
  /** Hex of the shortest repeating unit (e.g. "00", "33cc55aa"), or null when the data is not periodic. */
  pattern: string | null;
}

const CHUNK_BYTES = 1 << 20;
const MAX_PERIOD = 512;

export async function digestRanges(
  device: BlockDevice,
  ranges: readonly ByteRange[],
  errors: IoErrorRange[],
): Promise<SampleDigest[]> {
  const buffer = allocAligned(CHUNK_BYTES);
  const out: SampleDigest[] = [];
  for (const range of ranges) {
    try {
      out.push(await digestRange(device, range, buffer));
    } catch (error) {
      if (!(error instanceof DeviceIoError)) throw error;
      errors.push({
        operation: 'verify',
        pass: null,
        offset: error.offset,
        length: error.length,
        code: error.errnoCode,
        message: error.message,
      });
      out.push({ offset: range.offset, length: range.length, sha256: null, pattern: null });
    }
  }
  return out;
}

async function digestRange(device: BlockDevice, range: ByteRange, buffer: Buffer): Promise<SampleDigest> {
  const hash = createHash('sha256');
  let unit: Buffer | null = null;
  let periodic = true;
  for (let done = 0; done < range.length; ) {
    const chunk = buffer.subarray(0, Math.min(CHUNK_BYTES, range.length - done));
    const got = await device.read(chunk, range.offset + done);
    if (got === 0) break;
    const data = chunk.subarray(0, got);
    hash.update(data);
    if (periodic && unit === null) {
      // A sample no longer than its period is not evidence of a fill: it counts as not periodic.
      const period = shortestPeriod(data);
      if (period === null) periodic = false;
      else unit = Buffer.from(data.subarray(0, period));
    }
    if (periodic && unit !== null) periodic = isPeriodicWith(data, unit);
    done += got;
  }
  return {
    offset: range.offset,
    length: range.length,
    sha256: hash.digest('hex'),
    pattern: periodic && unit !== null ? unit.toString('hex') : null,
  };
}

/** Smallest power-of-two period ≤ 512 the whole buffer repeats with, or null. */
export function shortestPeriod(data: Buffer): number | null {
  for (let p = 1; p <= MAX_PERIOD && p < data.length; p *= 2) {
    if (data.subarray(p).equals(data.subarray(0, data.length - p))) return p;
  }
  return null;
}

/** `data` starts with `unit` and repeats it throughout (chunks start at multiples of the period). */
function isPeriodicWith(data: Buffer, unit: Buffer): boolean {
  const p = unit.length;
  if (data.length < p) return data.equals(unit.subarray(0, data.length));
  return data.subarray(0, p).equals(unit) && data.subarray(p).equals(data.subarray(0, data.length - p));
}
