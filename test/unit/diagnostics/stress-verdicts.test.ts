import { describe, expect, it } from 'vitest';
import { parseMemtester } from '../../../core/tools/memtester/memtester.js';
import { stressNgOutcome } from '../../../core/tools/stress-ng/stress-ng.js';
import { cpuVerdict, memtesterVerdict } from '../../../diagnostics/checks/stress-verdicts.js';

const FIVE_MIN = 5 * 60_000;

describe('memtester verdict (exit bitmask, memtester.8)', () => {
  it.each([
    [0, 'pass'],
    [1, 'skipped'],
    [2, 'fail'],
    [4, 'fail'],
    [6, 'fail'],
    [3, 'fail'],
  ])('exit %i → %s', (code, status) => {
    expect(memtesterVerdict(parseMemtester(code, ''), false).status).toBe(status);
  });

  it('a run cut by its time box passes but says it was short', () => {
    const v = memtesterVerdict(parseMemtester(null, ''), true);
    expect(v.status).toBe('pass');
    expect(v.reasons.map((r) => r.code)).toEqual(['ram-too-short']);
  });

  it('names the failing test from stdout', () => {
    // HAND-WRITTEN: no real failing memtester output in the corpus; format per memtester's tests.c printf.
    const out =
      '  Stuck Address       : testing   0FAILURE: possible bad address line at offset 0x00001000.\n  Random Value        : ok\n';
    const parsed = parseMemtester(2, out);
    expect(parsed.failedTests).toEqual(['Stuck Address']);
    expect(parsed.passedTests).toEqual(['Random Value']);
    expect(memtesterVerdict(parsed, false).reasons[0]?.en).toMatch(/Stuck Address/);
  });
});

describe('CPU verdict (stress-ng exit status, temperatures)', () => {
  const ok = { outcome: stressNgOutcome(0), durationMs: FIVE_MIN, maxTemperatureC: 80, throttleDelta: 0 };
  it('exit 0, cool, 5 min → pass', () => expect(cpuVerdict(ok)).toEqual({ status: 'pass', reasons: [] }));
  it('exit 2 (verify failed) and 5 (killed) → fail', () => {
    expect(cpuVerdict({ ...ok, outcome: stressNgOutcome(2) }).status).toBe('fail');
    expect(cpuVerdict({ ...ok, outcome: stressNgOutcome(5) }).status).toBe('fail');
  });
  it('exit 3 (no resources) → skipped', () =>
    expect(cpuVerdict({ ...ok, outcome: stressNgOutcome(3) }).status).toBe('skipped'));
  it('95 °C is hot, 94 is not; throttling → repair', () => {
    expect(cpuVerdict({ ...ok, maxTemperatureC: 95 }).reasons.map((r) => r.code)).toEqual(['cpu-overheat']);
    expect(cpuVerdict({ ...ok, maxTemperatureC: 94 }).status).toBe('pass');
    expect(cpuVerdict({ ...ok, throttleDelta: 3 }).reasons[0]).toMatchObject({
      code: 'cpu-throttling',
      severity: 'repair',
    });
  });
  it('under 5 min is flagged as indicative only', () => {
    expect(cpuVerdict({ ...ok, durationMs: FIVE_MIN - 1 }).reasons.map((r) => r.code)).toEqual([
      'cpu-too-short',
    ]);
    expect(cpuVerdict({ ...ok, durationMs: FIVE_MIN - 1 }).status).toBe('pass');
  });
});
