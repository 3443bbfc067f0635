/**
 * Verification that does not trust the drive (NIST SP 800-88 §4.7; Wei et al., FAST'11: a drive reported a
 * secure erase with the data intact). Before the purge: `snapshotBeforePurge` digests NIST sample ranges.
 * After it: `verifyPurge` reads the same ranges and `judgePurge` decides:
 *  - no sample may be unchanged, unless it already held the erased pattern (noted: nothing to prove there);
 *  - 'pattern' techniques (block erase, overwrite, format): every sample holds one periodic pattern;
 *  - 'changed' techniques (crypto erase): every sample differs from before.
 * A purge that did not report success fails, whatever the data looks like.
 */
import type { IoErrorRange } from '../../core/events.js';
import type { BlockDevice } from '../io/block-device.js';
import { nistSamplePlan, type SamplePlan } from '../verify/sample-plan.js';
import type { PurgeOutcome, PurgeResultKind } from './engine.js';
import { digestRanges, type SampleDigest } from './sample-digest.js';

export interface PurgeSnapshot {
  seed: string;
  sizeBytes: number;
  coverage: number;
  samples: SampleDigest[];
  errors: IoErrorRange[];
}

export async function snapshotBeforePurge(
  device: BlockDevice,
  options: { seed: string; plan?: SamplePlan },
): Promise<PurgeSnapshot> {
  const plan = options.plan ?? nistSamplePlan(device.sizeBytes, device.logicalSectorSize, options.seed);
  const errors: IoErrorRange[] = [];
  const samples = await digestRanges(device, plan.ranges, errors);
  return { seed: options.seed, sizeBytes: device.sizeBytes, coverage: plan.coverage, samples, errors };
}

export interface PurgeVerification {
  passed: boolean;
  samples: number;
  bytesRead: number;
  coverage: number;
  /** Samples identical to before although they held data (the purge did not reach them). */
  unchanged: number;
  /** Samples that held the erased pattern before and after: they prove nothing either way. */
  alreadyErased: number;
  /** 'pattern' only: samples that are not the one device-wide pattern. */
  patternMismatches: number;
  unreadable: number;
  /** The device-wide pattern found ('pattern' techniques), e.g. "00". */
  pattern: string | null;
  /** Why it failed, in English, for the record. */
  failures: string[];
  notes: string[];
  errors: IoErrorRange[];
}

export async function verifyPurge(
  device: BlockDevice,
  before: PurgeSnapshot,
  expect: PurgeResultKind,
  outcome?: Pick<PurgeOutcome, 'status' | 'completion'>,
): Promise<PurgeVerification> {
  const errors: IoErrorRange[] = [];
  const after = await digestRanges(device, before.samples, errors);
  const verdict = judgePurge(before.samples, after, expect, outcome);
  return { ...verdict, coverage: before.coverage, errors };
}

export function judgePurge(
  before: readonly SampleDigest[],
  after: readonly SampleDigest[],
  expect: PurgeResultKind,
  outcome?: Pick<PurgeOutcome, 'status' | 'completion'>,
): Omit<PurgeVerification, 'coverage' | 'errors'> {
  const failures: string[] = [];
  const notes: string[] = [];
  if (outcome && outcome.status !== 'succeeded' && outcome.status !== 'already-running-followed') {
    failures.push(`the purge did not report success (${outcome.status})`);
  }
  if (outcome?.completion === 'unconfirmed') {
    notes.push('the drive never showed the purge running: only the samples below show it happened');
  }
  const pattern = expect === 'pattern' ? dominantPattern(after) : null;
  let unchanged = 0;
  let alreadyErased = 0;
  let patternMismatches = 0;
  let unreadable = 0;
  before.forEach((b, i) => {
    const a = after[i];
    if (!a || a.sha256 === null || b.sha256 === null) {
      unreadable++;
      return;
    }
    if (a.sha256 === b.sha256) {
      const erasedBefore = b.pattern !== null && (expect === 'changed' || b.pattern === pattern);
      if (erasedBefore) alreadyErased++;
      else unchanged++;
      return;
    }
    if (expect === 'pattern' && (a.pattern === null || a.pattern !== pattern)) patternMismatches++;
  });
  if (unchanged > 0)
    failures.push(`${unchanged} sample(s) still hold exactly the data they held before the purge`);
  if (patternMismatches > 0)
    failures.push(
      `${patternMismatches} sample(s) do not hold the erased pattern ${pattern ?? '(none found)'}`,
    );
  if (unreadable > 0) failures.push(`${unreadable} sample(s) could not be read`);
  if (alreadyErased > 0)
    notes.push(`${alreadyErased} sample(s) already held the erased pattern before the purge`);
  if (before.length > 0 && alreadyErased === before.length)
    notes.push(
      'the whole sample was blank before the purge: the data cannot show whether the drive erased anything',
    );
  return {
    passed: failures.length === 0 && before.length > 0,
    samples: before.length,
    bytesRead: after.reduce((sum, s) => sum + (s.sha256 === null ? 0 : s.length), 0),
    unchanged,
    alreadyErased,
    patternMismatches,
    unreadable,
    pattern,
    failures: before.length === 0 ? [...failures, 'no samples were taken'] : failures,
    notes,
  };
}

