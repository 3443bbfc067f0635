import { describe, expect, it } from 'vitest';
import { formFactorOf, type GradeInput, grade, tier } from '../../../diagnostics/grading/grade.js';
import { rulesV1 } from '../../../diagnostics/grading/rules-v1.js';
import { reason, type Severity, type TestResult, type TestStatus } from '../../../diagnostics/types.js';

const GIB = 1024 ** 3;
const test = (
  name: string,
  status: TestStatus,
  severities: Severity[] = [],
  values: Record<string, unknown> = {},
): TestResult => ({
  name,
  kind: 'auto',
  status,
  reasons: severities.map((s) => reason(`${name}-${s}`, s, 'fr', 'en')),
  values,
  durationMs: 0,
});
const input = (over: Partial<GradeInput> = {}): GradeInput => ({
  tests: [test('smart', 'pass')],
  formFactor: 'laptop',
  ramBytes: 8 * GIB,
  cpuScore: 1000,
  drives: [{ kind: 'ssd', sizeBytes: 256e9 }],
  publicDonor: false,
  ...over,
});

describe('functional status', () => {
  it('no finding → pass', () =>
    expect(grade(input()).functional).toMatchObject({
      status: 'pass',
      reasons: [],
      supervisorCountersign: false,
    }));
  it('a reserve → pass with reservations, each listed', () => {
    const g = grade(input({ tests: [test('webcam', 'warn', ['reserve']), test('smart', 'pass')] }));
    expect(g.functional.status).toBe('pass-with-reservations');
    expect(g.functional.reasons.map((r) => r.test)).toEqual(['webcam']);
  });
  it('repair → fail, repairable, countersigned', () => {
    expect(grade(input({ tests: [test('battery', 'fail', ['repair'])] })).functional).toMatchObject({
      status: 'fail',
      repairable: true,
      supervisorCountersign: true,
    });
  });
  it('fail → fail, not repairable', () => {
    expect(grade(input({ tests: [test('smart', 'fail', ['fail', 'repair'])] })).functional).toMatchObject({
      status: 'fail',
      repairable: false,
    });
  });
  it('a BIOS password blocks', () => {
    expect(grade(input({ tests: [test('locks', 'fail', ['blocking'])] })).functional).toMatchObject({
      status: 'fail',
      blocked: true,
    });
  });
  it('info reasons never grade; skipped and too-short tests are listed as untested: incomplete, not pass', () => {
    const t = test('cpu', 'pass', ['info']);
    t.reasons[0] = reason('cpu-too-short', 'info', 'fr', 'en');
    const g = grade(input({ tests: [t, test('keyboard', 'skipped')] }));
    expect(g.functional.status).toBe('incomplete');
    expect(g.functional.untested).toEqual(['cpu', 'keyboard']);
    expect(g.functional.complete).toBe(false);
    expect(grade(input({ tests: [test('cpu', 'pass', ['info'])] })).functional.status).toBe('pass');
  });
  it('incomplete outranks reservations; a failure outranks incomplete and still lists the untested', () => {
    const skipped = test('keyboard', 'skipped');
    expect(grade(input({ tests: [test('webcam', 'warn', ['reserve']), skipped] })).functional.status).toBe(
      'incomplete',
    );
    expect(grade(input({ tests: [test('battery', 'fail', ['repair']), skipped] })).functional).toMatchObject({
      status: 'fail',
      untested: ['keyboard'],
    });
  });
  it('not-present is neutral, except a laptop without battery (public rule: a working battery)', () => {
    expect(
      grade(input({ tests: [test('webcam', 'not-present'), test('audio', 'not-present')] })).functional
        .status,
    ).toBe('pass');
    expect(
      grade(input({ formFactor: 'desktop', tests: [test('battery', 'not-present')] })).functional.status,
    ).toBe('pass');
    const laptop = grade(input({ tests: [test('battery', 'not-present')] })).functional;
    expect(laptop).toMatchObject({ status: 'fail', repairable: true });
    expect(laptop.reasons[0]?.code).toBe('battery-missing');
  });
});

describe('cosmetic grade', () => {
  it('null when nobody answered; the worst answer wins', () => {
    expect(grade(input()).cosmetic).toBeNull();
    const tests = [
      test('cosmetic', 'pass', [], { cosmeticGrade: 'A' }),
      test('dead-pixels', 'warn', [], { cosmeticGrade: 'B' }),
    ];
    expect(grade(input({ tests })).cosmetic).toBe('B');
  });
});

describe('performance category', () => {
  it('tier boundaries', () => {
    expect(tier(3.99, [4, 5, 8, 16])).toBe(0);
    expect(tier(4, [4, 5, 8, 16])).toBe(1);
    expect(tier(16, [4, 5, 8, 16])).toBe(4);
  });
  it.each([
    [16, 2500, 500e9, 'ssd', 'A'],
    [8, 800, 200e9, 'ssd', 'B'],
    [5, 800, 128e9, 'ssd', 'C'],
    [4, 400, 64e9, 'ssd', 'D'],
    [2, 100, 32e9, 'ssd', 'D'],
    [16, 2500, 500e9, 'hdd', 'B'],
  ] as const)('%i GB RAM, cpu %i, %d bytes %s → %s', (ram, cpu, size, kind, category) => {
    expect(
      grade(input({ ramBytes: ram * GIB, cpuScore: cpu, drives: [{ kind, sizeBytes: size }] })).performance
        .category,
    ).toBe(category);
  });
  it('NVMe adds one disk tier; a missing CPU score makes the category partial', () => {
    const nvme = grade(input({ drives: [{ kind: 'nvme', sizeBytes: 128e9 }] })).performance;
    expect(nvme.diskTier).toBe(3);
    expect(grade(input({ cpuScore: null })).performance).toMatchObject({ cpuTier: null, partial: true });
  });
  it('RAM a little under nominal still counts as nominal', () => {
    expect(grade(input({ ramBytes: 7.7 * GIB })).performance.ramTier).toBe(3);
  });
});

describe('public-donation price cap', () => {
  it('laptop €180, desktop €150, none for private donors or unknown form factor', () => {
    expect(grade(input({ publicDonor: true })).priceCapEuros).toBe(180);
    expect(grade(input({ publicDonor: true, formFactor: 'desktop' })).priceCapEuros).toBe(150);
    expect(grade(input({ publicDonor: false })).priceCapEuros).toBeNull();
    expect(grade(input({ publicDonor: true, formFactor: null })).priceCapEuros).toBeNull();
  });
  it('every threshold names its source', () => {
    const walk = (o: unknown): void => {
      if (typeof o !== 'object' || o === null) return;
      if ('value' in o) expect((o as unknown as { source: string }).source.length).toBeGreaterThan(5);
      else for (const v of Object.values(o)) walk(v);
    };
    walk(rulesV1);
  });
});

describe('form factor from the chassis type', () => {
  it.each([
    ['Notebook', 'laptop'],
    ['10', 'laptop'],
    ['Convertible', 'laptop'],
    ['Desktop', 'desktop'],
    ['Mini Tower', 'desktop'],
    ['3', 'desktop'],
    ['Tablet', 'tablet'],
    ['Rack Mount Chassis', null],
    ['1', null],
  ])('%s → %s', (chassis, expected) => expect(formFactorOf(chassis)).toBe(expected));
});
