/**
 * Entry point of the engine process (forked by engine-client.ts). It does every system call that can block on a
 * drive, so that a drive hung in the kernel (a thread in uninterruptible sleep) holds only this process: the
 * command can abandon it and end, and it dies by itself when the drive answers again.
 */
import { openBlockDevice } from '../io/block-device.js';
import { EngineHost } from './engine-host.js';
import type { FromEngine, ToEngine } from './engine-protocol.js';

const send = (message: FromEngine) => {
  // After a disconnect there is nobody to tell; the process is on its way out.
  if (process.connected) process.send?.(message);
};

const host = new EngineHost({
  send,
  open: (target) =>
    target.hold
      ? openBlockDevice(target.path, { write: true })
      : openBlockDevice(target.path, { write: false, exclusive: true }),
  exit: () => process.exit(0),
});

// Ctrl-C reaches the whole process group: the command decides (it asks every job to stop at a checkpoint).
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
// The command is gone (killed, crashed): stop writing and let go of the drives.
process.on('disconnect', () => process.exit(1));
process.on('message', (message: ToEngine) => {
  host.handle(message).catch((error: unknown) => {
    process.stderr.write(`gomme engine: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
});
send({ type: 'ready', pid: process.pid });