/** The pattern most samples hold after the purge (a drive fills with one pattern, zeros or a vendor's). */
function dominantPattern(after: readonly SampleDigest[]): string | null {
  const counts = new Map<string, number>();
  for (const s of after) if (s.pattern !== null) counts.set(s.pattern, (counts.get(s.pattern) ?? 0) + 1);
  let best: string | null = null;
  for (const [p, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = p;
  return best;
}

/**
 * Verification when nothing could be read before the purge (a locked drive, a 520-byte format): the NIST
 * samples are read after only. 'pattern' techniques must leave one device-wide pattern in every sample;
 * 'changed' (crypto) ones can only be shown readable again — the record says the before/after comparison
 * was impossible.
 */
export async function verifyPurgeAfterOnly(
  device: BlockDevice,
  options: { seed: string; plan?: SamplePlan },
  expect: PurgeResultKind,
  outcome?: Pick<PurgeOutcome, 'status' | 'completion'>,
): Promise<PurgeVerification> {
  const plan = options.plan ?? nistSamplePlan(device.sizeBytes, device.logicalSectorSize, options.seed);
  const errors: IoErrorRange[] = [];
  const after = await digestRanges(device, plan.ranges, errors);
  return { ...judgeAfterOnly(after, expect, outcome), coverage: plan.coverage, errors };
}

export function judgeAfterOnly(
  after: readonly SampleDigest[],
  expect: PurgeResultKind,
  outcome?: Pick<PurgeOutcome, 'status' | 'completion'>,
): Omit<PurgeVerification, 'coverage' | 'errors'> {
  const failures: string[] = [];
  const notes = [
    'the drive could not be read before the purge (locked or unusable format): samples were read after only',
  ];
  if (outcome && outcome.status !== 'succeeded' && outcome.status !== 'already-running-followed')
    failures.push(`the purge did not report success (${outcome.status})`);
  const unreadable = after.filter((s) => s.sha256 === null).length;
  const pattern = expect === 'pattern' ? dominantPattern(after) : null;
  const patternMismatches =
    expect === 'pattern'
      ? after.filter((s) => s.sha256 !== null && (s.pattern === null || s.pattern !== pattern)).length
      : 0;
  if (unreadable > 0) failures.push(`${unreadable} sample(s) could not be read`);
  if (patternMismatches > 0)
    failures.push(
      `${patternMismatches} sample(s) do not hold the erased pattern ${pattern ?? '(none found)'}`,
    );
  if (expect === 'changed')
    notes.push(
      'cryptographic erase: no before/after comparison was possible, only that the data is readable again',
    );
  return {
    passed: failures.length === 0 && after.length > 0,
    samples: after.length,
    bytesRead: after.reduce((sum, s) => sum + (s.sha256 === null ? 0 : s.length), 0),
    unchanged: 0,
    alreadyErased: 0,
    patternMismatches,
    unreadable,
    pattern,
    failures: after.length === 0 ? [...failures, 'no samples were taken'] : failures,
    notes,
  };
}
