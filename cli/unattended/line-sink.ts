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
  /** Lines kept for a file added later (holdForFile), so that file still holds the whole run. */
  private held: Buffer[] | null = null;
  /** stdout's reader went away (EPIPE): the other outputs still get every line. */
  private primaryGone = false;

  constructor(private readonly primary: NodeJS.WritableStream) {
    super();
  }

  /** O_NOCTTY: opening the serial port must not make it this process's controlling terminal. */
  addDevice(path: string): void {
    this.open(path, constants.O_WRONLY | constants.O_NOCTTY);
  }

  /**
   * The file's folder is not known yet (the boot's data partition is still being mounted): keep what is written
   * until the next addFile, which writes it there first.
   */
  holdForFile(): void {
    this.held = [];
  }

  addFile(path: string): void {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch {
      // reported by open below
    }
    const fd = this.open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND);
    const held = this.held ?? [];
    this.held = null;
    if (fd === null) return;
    try {
      for (const chunk of held) writeSync(fd, chunk);
    } catch (error) {
      this.failures.push({ path, message: (error as Error).message });
    }
  }

  private open(path: string, flags: number): number | null {
    try {
      const fd = openSync(path, flags, 0o600);
      this.fds.push(fd);
      return fd;
    } catch (error) {
      this.failures.push({ path, message: (error as Error).message });
      return null;
    }
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.held?.push(chunk);
    for (const fd of this.fds) {
      try {
        writeSync(fd, chunk);
      } catch {
        // A serial line that stops answering must not stop an erasure; stdout still gets everything.
      }
    }
    if (this.primaryGone) {
      callback();
      return;
    }
    this.primary.write(chunk, (error) => {
      // A reader that stops early (`gomme unattended | head`) must not end the run: an erasure goes on, and its
      // lines still reach the serial console and the log file.
      if ((error as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE') {
        this.primaryGone = true;
        callback();
      } else callback(error);
    });
  }

  close(): void {
    for (const fd of this.fds.splice(0)) closeSync(fd);
  }
}
