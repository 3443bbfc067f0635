import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverDrives } from '../../core/detect/discover-drives.js';
import { recheckProtection } from '../../core/detect/recheck.js';
import type { Drive } from '../../core/drive.js';
import { parseBundle } from '../../core/run/bundle.js';
import { realSystem, replaySystem } from '../../core/run/system.js';
import { createLoopDevice, type LoopDevice, ownedTempDir } from '../helpers/loop-device.js';
import { unmount } from '../helpers/mount.js';
import { runGomme } from '../helpers/run-gomme.js';

/**
 * Storage stacked on a drive, built for real from loop devices: what rests on the drive (or shares its
 * data) is in use, so the drive is protected with a reason that names it, and `gomme erase` writes nothing.
 */
const isRoot = process.getuid?.() === 0;
const MiB = 1024 * 1024;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const name = (path: string) => basename(path);

/** Loop devices and mounts made by one test, undone newest first whatever happens. */
class Stack {
  private readonly undo: Array<() => void> = [];
  private readonly mounts: string[] = [];
  private frozen: string[] = [];
  readonly dir = ownedTempDir('loop');

  adopt(loop: LoopDevice): LoopDevice {
    this.undo.push(() => loop.detach());
    return loop;
  }

  /** losetup over a file or a block device; `-P` scans its partition table. */
  loop(backing: string, options: { partscan?: boolean } = {}): string {
    const args = ['-f', '--show', ...(options.partscan ? ['-P'] : []), backing];
    const path = execFileSync('losetup', args, { encoding: 'utf8' }).trim();
    if (!/^\/dev\/loop\d+$/.test(path)) throw new Error(`losetup returned an unexpected device: "${path}"`);
    this.undo.push(() => detach(path));
    return path;
  }

  /** mkfs.ext4 without lazy init (no background writes), then mount on a new folder. */
  mountNewFs(device: string, folder: string): string {
    execFileSync('mkfs.ext4', ['-q', '-F', '-E', 'lazy_itable_init=0,lazy_journal_init=0', device]);
    const mnt = join(this.dir, folder);
    mkdirSync(mnt);
    execFileSync('mount', [device, mnt]);
    this.undo.push(() => unmount(mnt));
    this.mounts.push(mnt);
    return mnt;
  }

  /** fsfreeze every mount, newest (uppermost) first: their dirty data is flushed and nothing more is written. */
  freeze(): void {
    for (const mnt of [...this.mounts].reverse()) {
      execFileSync('fsfreeze', ['-f', mnt]);
      this.frozen.push(mnt);
    }
  }

  thaw(): void {
    for (const mnt of this.frozen.reverse()) execFileSync('fsfreeze', ['-u', mnt]);
    this.frozen = [];
  }

  cleanup(): void {
    const failures: unknown[] = [];
    try {
      this.thaw();
    } catch (error) {
      failures.push(error);
    }
    for (const step of this.undo.reverse()) {
      try {
        step();
      } catch (error) {
        failures.push(error);
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
    if (failures.length > 0) throw new AggregateError(failures, 'the stack could not be taken down');
  }
}

function detach(path: string): void {
  execFileSync('losetup', ['-d', path]);
  const marker = `/sys/block/${name(path)}/loop/backing_file`;
  const deadline = Date.now() + 5_000;
  while (existsSync(marker) && Date.now() < deadline) spawnSync('sleep', ['0.05']);
  if (existsSync(marker)) throw new Error(`${path} is still attached 5 s after losetup -d`);
}

function waitFor(path: string, ms: number): boolean {
  for (const deadline = Date.now() + ms; !existsSync(path) && Date.now() < deadline; )
    spawnSync('sleep', ['0.05']);
  return existsSync(path);
}

/** A disk image with an MBR holding one Linux partition from sector 2048 to the end. */
function partitionedImage(dir: string, sizeBytes: number): string {
  const file = join(dir, 'partitioned.img');
  const mbr = Buffer.alloc(512);
  const entry = 446;
  mbr[entry + 4] = 0x83;
  mbr.writeUInt32LE(2048, entry + 8);
  mbr.writeUInt32LE(sizeBytes / 512 - 2048, entry + 12);
  mbr.writeUInt16LE(0xaa55, 510);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, mbr, 0, 512, 0);
    writeSync(fd, Buffer.alloc(1), 0, 1, sizeBytes - 1);
  } finally {
    closeSync(fd);
  }
  return file;
}

async function driveAt(path: string): Promise<Drive> {
  const { drives } = await discoverDrives(realSystem());
  const drive = drives.find((d) => d.path === path);
  if (!drive) throw new Error(`${path} was not discovered`);
  return drive;
}

