import { describe, expect, it } from 'vitest';
import { batteryFacts, isOnline, parseUevent } from '../../../../../core/tools/battery/power-supply.js';
import { readFixture } from '../../../../helpers/fixtures.js';

describe('power_supply battery facts', () => {
  it('ThinkPad uevent, energy-based (µWh)', () => {
    const attrs = parseUevent(readFixture('battery-sysfs/thinkpad-bat0-uevent-energy-uWh-LNV-45N1.txt'));
    const bat = batteryFacts('BAT0', attrs);
    expect(bat).toMatchObject({
      manufacturer: 'LGC',
      model: 'LNV-45N1',
      serial: '38109',
      present: true,
      status: 'Discharging',
      chargePercent: 85,
      cycleCount: 0,
      basis: 'energy',
      full: 47_390_000,
      fullDesign: 47_520_000,
      healthPercent: 99.7,
    });
  });

  it('Dell Latitude 5420 sysfs map, charge-based (µAh), charger online', () => {
    const map = JSON.parse(
      readFixture('battery-sysfs/dell-latitude-5420-sysfs-map-charge-uAh-not-charging.json'),
    ) as Record<string, string>;
    const attrsOf = (dir: string) =>
      Object.fromEntries(
        Object.entries(map)
          .filter(([path]) => path.startsWith(`/sys/class/power_supply/${dir}/`))
          .map(([path, value]) => [path.slice(`/sys/class/power_supply/${dir}/`.length), value]),
      );
    const bat = batteryFacts('BAT0', attrsOf('BAT0'));
    expect(bat).toMatchObject({
      basis: 'charge',
      healthPercent: 100,
      status: 'Not charging',
      chargePercent: 79,
    });
    expect(isOnline(attrsOf('AC'))).toBe(true);
  });

  it('never mixes energy and charge; garbage reads as unknown', () => {
    expect(batteryFacts('BAT0', { energy_full: '100', charge_full_design: '200' }).healthPercent).toBeNull();
    expect(batteryFacts('BAT0', { energy_full: 'x', energy_full_design: '0' }).healthPercent).toBeNull();
    expect(batteryFacts('BAT0', { energy_full: '5', energy_full_design: '0' }).healthPercent).toBeNull();
    expect(parseUevent('\u0000garbage')).toEqual({});
    expect(isOnline({})).toBeNull();
  });
});
