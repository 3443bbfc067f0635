/**
 * The only place gomme touches a block device's data: open, read, write, fdatasync, close.
 * Everything above it sees byte offsets and typed errors, never file descriptors or errno objects.
 */
import { type BigIntStats, constants } from 'node:fs';
import { type FileHandle, open, readFile, realpath, stat } from 'node:fs/promises';
import { DeviceNotFoundError, NeedsRootError } from '../../core/errors.js';
import {
  DeviceBusyError,
  DeviceIoError,
  DeviceOpenError,
  DeviceReadOnlyError,
  DeviceSyncError,
  type FileKind,
  NotABlockDeviceError,
} from './errors.js';

export interface BlockDevice {
  readonly path: string;
  readonly sizeBytes: number;
  readonly logicalSectorSize: number;
  readonly physicalSectorSize: number;
  /** Opened with O_DIRECT: buffers must come from allocAligned, offsets and lengths be sector multiples. */
  readonly direct: boolean;
  /** Writes all of `buf` at `offset`, or throws DeviceIoError naming the range. */
  write(buf: Buffer, offset: number): Promise<void>;
  /** Fills `buf` from `offset`; returns the bytes read (fewer only at the end of the device). */
  read(buf: Buffer, offset: number): Promise<number>;
  /** fdatasync: returns once the drive reports the written data stable, or throws DeviceSyncError. */
  flush(): Promise<void>;
  /** Closes the descriptor (and releases the exclusive claim). Safe to call twice. */
  close(): Promise<void>;
  /**
   * The size the kernel reports now (sysfs, 512-byte units): a drive whose size changes under an erasure (a loop
   * device resized, a USB bridge that re-enumerates, an HPA change) makes `sizeBytes` a lie.
   */
  readSizeBytes(): Promise<number>;
}

export interface OpenBlockDeviceOptions {
  write: boolean;
  /** O_DIRECT, bypassing the page cache so errors surface at the write and reads see the medium. Default true. */
  direct?: boolean;
  /** O_EXCL: the kernel refuses (EBUSY) if the device is mounted, a RAID/LVM/swap member or claimed by another
   *  exclusive opener, and keeps others from claiming it while open. Default: true when writing. */
  exclusive?: boolean;
}

export interface BlockGeometry {
  major: number;
  minor: number;
  sizeBytes: number;
  logicalSectorSize: number;
  physicalSectorSize: number;
}

