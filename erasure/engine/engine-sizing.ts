/**
 * How big the engine process is made for a run: its libuv pool and each drive's write buffers.
 *
 * The pool (UV_THREADPOOL_SIZE, read once when the process starts): Node's default of 4 threads is what let two
 * hung drives stop six healthy ones, since each hung write keeps its thread in the kernel and with two writes in
 * flight per drive, two hung drives took all four. Per drive, at most: `queueDepth` writes, one chunk being
 * generated (random passes), and one other call (open, fdatasync, close, a read while verifying, the size
 * re-read). A drive stuck in the kernel holds only its own share, so the others always find a thread. The margin
 * covers the engine's own file reads.
 */
export const POOL_MARGIN = 4;
/** libuv's ceiling (UV_THREADPOOL_SIZE above it is clamped): 1020 / 4 = 255 drives at depth 2. */
export const POOL_MAX = 1024;

export function threadPoolSize(drives: number, queueDepth: number): number {
  const perDrive = queueDepth + 2;
  return Math.min(POOL_MAX, Math.max(1, drives) * perDrive + POOL_MARGIN);
}

/**
 * Write buffers of all drives together stay within this: each drive has queueDepth + 1 chunk-sized slots, all
 * resident during a random pass. Up to four drives get 4 MiB chunks (what one drive needs to stream at full
 * speed); more drives share the budget in smaller chunks (at least 1 MiB), which keeps an 8-drive run of the
 * command and its engine under 200 MiB (bench §4). Several drives at once are bound by the CPU and the bus, not
 * by the chunk size.
 */
export const SLOT_BUDGET_BYTES = 48 << 20;
const MAX_CHUNK = 4 << 20;
const MIN_CHUNK = 1 << 20;

export function chunkBytesFor(drives: number, queueDepth: number): number {
  let chunk = MAX_CHUNK;
  while (chunk > MIN_CHUNK && Math.max(1, drives) * (queueDepth + 1) * chunk > SLOT_BUDGET_BYTES) chunk /= 2;
  return chunk;
}
