import { describe, expect, it } from 'vitest';
import { parseLspci } from '../../../../../core/tools/lspci/parse-lspci.js';
import { listFixtures, readFixture } from '../../../../helpers/fixtures.js';

const pick = (file: string, category: string) =>
  parseLspci(readFixture(file))
    .filter((d) => d.category === category)
    .map((d) => d.description);

describe('lspci parser', () => {
  it.each(listFixtures('lspci'))('%s: every device line parsed, no throw truncated', (file) => {
    const text = readFixture(file);
    const heads = text.split('\n').filter((l) => /^[0-9a-f]{2}:[0-9a-f]{2}\.\d /.test(l)).length;
    expect(parseLspci(text)).toHaveLength(heads);
    expect(() => parseLspci(text.slice(0, text.length / 3))).not.toThrow();
  });

  it('Dell XPS (-nn -k): GPU with ids and driver, Wi-Fi, audio', () => {
    const devices = parseLspci(readFixture('lspci/dell-xps-lspci.txt'));
    const gpu = devices.find((d) => d.category === 'gpu');
    expect(gpu).toMatchObject({
      slot: '00:02.0',
      classCode: '0300',
      description: 'Intel Corporation Skylake GT2 [HD Graphics 520]',
      vendorId: '8086',
      deviceId: '1916',
      driver: 'i915',
    });
    expect(pick('lspci/dell-xps-lspci.txt', 'wifi')).toEqual(['Intel Corporation Wireless 8260']);
    expect(pick('lspci/dell-xps-lspci.txt', 'ethernet')).toEqual([]);
  });

  it('ThinkPad T430 (no -nn): Optimus has two GPUs, Ethernet and Wi-Fi', () => {
    expect(pick('lspci/thinkpad-t430-lspci.txt', 'gpu')).toHaveLength(2);
    expect(pick('lspci/thinkpad-t430-lspci.txt', 'ethernet')).toEqual([
      'Intel Corporation 82579LM Gigabit Network Connection',
    ]);
    expect(pick('lspci/thinkpad-t430-lspci.txt', 'wifi')[0]).toMatch(/Centrino Advanced-N 6205/);
  });

  it('garbage yields nothing', () => {
    expect(parseLspci('')).toEqual([]);
    expect(parseLspci('lspci: Unable to load libkmod resources: error -2')).toEqual([]);
  });
});
