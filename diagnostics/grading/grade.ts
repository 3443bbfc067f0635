/**
 * Grading (diagnostics.md §3): three independent outputs — functional status, cosmetic grade, performance
 * category — plus the resale price cap for devices given by public bodies. Pure; thresholds in rules-v1.
 */
import { type Reason, reason, type TestResult } from '../types.js';
import { type GradingRules, rulesV1 } from './rules-v1.js';

export type FormFactor = 'laptop' | 'desktop' | 'tablet';
export type Cosmetic = 'A' | 'B' | 'C' | 'D';
export type Category = 'A' | 'B' | 'C' | 'D';
export type FunctionalStatus = 'pass' | 'pass-with-reservations' | 'incomplete' | 'fail';

export interface GradeInput {
  tests: TestResult[];
  formFactor: FormFactor | null;
  ramBytes: number | null;
  /** stress-ng cpu bogo-ops/s; null when the CPU test did not run. */
  cpuScore: number | null;
  drives: { kind: 'ssd' | 'nvme' | 'hdd' | 'unknown'; sizeBytes: number }[];
  publicDonor: boolean;
}

export interface Grade {
  rules: string;
  functional: {
    /**
     * `incomplete`: nothing failed, but some functions were not (fully) tested, so the machine cannot be called
     * working (R.122-4: "tests portant sur toutes ses fonctionnalités"); `untested` lists them. A failure
     * outranks it: `fail` with a non-empty `untested` still says what was not tested.
     */
    status: FunctionalStatus;
    /** A FAIL fixable by a part swap or cleaning ("À réparer") rather than unsellable. */
    repairable: boolean;
    /** A password or lock must be cleared before anything else. */
    blocked: boolean;
    reasons: (Reason & { test: string })[];
    /** Tests skipped or cut short: the report must say these functions were not (fully) tested. */
    untested: string[];
    /** Every test ran to its end (R.122-4: "tests portant sur toutes ses fonctionnalités"). */
    complete: boolean;
    /** Every FAIL is countersigned by a supervisor (diagnostics.md §3). */
    supervisorCountersign: boolean;
  };
  cosmetic: Cosmetic | null;
  performance: {
    category: Category | null;
    ramTier: number | null;
    cpuTier: number | null;
    diskTier: number | null;
    partial: boolean;
  };
  /** Maximum resale price TTC in euros; null when the donor is not public or the form factor is unknown. */
  priceCapEuros: number | null;
}

export function grade(input: GradeInput, rules: GradingRules = rulesV1): Grade {
  const reasons = input.tests.flatMap((t) =>
    t.reasons.filter((r) => r.severity !== 'info').map((r) => ({ ...r, test: testLabel(t) })),
  );
  // What the machine lacks is "not-present", never a fail: it becomes a finding only where policy requires the part.
  const battery = input.tests.filter((t) => t.name === 'battery');
  if (
    input.formFactor === 'laptop' &&
    battery.length > 0 &&
    battery.every((t) => t.status === 'not-present')
  ) {
    reasons.push({
      ...reason(
        'battery-missing',
        'repair',
        'Portable sans batterie : une batterie fonctionnelle est exigée.',
        'Laptop without a battery: a working battery is required.',
      ),
      test: 'battery',
    });
  }
  const hardFail = reasons.some((r) => r.severity === 'fail');
  const repair = reasons.some((r) => r.severity === 'repair');
  const blocked = reasons.some((r) => r.severity === 'blocking');
  const untested = input.tests.filter(isUntested).map(testLabel);
  const status: FunctionalStatus =
    hardFail || repair || blocked
      ? 'fail'
      : untested.length > 0
        ? 'incomplete'
        : reasons.length > 0
          ? 'pass-with-reservations'
          : 'pass';
  return {
    rules: rules.version,
    functional: {
      status,
      repairable: status === 'fail' && !hardFail,
      blocked,
      reasons,
      untested,
      complete: untested.length === 0,
      supervisorCountersign: status === 'fail',
    },
    cosmetic: cosmeticGrade(input.tests),
    performance: performance(input, rules),
    priceCapEuros: priceCap(input, rules),
  };
}

