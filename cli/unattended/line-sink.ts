import { closeSync, constants, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';

/**
 * Copies everything written to stdout onto extra outputs (the serial console, a results file on the data
 * partition). Synchronous writes keep each NDJSON line whole and in order on every output. An output that
 * cannot be opened (no serial port on this PC) is reported once and skipped: the run must not depend on it.
 */
export class TeeSink extends Writable {
  private readonly fds: number[] = [];
  readonly failures: Array<{ path: string; message: string }> = [];

  constructor(private readonly primary: NodeJS.WritableStream) {
    super();
  }

  /** O_NOCTTY: opening the serial port must not make it this process's controlling terminal. */
  addDevice(path: string): void {
    this.open(path, constants.O_WRONLY | constants.O_NOCTTY);
  }

  addFile(path: string): void {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch {
      // reported by open below
    }
    this.open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND);
  }

  private open(path: string, flags: number): void {
    try {
      this.fds.push(openSync(path, flags, 0o600));
    } catch (error) {
      this.failures.push({ path, message: (error as Error).message });
    }
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    for (const fd of this.fds) {
      try {
        writeSync(fd, chunk);
      } catch {
        // A serial line that stops answering must not stop an erasure; stdout still gets everything.
      }
    }
    this.primary.write(chunk, callback);
  }

  close(): void {
    for (const fd of this.fds.splice(0)) closeSync(fd);
  }
}
