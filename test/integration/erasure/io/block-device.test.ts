import { execFileSync } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceNotFoundError } from '../../../../core/errors.js';
import { ExitCode } from '../../../../core/exit-codes.js';
import { allocAligned } from '../../../../erasure/io/aligned-buffer.js';
import { type BlockDevice, openBlockDevice } from '../../../../erasure/io/block-device.js';
import { DeviceBusyError, NotABlockDeviceError } from '../../../../erasure/io/errors.js';
import { AesCtrStream, newSeed } from '../../../../erasure/patterns/aes-ctr-stream.js';
import { createLoopDevice, type LoopDevice } from '../../../helpers/loop-device.js';
import { unmount } from '../../../helpers/mount.js';

const MiB = 1 << 20;
const SIZE = 32 * MiB;

describe.skipIf(process.getuid?.() !== 0)('openBlockDevice on a loop device', () => {
  let loop: LoopDevice;
  const opened: BlockDevice[] = [];
  const open = async (...args: Parameters<typeof openBlockDevice>) => {
    const device = await openBlockDevice(...args);
    opened.push(device);
    return device;
  };

  beforeEach(() => {
    loop = createLoopDevice(SIZE, {
      fill: (offset, length) => Buffer.alloc(length, offset === 0 ? 0x11 : 0),
    });
  });
  afterEach(async () => {
    // Close before detaching: an open descriptor keeps the loop device bound.
    try {
      for (const device of opened.splice(0)) await device.close();
    } finally {
      loop?.detach();
    }
  });

  it('reads size and sector sizes from sysfs, matching blockdev', async () => {
    const device = await open(loop.path, { write: false });
    expect(device.sizeBytes).toBe(SIZE);
    expect(device.sizeBytes).toBe(
      Number(execFileSync('blockdev', ['--getsize64', loop.path], { encoding: 'utf8' })),
    );
    expect(device.logicalSectorSize).toBe(512);
    expect(device.direct).toBe(true);
  });

  it('round-trips a pattern through O_DIRECT and it lands in the backing file', async () => {
    const stream = new AesCtrStream(newSeed());
    const chunk = allocAligned(4 * MiB);
    const offset = 12 * MiB + 4096;
    stream.fill(chunk, offset);

    const writer = await open(loop.path, { write: true });
    await writer.write(chunk, offset);
    await writer.flush();

    const back = allocAligned(4 * MiB);
    const reader = await open(loop.path, { write: false });
    expect(await reader.read(back, offset)).toBe(4 * MiB);
    expect(back.equals(chunk)).toBe(true);
    expect(
      readFileSync(loop.backingFile)
        .subarray(offset, offset + 4 * MiB)
        .equals(chunk),
    ).toBe(true);
  });

  it('an O_DIRECT read sees the medium, not a cached copy', async () => {
    // Populate the device's page cache through a buffered open first.
    const buffered = await open(loop.path, { write: false, direct: false });
    const before = Buffer.alloc(4096);
    await buffered.read(before, 0);
    expect(before.every((b) => b === 0x11)).toBe(true);

    // Change the medium behind the device's back.
    const fd = openSync(loop.backingFile, 'r+');
    try {
      writeSync(fd, Buffer.alloc(4096, 0x77), 0, 4096, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }

    const direct = await open(loop.path, { write: false });
    const seen = allocAligned(4096);
    await direct.read(seen, 0);
    expect(seen.every((b) => b === 0x77)).toBe(true);

    // Control: while any opener keeps the device open, a buffered read still returns the stale cached page.
    const cached = Buffer.alloc(4096);
    await buffered.read(cached, 0);
    expect(cached.every((b) => b === 0x11)).toBe(true);
  });

  it('a second exclusive open is refused with DeviceBusyError', async () => {
    await open(loop.path, { write: true });
    const failure = await open(loop.path, { write: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeviceBusyError);
    expect(failure).toMatchObject({ code: 'device-busy', exitCode: ExitCode.REFUSED });
    expect((failure as DeviceBusyError).text.fr).toContain("en cours d'utilisation");
    expect((failure as DeviceBusyError).text.en).toContain('in use');
    // A non-exclusive reader is still allowed (verification next to a running erasure).
    await open(loop.path, { write: false });
  });

  it('a mounted device is refused with DeviceBusyError', async () => {
    execFileSync('mkfs.ext4', ['-q', '-F', loop.path]);
    const mountPoint = mkdtempSync(join(tmpdir(), 'gomme-mnt-'));
    execFileSync('mount', [loop.path, mountPoint]);
    try {
      await expect(open(loop.path, { write: true })).rejects.toBeInstanceOf(DeviceBusyError);
    } finally {
      unmount(mountPoint);
      rmSync(mountPoint, { recursive: true });
    }
  });

  it('rejects ranges past the end and unaligned O_DIRECT requests before the kernel does', async () => {
    const device = await open(loop.path, { write: true });
    await expect(device.write(allocAligned(MiB), SIZE - 512)).rejects.toThrow(RangeError);
    await expect(device.write(allocAligned(4096), 100)).rejects.toThrow(RangeError);
    await expect(device.write(allocAligned(4096).subarray(0, 1000), 0)).rejects.toThrow(RangeError);
    // Reading across the end returns what exists.
    expect(await device.read(allocAligned(MiB), SIZE - 4096)).toBe(4096);
    expect(await device.read(allocAligned(4096), SIZE)).toBe(0);
  });
});

describe.skipIf(process.getuid?.() !== 0)('openBlockDevice geometry with 4 KiB sectors', () => {
  it('reports the logical sector size and enforces it', async () => {
    const loop = createLoopDevice(8 * MiB, { sectorSize: 4096 });
    let device: BlockDevice | undefined;
    try {
      device = await openBlockDevice(loop.path, { write: true });
      expect(device.logicalSectorSize).toBe(4096);
      expect(device.sizeBytes).toBe(8 * MiB);
      await expect(device.write(allocAligned(4096), 512)).rejects.toThrow(/4096-byte sector/);
      await device.write(allocAligned(8192).fill(1), 4096);
    } finally {
      await device?.close();
      loop?.detach();
    }
  });
});

describe('openBlockDevice refuses what is not a block device', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gomme-notdev-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a regular file is refused and left untouched', async () => {
    const file = join(dir, 'disk.img');
    writeFileSync(file, 'precious');
    const failure = await openBlockDevice(file, { write: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotABlockDeviceError);
    expect(failure).toMatchObject({ kind: 'file', exitCode: ExitCode.NOT_FOUND });
    expect((failure as NotABlockDeviceError).text.fr).toContain('fichier ordinaire');
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });

  it('a directory and a character device are refused', async () => {
    await expect(openBlockDevice(dir, { write: false })).rejects.toMatchObject({ kind: 'directory' });
    await expect(openBlockDevice('/dev/null', { write: true })).rejects.toMatchObject({
      kind: 'character device',
    });
  });

  it('a missing path gives DeviceNotFoundError', async () => {
    await expect(openBlockDevice(join(dir, 'nope'), { write: true })).rejects.toBeInstanceOf(
      DeviceNotFoundError,
    );
  });
});