/** A test that did not run, or not long enough to count (a 5 s stress run): its function is not tested. */
export function isUntested(test: TestResult): boolean {
  return test.status === 'skipped' || test.reasons.some((r) => r.code.endsWith('-too-short'));
}

/** `name`, or `name:subject` when the test is about one of several devices (the report's test label). */
export function testLabel(test: Pick<TestResult, 'name' | 'subject'>): string {
  return test.subject ? `${test.name}:${test.subject}` : test.name;
}

/** The worst cosmetic grade any guided answer gave (overall wear, dead pixels). */
export function cosmeticGrade(tests: TestResult[]): Cosmetic | null {
  const grades = tests
    .map((t) => t.values.cosmeticGrade)
    .filter((g): g is Cosmetic => g === 'A' || g === 'B' || g === 'C' || g === 'D');
  // Letters sort from best (A) to worst (D).
  return [...grades].sort().at(-1) ?? null;
}

/** Number of thresholds reached: 0 below the first, up to thresholds.length. */
export function tier(value: number, thresholds: readonly number[]): number {
  return thresholds.filter((t) => value >= t).length;
}

const GB = 1e9;
const GIB = 1024 ** 3;

function performance(input: GradeInput, rules: GradingRules): Grade['performance'] {
  const p = rules.performance;
  // Installed RAM is reported a little under its nominal size (firmware reservations): round to whole GiB.
  const ramTier = input.ramBytes === null ? null : tier(Math.round(input.ramBytes / GIB), p.ramGb.value);
  const cpuTier = input.cpuScore === null ? null : tier(input.cpuScore, p.cpuBogoOps.value);
  const system = [...input.drives].sort((a, b) => b.sizeBytes - a.sizeBytes)[0];
  let diskTier: number | null = null;
  const hdd = system?.kind === 'hdd';
  if (system && system.kind !== 'unknown') {
    const gb = system.sizeBytes / GB;
    diskTier = hdd
      ? tier(gb, p.hddGb.value)
      : Math.min(4, tier(gb, p.ssdGb.value) + (system.kind === 'nvme' ? 1 : 0));
  }
  const known = [ramTier, cpuTier, diskTier].filter((t): t is number => t !== null);
  if (known.length === 0) return { category: null, ramTier, cpuTier, diskTier, partial: true };
  // Harmonic mean (as eReuse's rate): one weak component drags the whole machine down.
  const mean = known.length / known.reduce((sum, t) => sum + 1 / (t + 1), 0) - 1;
  let category: Category = mean >= 3.5 ? 'A' : mean >= 2.5 ? 'B' : mean >= 1.5 ? 'C' : 'D';
  if (hdd && category === 'A') category = 'B';
  return { category, ramTier, cpuTier, diskTier, partial: known.length < 3 };
}

function priceCap(input: GradeInput, rules: GradingRules): number | null {
  if (!input.publicDonor || input.formFactor === null) return null;
  return rules.publicDonationCapEuros[input.formFactor].value;
}

/** SMBIOS chassis type (dmidecode wording or /sys/class/dmi/id/chassis_type number) → form factor. */
export function formFactorOf(chassis: string | null): FormFactor | null {
  if (chassis === null) return null;
  const n = Number(chassis);
  const name = Number.isInteger(n) ? (CHASSIS_NAMES[n] ?? '') : chassis;
  if (/notebook|laptop|portable|sub notebook|convertible|detachable|hand held/i.test(name)) return 'laptop';
  if (/tablet/i.test(name)) return 'tablet';
  if (/desktop|tower|all in one|mini pc|space-saving|pizza box|lunch box|stick pc/i.test(name))
    return 'desktop';
  return null;
}

/** SMBIOS 3.x chassis type codes (DSP0134 7.4.1) that matter for the form factor. */
const CHASSIS_NAMES: Record<number, string> = {
  3: 'Desktop',
  4: 'Low Profile Desktop',
  5: 'Pizza Box',
  6: 'Mini Tower',
  7: 'Tower',
  8: 'Portable',
  9: 'Laptop',
  10: 'Notebook',
  11: 'Hand Held',
  13: 'All In One',
  14: 'Sub Notebook',
  15: 'Space-saving',
  16: 'Lunch Box',
  30: 'Tablet',
  31: 'Convertible',
  32: 'Detachable',
  35: 'Mini PC',
  36: 'Stick PC',
};
