import { describe, expect, it } from 'vitest';
import {
  localeNumber,
  parseUpowerEnumerate,
  parseUpowerInfo,
} from '../../../../../core/tools/upower/parse-upower.js';
import { listFixtures, readFixture } from '../../../../helpers/fixtures.js';

describe('upower over the real corpus', () => {
  it.each(listFixtures('upower'))('%s: no throw, even truncated', (file) => {
    const text = readFixture(file);
    expect(() => parseUpowerInfo(text)).not.toThrow();
    expect(() => parseUpowerInfo(text.slice(0, text.length / 2))).not.toThrow();
  });

  it('French locale: comma decimals, capacity, no charge cycles (N/A)', () => {
    const bat = parseUpowerInfo(readFixture('upower/dell-laptop-bat0-fr-locale-with-history.txt'));
    expect(bat).toMatchObject({
      nativePath: 'BAT0',
      vendor: 'SMP-COS3.66',
      model: 'DELL XDY9K16',
      kind: 'battery',
      powerSupply: true,
      present: true,
      state: 'discharging',
      energyWh: 24.645,
      energyFullWh: 54,
      energyFullDesignWh: 54,
      percentage: 51,
      capacityPercent: 88.2222,
      chargeCycles: null,
      technology: 'lithium-polymer',
    });
  });

  it('worn BAT1 whose first line lost its indentation', () => {
    const bat = parseUpowerInfo(readFixture('upower/bat1-worn-76pct-leading-space-trimmed.txt'));
    expect(bat.nativePath).toBe('BAT1');
    expect(bat.capacityPercent).toBe(76.2349);
    expect(bat.energyFullDesignWh).toBe(51.504);
  });

  it('a wireless mouse battery is not a power supply of this computer', () => {
    const mouse = parseUpowerInfo(readFixture('upower/logitech-mouse-hidpp-battery.txt'));
    expect(mouse).toMatchObject({ kind: 'keyboard', powerSupply: false, energyFullWh: null });
  });

  it('upower -e lists object paths', () => {
    expect(parseUpowerEnumerate(readFixture('upower/enumerate-ac-bat0-hidpp-display.txt'))).toHaveLength(4);
  });

  it('localeNumber', () => {
    expect(localeNumber('14,8 V')).toBe(14.8);
    expect(localeNumber('N/A')).toBeNull();
    expect(localeNumber(undefined)).toBeNull();
  });
});