describe.skipIf(!isRoot)('storage stacked on a drive protects it (real loop devices)', () => {
  let stack: Stack;
  let dataDir = '';
  beforeEach(() => {
    stack = new Stack();
    dataDir = mkdtempSync(join(tmpdir(), 'gomme-stack-data-'));
  });
  afterEach(() => {
    try {
      stack.cleanup();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  /** `gomme erase DEV --yes` refuses with exit 3, names `expected`, and the backing file is unchanged. */
  function expectEraseRefused(device: string, backingFile: string, expected: string): void {
    // Frozen filesystems write nothing by themselves (journal commits, atime): any change would be gomme's.
    stack.freeze();
    try {
      const before = sha(backingFile);
      const r = runGomme(['erase', device, '--yes', '--json'], { GOMME_DATA_DIR: dataDir });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${device} is protected`);
      expect(r.stderr).toContain(expected);
      expect(r.lines.at(-1)).toMatchObject({ type: 'error', code: 'protected-device', exitCode: 3 });
      execFileSync('sync');
      expect(sha(backingFile)).toBe(before);
    } finally {
      stack.thaw();
    }
  }

  it('a loop device over another one, the upper one mounted: the lower one is protected', async () => {
    const lower = stack.adopt(createLoopDevice(32 * MiB));
    const upper = stack.loop(lower.path);
    // Nothing in use yet: the re-check right before opening says so.
    expect(await recheckProtection(realSystem(), lower)).toEqual([]);
    const mnt = stack.mountNewFs(upper, 'upper');
    const why = `${name(upper)} is mounted at ${mnt} and rests on this drive`;
    expect((await driveAt(lower.path)).protections).toEqual([
      {
        reason: 'mounted',
        detail: { en: why, fr: `${name(upper)} est monté sur ${mnt} et repose sur ce disque` },
      },
    ]);
    // Mounted after discovery: the re-check sees it.
    expect(await recheckProtection(realSystem(), lower)).toMatchObject([
      { reason: 'mounted', detail: { en: why } },
    ]);
    expectEraseRefused(lower.path, lower.backingFile, why);
  });

  it('a loop device over a loop device whose filesystem is mounted: the upper one is protected too', async () => {
    const lower = stack.adopt(createLoopDevice(32 * MiB));
    const upper = stack.loop(lower.path);
    const mnt = stack.mountNewFs(lower.path, 'lower');
    const why = `this drive rests on ${name(lower.path)}, which is mounted at ${mnt}`;
    expect((await driveAt(upper)).protections.map((p) => p.detail.en)).toEqual([why]);
    expectEraseRefused(upper, lower.backingFile, why);
  });

  it('a loop device over a partition of a partitioned loop device (losetup -P): the disk is protected', async () => {
    const image = partitionedImage(stack.dir, 32 * MiB);
    const disk = stack.loop(image, { partscan: true });
    const partition = `${disk}p1`;
    // Kernels built without MBR support (this Firecracker one) scan nothing: partx adds it (BLKPG).
    if (!waitFor(partition, 1_000)) execFileSync('partx', ['-a', disk]);
    if (!waitFor(partition, 5_000)) throw new Error(`${partition} did not appear`);
    const upper = stack.loop(partition);
    const mnt = stack.mountNewFs(upper, 'upper');
    const why = `${name(upper)} is mounted at ${mnt} and rests on this drive (via ${name(partition)})`;
    expect((await driveAt(disk)).protections.map((p) => p.detail.en)).toEqual([why]);
    expectEraseRefused(disk, image, why);
  });

  it('two loop devices on one file, one mounted: the other one is protected', async () => {
    const first = stack.adopt(createLoopDevice(32 * MiB));
    const second = stack.loop(first.backingFile);
    const mnt = stack.mountNewFs(first.path, 'first');
    const why = `${name(first.path)} is mounted at ${mnt} and uses the same file (${first.backingFile}) as this drive`;
    expect((await driveAt(second)).protections.map((p) => p.detail.en)).toEqual([why]);
    expectEraseRefused(second, first.backingFile, why);
  });

  it('a loop device whose backing file lives on a filesystem mounted from another loop device', async () => {
    const outer = stack.adopt(createLoopDevice(64 * MiB));
    const outerMnt = stack.mountNewFs(outer.path, 'outer');
    const innerFile = join(outerMnt, 'inner.img');
    execFileSync('truncate', ['-s', String(16 * MiB), innerFile]);
    const inner = stack.loop(innerFile);
    const innerMnt = stack.mountNewFs(inner, 'inner');
    const why = `${name(inner)} is mounted at ${innerMnt} and rests on this drive (via the file ${innerFile})`;
    const outerDrive = await driveAt(outer.path);
    expect(outerDrive.protections.map((p) => p.detail.en)).toEqual([
      `${name(outer.path)} is mounted at ${outerMnt}`,
      why,
    ]);
    // The inner loop device is mounted itself, but a file write does not harm the outer filesystem.
    expect((await driveAt(inner)).protections.map((p) => p.detail.en)).toEqual([
      `${name(inner)} is mounted at ${innerMnt}`,
    ]);
    expectEraseRefused(outer.path, outer.backingFile, why);
  });

  it('gomme capture records the stack (sysfs holders/slaves, backing files, mountinfo) and replays it', async () => {
    const lower = stack.adopt(createLoopDevice(32 * MiB));
    const upper = stack.loop(lower.path);
    const mnt = stack.mountNewFs(upper, 'upper');
    const bundleFile = join(dataDir, 'bundle.json');
    expect(runGomme(['capture', '-o', bundleFile]).code).toBe(0);
    const bundle = parseBundle(readFileSync(bundleFile, 'utf8'));
    expect(bundle.files[`/sys/block/${name(upper)}/loop/backing_file`]?.trim()).toBe(lower.path);
    expect(bundle.files['/proc/self/mountinfo']).toContain(` ${mnt} `);
    expect(Object.keys(bundle.files)).toContain(`/sys/class/block/${name(lower.path)}/holders/`);
    const live = (await driveAt(lower.path)).protections;
    const { drives } = await discoverDrives(replaySystem(bundle));
    expect(drives.find((d) => d.path === lower.path)?.protections).toEqual(live);
    expect(live.map((p) => p.reason)).toEqual(['mounted']);
  });
});
