import { closeSync, constants, openSync } from 'node:fs';

/**
 * Waits until nobody holds the device exclusively any more (an O_EXCL open succeeds). After a kill -9 of a gomme
 * command, its engine (a child process per drive) exits when it sees its parent gone, but a write already handed
 * to the kernel may still land meanwhile; an engine abandoned on a hung drive lets go once that drive answers.
 * What a test reads or starts next then sees the final state. Throws when the device stays held: an engine that
 * outlives its command would be a bug.
 */
export async function waitUntilFree(device: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      closeSync(openSync(device, constants.O_RDONLY | constants.O_EXCL));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EBUSY') throw error;
      if (Date.now() > deadline) throw new Error(`${device} is still held ${timeoutMs} ms later`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