export async function openBlockDevice(path: string, options: OpenBlockDeviceOptions): Promise<BlockDevice> {
  const direct = options.direct ?? true;
  const exclusive = options.exclusive ?? options.write;

  // Check before opening so a regular file is never opened for writing at all.
  const before = await statDevice(path);
  // O_RDWR rather than O_WRONLY: verification reads back through the same exclusive handle.
  let flags = options.write ? constants.O_RDWR : constants.O_RDONLY;
  if (direct) flags |= constants.O_DIRECT;
  // On a block device, O_EXCL without O_CREAT is the kernel's exclusive claim (bd_prepare_to_claim).
  if (exclusive) flags |= constants.O_EXCL;

  let handle: FileHandle;
  try {
    handle = await open(path, flags);
  } catch (error) {
    throw openError(path, error);
  }
  try {
    // The path may have been swapped between stat and open (udev renames, a replugged disk): check the handle.
    const after = await handle.stat({ bigint: true });
    if (!after.isBlockDevice() || after.rdev !== before.rdev) {
      throw new DeviceOpenError(path, 'ESTALE');
    }
    const geometry = await readBlockGeometry(after.rdev);
    return new FsBlockDevice(path, handle, geometry, after.rdev, direct);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Size and sector sizes from sysfs: `stat().size` is 0 for block devices and Node has no ioctl (stack.md §6). */
export async function readBlockGeometry(rdev: bigint): Promise<BlockGeometry> {
  const { major, minor } = splitDeviceNumber(rdev);
  const sysDir = await realpath(`/sys/dev/block/${major}:${minor}`);
  // Partitions have no queue/ of their own: their sector sizes are the parent disk's.
  const isPartition = await exists(`${sysDir}/partition`);
  const queueDir = isPartition ? `${sysDir}/../queue` : `${sysDir}/queue`;
  const sectors = Number(await readSysfs(`${sysDir}/size`)); // always 512-byte units, whatever the drive's sector
  const logicalSectorSize = Number(await readSysfs(`${queueDir}/logical_block_size`));
  const physicalSectorSize = Number(await readSysfs(`${queueDir}/physical_block_size`));
  if (
    ![sectors, logicalSectorSize, physicalSectorSize].every(Number.isSafeInteger) ||
    logicalSectorSize <= 0
  ) {
    throw new Error(`unexpected sysfs geometry under ${sysDir}`);
  }
  return { major, minor, sizeBytes: sectors * 512, logicalSectorSize, physicalSectorSize };
}

/** Linux's dev_t layout (glibc gnu_dev_major/minor): 12-bit major and 20-bit minor, split across the word. */
export function splitDeviceNumber(rdev: bigint): { major: number; minor: number } {
  const major = ((rdev >> 8n) & 0xfffn) | ((rdev >> 32n) & ~0xfffn);
  const minor = (rdev & 0xffn) | ((rdev >> 12n) & ~0xffn);
  return { major: Number(major), minor: Number(minor) };
}

class FsBlockDevice implements BlockDevice {
  readonly sizeBytes: number;
  readonly logicalSectorSize: number;
  readonly physicalSectorSize: number;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    geometry: BlockGeometry,
    private readonly rdev: bigint,
    readonly direct: boolean,
  ) {
    this.sizeBytes = geometry.sizeBytes;
    this.logicalSectorSize = geometry.logicalSectorSize;
    this.physicalSectorSize = geometry.physicalSectorSize;
  }

  async write(buf: Buffer, offset: number): Promise<void> {
    this.checkRange('write', buf, offset);
    if (offset + buf.length > this.sizeBytes) {
      throw new RangeError(`write of ${buf.length} bytes at ${offset} runs past the end of ${this.path}`);
    }
    let done = 0;
    while (done < buf.length) {
      let written: number;
      try {
        ({ bytesWritten: written } = await this.handle.write(buf, done, buf.length - done, offset + done));
      } catch (error) {
        throw new DeviceIoError(
          this.path,
          'write',
          offset + done,
          buf.length - done,
          errnoCode(error),
          error,
        );
      }
      // Cannot happen within the checked range unless the device shrank under us; never loop on it.
      if (written <= 0)
        throw new DeviceIoError(this.path, 'write', offset + done, buf.length - done, 'ENOSPC');
      done += written;
    }
  }

  async read(buf: Buffer, offset: number): Promise<number> {
    this.checkRange('read', buf, offset);
    let done = 0;
    while (done < buf.length) {
      let got: number;
      try {
        ({ bytesRead: got } = await this.handle.read(buf, done, buf.length - done, offset + done));
      } catch (error) {
        throw new DeviceIoError(this.path, 'read', offset + done, buf.length - done, errnoCode(error), error);
      }
      if (got === 0) break; // end of device
      done += got;
    }
    return done;
  }

  async flush(): Promise<void> {
    try {
      await this.handle.datasync();
    } catch (error) {
      throw new DeviceSyncError(this.path, 'flush', errnoCode(error), error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.handle.close();
    } catch (error) {
      throw new DeviceSyncError(this.path, 'close', errnoCode(error), error);
    }
  }

  async readSizeBytes(): Promise<number> {
    return (await readBlockGeometry(this.rdev)).sizeBytes;
  }

  /** Misalignment here is a bug in the caller, not a drive failure: fail loudly before the kernel's bare EINVAL. */
  private checkRange(operation: 'read' | 'write', buf: Buffer, offset: number): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset > this.sizeBytes) {
      throw new RangeError(`${operation} offset ${offset} is outside ${this.path} (${this.sizeBytes} bytes)`);
    }
    if (this.direct && (offset % this.logicalSectorSize !== 0 || buf.length % this.logicalSectorSize !== 0)) {
      throw new RangeError(
        `O_DIRECT ${operation} at ${offset} of ${buf.length} bytes is not a multiple of the ${this.logicalSectorSize}-byte sector`,
      );
    }
  }
}

async function statDevice(path: string): Promise<BigIntStats> {
  let stats: BigIntStats;
  try {
    stats = await stat(path, { bigint: true });
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new DeviceNotFoundError(path);
    if (code === 'EACCES' || code === 'EPERM') throw new NeedsRootError(path);
    throw new DeviceOpenError(path, code, error);
  }
  if (!stats.isBlockDevice()) throw new NotABlockDeviceError(path, fileKind(stats));
  return stats;
}

function openError(path: string, error: unknown): Error {
  const code = errnoCode(error);
  switch (code) {
    case 'EBUSY':
      return new DeviceBusyError(path, error);
    case 'EROFS':
      return new DeviceReadOnlyError(path, error);
    case 'ENOENT':
    case 'ENXIO': // the node exists but the drive behind it is gone
      return new DeviceNotFoundError(path);
    case 'EACCES':
    case 'EPERM':
      return new NeedsRootError(path);
    default:
      return new DeviceOpenError(path, code, error);
  }
}

function fileKind(stats: BigIntStats): FileKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isCharacterDevice()) return 'character device';
  return 'other';
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}

async function readSysfs(path: string): Promise<string> {
  return (await readFile(path, 'utf8')).trim();
}

/** The errno name of a system call failure; anything else (a TypeError from bad arguments) is a bug: rethrow. */
function errnoCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  throw error;
}
