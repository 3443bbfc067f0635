import { describe, expect, it } from 'vitest';
import { splitDeviceNumber } from '../../../../erasure/io/block-device.js';

/** glibc's makedev, written independently of the code under test. */
function makedev(major: number, minor: number): bigint {
  const ma = BigInt(major);
  const mi = BigInt(minor);
  return ((ma & 0xfffn) << 8n) | ((ma & ~0xfffn) << 32n) | (mi & 0xffn) | ((mi & ~0xffn) << 12n);
}

describe('splitDeviceNumber', () => {
  it.each([
    [8, 0],
    [7, 3],
    [259, 1],
    [8, 300],
    [4095, 1_048_575],
  ])('%i:%i', (major, minor) => {
    expect(splitDeviceNumber(makedev(major, minor))).toEqual({ major, minor });
  });

  it('decodes real values as stat reports them', () => {
    expect(splitDeviceNumber(2048n)).toEqual({ major: 8, minor: 0 }); // /dev/sda
    expect(splitDeviceNumber(66304n)).toEqual({ major: 259, minor: 0 }); // /dev/nvme0n1
  });
});
