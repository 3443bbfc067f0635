import { closeSync, constants, openSync } from 'node:fs';

/**
 * After a kill -9 of a gomme command: its engine (a child process per drive) exits when it sees its parent gone,
 * but a write already handed to the kernel may still land meanwhile. Waits until nobody holds the device
 * exclusively any more (the engine's claim), so what a test reads or starts next sees the final state. Throws
 * when it stays held: an engine that outlives its command would be a bug.
 */
export function waitUntilReleased(device: string, timeoutMs = 15_000): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      closeSync(openSync(device, constants.O_RDONLY | constants.O_EXCL));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EBUSY' || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}
