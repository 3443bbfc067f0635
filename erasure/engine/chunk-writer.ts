import type { IoErrorRange } from '../../core/events.js';
import type { BlockDevice } from '../io/block-device.js';
import { DeviceIoError } from '../io/errors.js';
import { withDeadline } from './with-deadline.js';

/** Granularity at which a failing chunk is narrowed down, so one bad sector does not cost 4 MiB of the record. */
export const NARROW_BYTES = 64 * 1024;

export interface ChunkIoOptions {
  retries: number;
  stallMs: number;
  pass: number | null;
  onError(error: IoErrorRange): void;
}

/**
 * Writes a chunk, retrying; if it still fails, writes it again in NARROW_BYTES blocks and records only the blocks
 * that fail. Never throws for an I/O error (it is recorded); a stalled drive throws StalledError.
 */
export async function writeChunk(device: BlockDevice, buf: Buffer, offset: number, options: ChunkIoOptions) {
  const whole = await attempt(() => device.write(buf, offset), options);
  if (whole === null) return 0;
  if (buf.length <= NARROW_BYTES) return record(buf.length, offset, 'write', options, whole);
  let failed = 0;
  for (let at = 0; at < buf.length; at += NARROW_BYTES) {
    const part = buf.subarray(at, Math.min(at + NARROW_BYTES, buf.length));
    const error = await attempt(() => device.write(part, offset + at), options);
    if (error) failed += record(part.length, offset + at, 'write', options, error);
  }
  return failed;
}

/** Reads into `buf`, retrying; on failure records the range and returns false (the caller skips the compare). */
export async function readChunk(device: BlockDevice, buf: Buffer, offset: number, options: ChunkIoOptions) {
  const error = await attempt(async () => {
    const n = await device.read(buf, offset);
    if (n !== buf.length)
      throw new DeviceIoError(device.path, 'read', offset + n, buf.length - n, 'SHORT_READ');
  }, options);
  if (error) record(buf.length, offset, 'read', options, error);
  return error === null;
}

async function attempt(io: () => Promise<void>, options: ChunkIoOptions): Promise<DeviceIoError | null> {
  let last: DeviceIoError | null = null;
  for (let tries = 0; tries <= options.retries; tries++) {
    try {
      await withDeadline(io(), options.stallMs);
      return null;
    } catch (error) {
      if (!(error instanceof DeviceIoError)) throw error;
      last = error;
    }
  }
  return last;
}

function record(
  length: number,
  offset: number,
  operation: 'write' | 'read',
  options: ChunkIoOptions,
  error: DeviceIoError,
): number {
  options.onError({
    operation,
    pass: options.pass,
    offset,
    length,
    code: error.errnoCode,
    message: error.message,
  });
  return length;
}
