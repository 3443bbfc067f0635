import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../core/exit-codes.js';
import { allocAligned } from '../../../../erasure/io/aligned-buffer.js';
import { type BlockDevice, openBlockDevice } from '../../../../erasure/io/block-device.js';
import { DeviceIoError, DeviceSyncError } from '../../../../erasure/io/errors.js';
import {
  type FaultyDriveOptions,
  faultyFuseAvailable,
  withFaultyDrive,
} from '../../../helpers/faulty-fuse.js';

const MiB = 1 << 20;
const SIZE = 16 * MiB;
/** One bad 4 KiB "sector" inside the 4th MiB, and one unreadable one inside the 9th. */
const BAD_WRITE = { start: 3 * MiB + 8192, end: 3 * MiB + 12288 };
const BAD_READ = { start: 8 * MiB + 4096, end: 8 * MiB + 8192 };

async function withDevice<T>(
  options: FaultyDriveOptions,
  fn: (
    device: BlockDevice,
    drive: { backingFile: string; faultLog(): string[]; clearFaults(): void },
  ) => Promise<T>,
  direct = true,
): Promise<T> {
  return withFaultyDrive(SIZE, options, async (drive) => {
    const device = await openBlockDevice(drive.path, { write: true, direct });
    try {
      return await fn(device, drive);
    } finally {
      await device.close();
    }
  });
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the I/O to fail'),
    (error: unknown) => error,
  );
}

describe.skipIf(!faultyFuseAvailable())('block device over faulty-fuse', () => {
  describe.each([
    ['buffered loop', false],
    ['loop --direct-io=on', true],
  ])('%s', (_label, directIo) => {
    it('an O_DIRECT write touching the bad range fails with EIO naming the chunk; others succeed', async () => {
      await withDevice({ writeFaults: [BAD_WRITE], directIo }, async (device, drive) => {
        const chunk = allocAligned(MiB);
        for (let offset = 0; offset < SIZE; offset += MiB) {
          chunk.fill(offset / MiB + 1);
          const write = device.write(chunk, offset);
          if (offset !== 3 * MiB) {
            await write;
            continue;
          }
          const failure = await failureOf(write);
          expect(failure).toBeInstanceOf(DeviceIoError);
          expect(failure).toMatchObject({
            operation: 'write',
            offset: 3 * MiB,
            length: MiB,
            errnoCode: 'EIO',
            exitCode: ExitCode.ERASE_FAILED,
          });
        }
        await device.flush();

        const medium = readFileSync(drive.backingFile);
        expect(medium[0]).toBe(1);
        expect(medium[SIZE - 1]).toBe(16);
        expect(medium[BAD_WRITE.start]).toBe(0); // never written
        expect(drive.faultLog().length).toBeGreaterThan(0);
        expect(drive.faultLog().every((line) => line.startsWith('EIO write'))).toBe(true);
      });
    });

    it('an O_DIRECT read touching the bad range fails with EIO; the rest reads back', async () => {
      await withDevice({ readFaults: [BAD_READ], directIo }, async (device) => {
        const chunk = allocAligned(MiB).fill(0xcd);
        await device.write(chunk, 8 * MiB); // writes are fine there
        const failure = await failureOf(device.read(allocAligned(MiB), 8 * MiB));
        expect(failure).toMatchObject({ operation: 'read', offset: 8 * MiB, length: MiB, errnoCode: 'EIO' });

        const around = allocAligned(4096);
        expect(await device.read(around, BAD_READ.end)).toBe(4096);
        expect(around.every((b) => b === 0xcd)).toBe(true);
      });
    });
  });

  it('after the fault clears (remapped sector) the same write succeeds', async () => {
    await withDevice({ writeFaults: [BAD_WRITE] }, async (device, drive) => {
      const chunk = allocAligned(MiB).fill(0xee);
      expect(await failureOf(device.write(chunk, 3 * MiB))).toBeInstanceOf(DeviceIoError);
      drive.clearFaults();
      await expect.poll(() => device.write(chunk, 3 * MiB).then(() => true), { timeout: 2_000 }).toBe(true);
      expect(readFileSync(drive.backingFile)[BAD_WRITE.start]).toBe(0xee);
    });
  });

  it('without O_DIRECT the write "succeeds" and the error only surfaces at flush', async () => {
    await withDevice(
      { writeFaults: [BAD_WRITE] },
      async (device) => {
        await device.write(Buffer.alloc(MiB, 0x42), 3 * MiB);
        const failure = await failureOf(device.flush());
        expect(failure).toBeInstanceOf(DeviceSyncError);
        expect(failure).toMatchObject({ operation: 'flush', errnoCode: 'EIO' });
      },
      false,
    );
  });
});
