import { describe, expect, it } from 'vitest';
import { type BatteryFacts, batteryFacts } from '../../../core/tools/battery/power-supply.js';
import { batteryVerdict, chargerVerdict } from '../../../diagnostics/checks/battery-verdict.js';

function battery(health: number | null, extra: Partial<BatteryFacts> = {}): BatteryFacts {
  const base = batteryFacts(
    'BAT0',
    health === null ? {} : { energy_full: String(Math.round(health * 1000)), energy_full_design: '100000' },
  );
  return { ...base, ...extra };
}
const codes = (v: { reasons: { code: string; severity: string }[] }) =>
  v.reasons.map((r) => `${r.code}/${r.severity}`);

describe('battery verdict boundaries (rules-v1.battery)', () => {
  it.each([
    [100, 'pass', []],
    [80, 'pass', []],
    [79.9, 'warn', ['battery-weak/reserve']],
    [65, 'warn', ['battery-weak/reserve']],
    [64.9, 'fail', ['battery-worn/repair']],
    [50, 'fail', ['battery-worn/repair']],
    [49.9, 'fail', ['battery-worn/repair']],
  ])('health %s%% → %s', (h, status, expected) => {
    const v = batteryVerdict(battery(h));
    expect(v.status).toBe(status);
    expect(codes(v)).toEqual(expected);
  });

  it('50–65 % with a measured runtime ≥ 40 min is a reserve, not a replacement', () => {
    expect(codes(batteryVerdict(battery(55), 40))).toEqual(['battery-weak/reserve']);
    expect(codes(batteryVerdict(battery(55), 39))).toEqual(['battery-worn/repair']);
    expect(codes(batteryVerdict(battery(45), 120))).toEqual(['battery-worn/repair']);
  });

  it('over 750 cycles with health under 80 % → replace; 750 exactly or healthy → not', () => {
    expect(codes(batteryVerdict(battery(75, { cycleCount: 751 })))).toEqual([
      'battery-weak/reserve',
      'battery-cycles/repair',
    ]);
    expect(codes(batteryVerdict(battery(75, { cycleCount: 750 })))).toEqual(['battery-weak/reserve']);
    expect(codes(batteryVerdict(battery(85, { cycleCount: 2000 })))).toEqual([]);
  });

  it('unknown health is skipped; an empty bay is not-present', () => {
    expect(batteryVerdict(battery(null)).status).toBe('skipped');
    expect(batteryVerdict(battery(90, { present: false })).status).toBe('not-present');
  });

  it('charger', () => {
    expect(chargerVerdict(null, null).status).toBe('skipped');
    expect(chargerVerdict(false, null).status).toBe('warn');
    expect(chargerVerdict(true, battery(90, { status: 'Discharging' })).status).toBe('fail');
    expect(chargerVerdict(true, battery(90, { status: 'Charging' })).status).toBe('pass');
    expect(chargerVerdict(true, null).status).toBe('pass');
  });
});
