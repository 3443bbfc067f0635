import { describe, expect, it } from 'vitest';
import { mergeRanges, nistSamplePlan } from '../../../../erasure/verify/sample-plan.js';

const GB = 1e9;

describe('nistSamplePlan (NIST SP 800-88 Rev. 1 §4.7)', () => {
  const size = 500 * 1024 ** 3; // a 500 GiB drive
  const plan = nistSamplePlan(size, 4096, 'seed-1');

  it('uses 1000 subsections with 2 samples each, covers ≥ 10 %, and includes the first and last blocks', () => {
    expect(plan.subsections).toBe(1000);
    expect(plan.samplesPerSubsection).toBe(2);
    expect(plan.coverage).toBeGreaterThanOrEqual(0.1);
    expect(plan.coverage).toBeLessThan(0.11);
    expect(plan.ranges[0]?.offset).toBe(0);
    const last = plan.ranges.at(-1)!;
    expect(last.offset + last.length).toBe(size);
  });

  it('places exactly two non-overlapping samples of ≥ 5 % in every subsection', () => {
    const sub = Math.floor(size / 4096 / 1000) * 4096;
    for (let s = 0; s < 999; s++) {
      const inside = plan.ranges.filter((r) => r.offset >= s * sub && r.offset + r.length <= (s + 1) * sub);
      const bytes = inside.reduce((n, r) => n + r.length, 0);
      expect(bytes).toBeGreaterThanOrEqual(2 * 0.05 * sub);
    }
    for (const r of plan.ranges) {
      expect(r.offset % 4096).toBe(0);
      expect(r.length % 4096).toBe(0);
    }
  });

  it('is reproducible from its seed and differs between seeds', () => {
    expect(nistSamplePlan(size, 4096, 'seed-1')).toEqual(plan);
    expect(nistSamplePlan(size, 4096, 'seed-2').ranges).not.toEqual(plan.ranges);
  });

  it('reads a device too small to sample in full', () => {
    expect(nistSamplePlan(4 * 1024 * 1024, 4096, 's')).toMatchObject({
      coverage: 1,
      ranges: [{ offset: 0, length: 4 * 1024 * 1024 }],
    });
  });

  it('handles a real odd size (1 TB in 512-byte sectors)', () => {
    const odd = nistSamplePlan(1 * GB * 1000 + 512, 512, 's');
    const last = odd.ranges.at(-1)!;
    expect(last.offset + last.length).toBe(1 * GB * 1000 + 512);
    expect(odd.coverage).toBeGreaterThanOrEqual(0.1);
  });
});

describe('mergeRanges', () => {
  it('merges overlapping and touching ranges', () => {
    expect(
      mergeRanges([
        { offset: 10, length: 5 },
        { offset: 0, length: 10 },
        { offset: 20, length: 1 },
      ]),
    ).toEqual([
      { offset: 0, length: 15 },
      { offset: 20, length: 1 },
    ]);
  });
});
