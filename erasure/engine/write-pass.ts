import type { IoErrorRange } from '../../core/events.js';
import type { BlockDevice } from '../io/block-device.js';
import { DeviceSyncError } from '../io/errors.js';
import type { PatternSource } from '../patterns/pattern-source.js';
import { type ChunkIoOptions, writeChunk } from './chunk-writer.js';
import { ProgressMeter } from './progress-meter.js';
import type { SlotFiller } from './slot-filler.js';
import { withDeadline } from './with-deadline.js';

export interface WritePassContext {
  device: BlockDevice;
  source: PatternSource;
  filler: SlotFiller;
  /** queueDepth + 1: one slot per write in flight, plus the one being generated. */
  slotCount: number;
  chunkBytes: number;
  queueDepth: number;
  checkpointMs: number;
  progressMs: number;
  io: ChunkIoOptions;
  now: () => number;
  signal: AbortSignal | undefined;
  /** Persists the resume point; called only once the data before `offset` was flushed. */
  checkpoint(offset: number): Promise<void>;
  onProgress(meter: ProgressMeter, offset: number): void;
  /** Bytes the drive accepted, as each write returns (blocks that failed are not counted). */
  onWritten(bytes: number): void;
}

/**
 * Writes [from, size) with `queueDepth` writes in flight. The next chunk is generated (for random passes on a
 * libuv pool thread) while the writes run, so the main thread only hands finished chunks to the drive and a slow
 * generation of one drive never delays another drive's next write.
 */
export async function writePass(
  ctx: WritePassContext,
  from: number,
): Promise<{ offset: number; aborted: boolean }> {
  const { device, filler, slotCount } = ctx;
  const size = device.sizeBytes;
  const meter = new ProgressMeter(ctx.now, ctx.progressMs);
  const inflight: Promise<number>[] = [];
  const drain = () => Promise.all(inflight.splice(0));
  let lastCheckpoint = ctx.now();
  let offset = from;
  const prepare = (i: number, at: number) => {
    const filling = filler.generate(i % slotCount, ctx.source, at, Math.min(ctx.chunkBytes, size - at));
    filling.catch(() => {}); // a generation failure is rethrown when the chunk is awaited
    return filling;
  };
  let next = offset < size ? prepare(0, offset) : null;
  for (let i = 0; next !== null; i++) {
    if (ctx.signal?.aborted) {
      await next; // the pool thread may still be writing into the slot
      await drain();
      await flush(ctx, offset);
      await ctx.checkpoint(offset);
      return { offset, aborted: true };
    }
    const buf = await next;
    // The slot the next chunk goes into held chunk i + 1 - slotCount: its write must have returned.
    if (inflight.length >= ctx.queueDepth) await inflight.shift();
    const at = offset;
    const write = writeChunk(device, buf, at, ctx.io).then((failed) => {
      ctx.onWritten(buf.length - failed);
      return failed;
    });
    // A stall rejects while older writes are awaited; it is rethrown when its own turn comes.
    write.catch(() => {});
    inflight.push(write);
    offset += buf.length;
    next = offset < size ? prepare(i + 1, offset) : null;
    if (ctx.now() - lastCheckpoint >= ctx.checkpointMs) {
      await drain();
      await flush(ctx, offset);
      await ctx.checkpoint(offset);
      lastCheckpoint = ctx.now();
    }
    if (meter.update(offset)) ctx.onProgress(meter, offset);
  }
  await drain();
  await flush(ctx, offset);
  await ctx.checkpoint(offset);
  return { offset, aborted: false };
}

/** fdatasync with the stall deadline; a refused flush is recorded (the pass cannot be trusted), not thrown. */
export async function flush(ctx: Pick<WritePassContext, 'device' | 'io'>, offset: number): Promise<void> {
  try {
    await withDeadline(ctx.device.flush(), ctx.io.stallMs);
  } catch (error) {
    if (!(error instanceof DeviceSyncError)) throw error;
    const failure: IoErrorRange = {
      operation: 'sync',
      pass: ctx.io.pass,
      offset,
      length: 0,
      code: error.errnoCode,
      message: error.message,
    };
    ctx.io.onError(failure);
  }
}
