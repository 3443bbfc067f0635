import type { BlockDevice } from '../../erasure/io/block-device.js';
import { DeviceIoError } from '../../erasure/io/errors.js';

/**
 * An in-memory drive for engine unit tests (nwipe's dm-error idea): chosen byte ranges fail with EIO, or never
 * answer (a hung drive). Real-device behaviour is covered by the loop-device and FUSE integration tests.
 */
export class MemoryBlockDevice implements BlockDevice {
  readonly data: Buffer;
  readonly direct = true;
  readonly physicalSectorSize = 4096;
  writes = 0;
  closed = false;

  constructor(
    readonly path: string,
    readonly sizeBytes: number,
    readonly options: {
      failWrites?: Array<[number, number]>;
      failReads?: Array<[number, number]>;
      hangWritesFrom?: number;
      logicalSectorSize?: number;
      /**
       * Take the bytes from the caller's buffer late, as a real drive's DMA does while the write is in flight:
       * every other write waits 4 ms, so writes also complete out of order. A caller that reuses a buffer too
       * early then writes the wrong data.
       */
      lateCopy?: boolean;
    } = {},
  ) {
    this.data = Buffer.alloc(sizeBytes, 0x33);
  }

  get logicalSectorSize(): number {
    return this.options.logicalSectorSize ?? 512;
  }

  async write(buf: Buffer, offset: number): Promise<void> {
    this.writes++;
    if (this.options.hangWritesFrom !== undefined && offset + buf.length > this.options.hangWritesFrom) {
      return new Promise(() => {});
    }
    if (overlaps(this.options.failWrites, offset, buf.length)) {
      throw new DeviceIoError(this.path, 'write', offset, buf.length, 'EIO');
    }
    if (this.options.lateCopy) await new Promise((resolve) => setTimeout(resolve, this.writes % 2 ? 4 : 0));
    buf.copy(this.data, offset);
  }

  async read(buf: Buffer, offset: number): Promise<number> {
    if (overlaps(this.options.failReads, offset, buf.length)) {
      throw new DeviceIoError(this.path, 'read', offset, buf.length, 'EIO');
    }
    const n = Math.max(0, Math.min(buf.length, this.sizeBytes - offset));
    this.data.copy(buf, 0, offset, offset + n);
    return n;
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
  }

  /** What the "kernel" reports now: set `reportedSizeBytes` to simulate a drive resized during an erasure. */
  reportedSizeBytes: number | undefined;

  async readSizeBytes(): Promise<number> {
    return this.reportedSizeBytes ?? this.sizeBytes;
  }
}

function overlaps(ranges: Array<[number, number]> | undefined, offset: number, length: number): boolean {
  return (ranges ?? []).some(([start, end]) => offset < end && offset + length > start);
}
