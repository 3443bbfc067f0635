/**
 * Loop devices over temp files: the only block devices tests may write to. Every device made here must be
 * detached, even when a test fails: use withLoopDevice(s), or call detach() in afterEach/finally.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { mountPointsOf, unmount } from './mount.js';

export interface LoopDevice {
  /** /dev/loopN */
  path: string;
  /** The file behind it, for reading or changing the "medium" behind the device's back. */
  backingFile: string;
  /** losetup -d, then removes the temp folder. Idempotent. */
  detach(): void;
}

export interface LoopDeviceOptions {
  /** Initial content, asked for in chunks of at most 4 MiB; must return exactly `length` bytes. Default: zeros. */
  fill?: (offset: number, length: number) => Buffer;
  /** `--direct-io=on`: the loop driver bypasses the backing file's page cache. Default false. */
  directIo?: boolean;
  /** `--sector-size`: logical sector size of the device (512 or 4096). Default 512. */
  sectorSize?: number;
}

const FILL_CHUNK = 4 << 20;

export function createLoopDevice(sizeBytes: number, options: LoopDeviceOptions = {}): LoopDevice {
  reapStaleLoopDevices();
  const dir = ownedTempDir('loop');
  const backingFile = join(dir, 'disk.img');
  try {
    writeBackingFile(backingFile, sizeBytes, options.fill);
    return attachLoopDevice(backingFile, options, () => rmSync(dir, { recursive: true, force: true }));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Attaches an existing file (e.g. one served by FUSE). `onDetached` runs after a successful losetup -d.
 */
export function attachLoopDevice(
  backingFile: string,
  options: Pick<LoopDeviceOptions, 'directIo' | 'sectorSize'> = {},
  onDetached: () => void = () => {},
): LoopDevice {
  const args = ['-f', '--show'];
  if (options.directIo) args.push('--direct-io=on');
  if (options.sectorSize !== undefined) args.push('--sector-size', String(options.sectorSize));
  const path = execFileSync('losetup', [...args, backingFile], { encoding: 'utf8' }).trim();
  // Guard: everything downstream writes to this path; it must be a loop device we just made.
  if (!/^\/dev\/loop\d+$/.test(path)) throw new Error(`losetup returned an unexpected device: "${path}"`);
  let attached = true;
  const device: LoopDevice = {
    path,
    backingFile,
    detach() {
      if (!attached) return;
      detachLoop(path);
      attached = false;
      onDetached();
    },
  };
  return device;
}

/**
 * Temp folders are named after the creating process, so a later run can clean up after one that died before
 * its afterEach (Ctrl-C, a crash: vitest stops its workers with SIGTERM, so no 'exit' handler runs).
 */
export function ownedTempDir(kind: 'loop' | 'fuse'): string {
  return mkdtempSync(join(tmpdir(), `gomme-${kind}-${process.pid}-`));
}

/** The pid in an ownedTempDir path, when `path` lies inside one of `kind`. */
export function tempDirOwner(path: string, kind: 'loop' | 'fuse'): { dir: string; pid: number } | undefined {
  const prefix = join(tmpdir(), `gomme-${kind}-`);
  if (!path.startsWith(prefix)) return undefined;
  const match = /^(\d+)-[^/]+/.exec(path.slice(prefix.length));
  if (!match?.[1]) return undefined;
  return { dir: prefix + match[0], pid: Number(match[1]) };
}

/** kill(pid, 0): a zombie or a reused pid counts as alive, which only makes reaping more cautious. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** Attached loop devices and their backing files, from sysfs. */
export function attachedLoops(): Array<{ path: string; backingFile: string }> {
  const loops: Array<{ path: string; backingFile: string }> = [];
  for (const name of readdirSync('/sys/block').filter((n) => n.startsWith('loop'))) {
    let backing: string;
    try {
      backing = readFileSync(`/sys/block/${name}/loop/backing_file`, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // not attached
      throw error;
    }
    loops.push({ path: `/dev/${name}`, backingFile: backing });
  }
  return loops;
}

/**
 * Detaches loop devices left by dead test processes (only ours: backing file in a gomme-loop-PID- folder),
 * unmounting what a dead test left mounted on them inside the temp folder. One that stays bound is reported
 * and left (it is autoclear now; losetup -f picks another): a leftover must not fail every test after it.
 */
export function reapStaleLoopDevices(): void {
  for (const loop of attachedLoops()) {
    const owner = tempDirOwner(loop.backingFile, 'loop');
    if (owner === undefined || processAlive(owner.pid)) continue;
    for (const mountpoint of mountPointsOf(loop.path)) {
      if (mountpoint.startsWith(`${tmpdir()}/gomme-`)) unmount(mountpoint);
    }
    if (!detachLoop(loop.path, false)) {
      console.warn(`${loop.path} (left by dead test process ${owner.pid}) is still in use; left attached`);
      continue;
    }
    rmSync(owner.dir, { recursive: true, force: true });
  }
}

/**
 * losetup -d only sets autoclear while someone still holds the device open (a test that forgot close(),
 * udev's blkid): wait until the kernel has really released it, so the next test gets a clean table.
 */
function detachLoop(path: string, required = true): boolean {
  const boundMarker = `/sys/block/${basename(path)}/loop/backing_file`;
  try {
    execFileSync('losetup', ['-d', path], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    // Already released between the listing and now (its autoclear, or another run reaping the same leftover):
    // losetup says ENXIO and there is nothing left to detach.
    if (!existsSync(boundMarker)) return true;
    throw error;
  }
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (!existsSync(boundMarker)) return true;
    sleepSync(50);
  }
  if (!required) return false;
  const mounted = mountPointsOf(path);
  const why =
    mounted.length > 0 ? `still mounted at ${mounted.join(', ')}` : 'a file descriptor on it was left open';
  throw new Error(`${path} is still attached 5 s after losetup -d: ${why}`);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function writeBackingFile(
  file: string,
  sizeBytes: number,
  fill: ((offset: number, length: number) => Buffer) | undefined,
): void {
  const fd = openSync(file, 'w');
  try {
    ftruncateSync(fd, sizeBytes); // sparse zeros where fill does not write
    if (fill === undefined) return;
    for (let offset = 0; offset < sizeBytes; offset += FILL_CHUNK) {
      const length = Math.min(FILL_CHUNK, sizeBytes - offset);
      const chunk = fill(offset, length);
      if (chunk.length !== length) throw new Error(`fill returned ${chunk.length} bytes, expected ${length}`);
      writeSync(fd, chunk, 0, length, offset);
    }
  } finally {
    closeSync(fd);
  }
}

/** Runs `fn` with a fresh loop device and detaches it afterwards, whatever happens. */
export async function withLoopDevice<T>(
  sizeBytes: number,
  options: LoopDeviceOptions,
  fn: (device: LoopDevice) => Promise<T> | T,
): Promise<T> {
  return withLoopDevices([{ sizeBytes, ...options }], ([device]) => fn(device!));
}

/** Several devices at once (e.g. two drives erased in parallel); all are detached afterwards. */
export async function withLoopDevices<T>(
  specs: Array<{ sizeBytes: number } & LoopDeviceOptions>,
  fn: (devices: LoopDevice[]) => Promise<T> | T,
): Promise<T> {
  const devices: LoopDevice[] = [];
  let result: T;
  try {
    for (const spec of specs) devices.push(createLoopDevice(spec.sizeBytes, spec));
    result = await fn(devices);
  } catch (error) {
    // Detach anyway; if that fails too, keep the test's own error first.
    try {
      detachAll(devices);
    } catch (detachError) {
      throw new AggregateError(
        [error, detachError],
        'test failed and its loop devices could not be detached',
      );
    }
    throw error;
  }
  detachAll(devices);
  return result;
}

/** Detaches every device, then reports the first failure: one stuck device must not leak the others. */
export function detachAll(devices: readonly LoopDevice[]): void {
  const failures: unknown[] = [];
  for (const device of devices) {
    try {
      device.detach();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'some loop devices could not be detached');
}
