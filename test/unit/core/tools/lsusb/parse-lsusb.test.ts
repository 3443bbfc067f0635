import { describe, expect, it } from 'vitest';
import { parseLsusb } from '../../../../../core/tools/lsusb/parse-lsusb.js';
import { listFixtures, readFixture } from '../../../../helpers/fixtures.js';

describe('lsusb parser', () => {
  it.each(listFixtures('lsusb'))('%s: one entry per Bus line, no throw truncated', (file) => {
    const text = readFixture(file);
    expect(parseLsusb(text)).toHaveLength(text.split('\n').filter((l) => l.startsWith('Bus ')).length);
    expect(() => parseLsusb(text.slice(0, text.length / 3))).not.toThrow();
  });

  it('ThinkPad T430: the webcam is a video-class device', () => {
    const devices = parseLsusb(readFixture('lsusb/thinkpad-t430-lsusb.txt'));
    const cams = devices.filter((d) => d.isVideo);
    expect(cams.map((d) => `${d.vendorId}:${d.productId}`)).toEqual(['04f2:b2da']);
    expect(cams[0]?.interfaceClasses.some((c) => c.cls === 14)).toBe(true);
  });

  it('Dell XT2: Bluetooth radio found by class, its parent hub is not Bluetooth', () => {
    const devices = parseLsusb(readFixture('lsusb/dell-latitude-xt2-lsusb-v.txt'));
    expect(devices.filter((d) => d.isBluetooth).map((d) => d.productId)).toEqual(['8160']);
    expect(devices.find((d) => d.productId === '4500')?.isHub).toBe(true);
    expect(devices.some((d) => d.isVideo)).toBe(false);
  });

  it('plain lsusb lines', () => {
    expect(parseLsusb('Bus 001 Device 002: ID 1d6b:0002 Linux Foundation 2.0 root hub\n')).toEqual([
      expect.objectContaining({ bus: 1, device: 2, vendorId: '1d6b', isHub: true, interfaceClasses: [] }),
    ]);
    expect(parseLsusb('garbage\n\u0000')).toEqual([]);
  });
});
