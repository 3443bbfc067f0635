import { createHmac } from 'node:crypto';

export interface ByteRange {
  offset: number;
  length: number;
}

export interface SamplePlan {
  ranges: ByteRange[];
  /** Fraction of the device the ranges cover (0–1). */
  coverage: number;
  subsections: number;
  samplesPerSubsection: number;
}

/** NIST SP 800-88 Rev. 1 §4.7 sampling: ≥ 1000 subsections, ≥ 2 pseudorandom samples each, ≥ 5 % per sample. */
export const NIST_SAMPLING = { subsections: 1000, samplesPerSubsection: 2, fractionPerSample: 0.05 } as const;

/**
 * Pure and deterministic for a given seed: the same positions can be read before and after a firmware purge, and
 * re-read by anyone holding the record. Ranges are aligned to `unit` (sector or page) so O_DIRECT can read them.
 * A device too small for 1000 subsections of two samples is read in full.
 */
export function nistSamplePlan(sizeBytes: number, unit: number, seed: string): SamplePlan {
  const units = Math.floor(sizeBytes / unit);
  const { subsections, samplesPerSubsection, fractionPerSample } = NIST_SAMPLING;
  const perSubsection = Math.floor(units / subsections);
  const sampleUnits = Math.max(1, Math.ceil(perSubsection * fractionPerSample));
  if (perSubsection < samplesPerSubsection * sampleUnits * 2) {
    return {
      ranges: [{ offset: 0, length: units * unit }],
      coverage: 1,
      subsections: 1,
      samplesPerSubsection: 1,
    };
  }
  const draw = drawer(seed);
  const ranges: ByteRange[] = [
    { offset: 0, length: unit },
    { offset: (units - 1) * unit, length: unit },
  ];
  for (let s = 0; s < subsections; s++) {
    const start = s * perSubsection;
    // The last subsection takes the remainder so the whole device is in play.
    const span = s === subsections - 1 ? units - start : perSubsection;
    for (const position of twoDisjointPositions(span - sampleUnits, sampleUnits, draw)) {
      ranges.push({ offset: (start + position) * unit, length: sampleUnits * unit });
    }
  }
  const merged = mergeRanges(ranges);
  const covered = merged.reduce((sum, r) => sum + r.length, 0);
  return { ranges: merged, coverage: covered / sizeBytes, subsections, samplesPerSubsection };
}

/** Two start positions in [0, maxStart] whose samples of `length` do not overlap. */
function twoDisjointPositions(maxStart: number, length: number, draw: (bound: number) => number): number[] {
  const first = draw(maxStart + 1);
  // Draw the second among the starts that cannot overlap the first, then map it around the excluded window.
  const excludedFrom = Math.max(0, first - length + 1);
  const excludedTo = Math.min(maxStart, first + length - 1);
  const allowed = maxStart + 1 - (excludedTo - excludedFrom + 1);
  const pick = draw(allowed);
  const second = pick < excludedFrom ? pick : pick + (excludedTo - excludedFrom + 1);
  return [first, second];
}

/** Uniform integers from HMAC-SHA256(seed, counter): unpredictable to the drive, reproducible from the record. */
function drawer(seed: string): (bound: number) => number {
  let counter = 0;
  let pool: Buffer = Buffer.alloc(0);
  return (bound) => {
    if (bound <= 1) return 0;
    if (pool.length < 6) {
      pool = createHmac('sha256', seed).update(String(counter++)).digest();
    }
    const value = pool.readUIntBE(0, 6);
    pool = pool.subarray(6);
    return value % bound;
  };
}

export function mergeRanges(ranges: readonly ByteRange[]): ByteRange[] {
  const sorted = [...ranges].sort((a, b) => a.offset - b.offset);
  const out: ByteRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.offset <= last.offset + last.length) {
      last.length = Math.max(last.length, r.offset + r.length - last.offset);
    } else {
      out.push({ ...r });
    }
  }
  return out;
}
