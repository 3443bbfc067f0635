import type { EraseResult, IoErrorRange, JobEvent } from '../../core/events.js';
import { driveVerdict } from '../../core/verdict.js';
import { alignedSlots, allocAligned } from '../io/aligned-buffer.js';
import type { BlockDevice } from '../io/block-device.js';
import { describePattern, type PlannedPass, patternSource } from '../plan/resolve-passes.js';
import type { ChunkIoOptions } from './chunk-writer.js';
import { closeWithin, sizeStillIs, sizeUnchanged } from './drive-checks.js';
import { coalesce, emptyVerification, type VerificationSummary, verificationMode } from './job-outcome.js';
import type { ProgressMeter } from './progress-meter.js';
import { SlotFiller } from './slot-filler.js';
import { addToSummary, rangesToVerify, verifyRanges } from './verify-ranges.js';
import { StalledError } from './with-deadline.js';
import { writePass } from './write-pass.js';

export type { VerificationSummary } from './job-outcome.js';
export { verifyRanges } from './verify-ranges.js';

export interface OverwriteJobSpec {
  jobId: string;
  device: string;
  passes: PlannedPass[];
  /** Seeds the NIST sampling positions (kept in the job so anyone can re-read the same samples). */
  verifySeed: string;
  /** Continue an interrupted job: passes before `pass` are done, `pass` is done up to `offset`. */
  resumeFrom?: { pass: number; offset: number } | null;
  /** The size the plan was made for: a drive that opens with another size fails before any write. */
  expectedSizeBytes?: number | null;
  /** Bytes written per pass (index 0 = pass 1) by earlier runs of this job, so the outcome counts every run. */
  carriedBytesByPass?: readonly number[];
}

export interface OverwriteTuning {
  /** Bytes per write (≥ 4 MiB keeps the drive streaming). */
  chunkBytes: number;
  /**
   * Writes kept in flight at once, so the drive's queue never runs dry between two writes. The next chunk is
   * generated while they run; 2 did as well as 3 or 4 on a disk-backed loop device and better on a tmpfs-backed
   * one (fewer slots: the chunk just generated is still in the CPU cache when the kernel copies it).
   */
  queueDepth: number;
  retries: number;
  /** No answer from the drive for this long stops the job (STALLED, resumable). */
  stallMs: number;
  checkpointMs: number;
  progressMs: number;
}

export const DEFAULT_TUNING: OverwriteTuning = {
  chunkBytes: 4 << 20,
  queueDepth: 2,
  retries: 3,
  stallMs: 120_000,
  checkpointMs: 3_000,
  progressMs: 250,
};

export interface OverwriteDeps {
  openDevice(path: string): Promise<BlockDevice>;
  emit(event: JobEvent): void;
  /** Persists the resume point; called only after the data before `offset` was flushed to the drive. */
  checkpoint(pass: number, offset: number): void | Promise<void>;
  now?: () => number;
  signal?: AbortSignal;
  tuning?: Partial<OverwriteTuning>;
}

export interface OverwriteOutcome {
  result: EraseResult;
  errors: IoErrorRange[];
  sizeBytes: number;
  /** Bytes the drive accepted, over every run of the job (failed blocks are not counted). */
  bytesWritten: number;
  // The fields below are set by the overwrite engine (a purge job's outcome has none of them).
  /** The same per pass (index 0 = pass 1), over every run of the job. */
  bytesWrittenByPass?: number[];
  /** Bytes accepted during this run only. */
  bytesWrittenThisRun?: number;
  /** The last resume point this run persisted: where a later run starts (and how its progress is counted). */
  reached?: { pass: number; offset: number };
  /** The drive stopped answering: the job is ABORTED and resumes from `reached` once the drive is back. */
  stalled?: boolean;
  passesCompleted: number;
  verification: VerificationSummary;
  startedAt: string;
  endedAt: string;
  seconds: number;
}

/**
 * Writes every pass, verifies what the plan asks, and ends with a result: never ERASED with an error recorded.
 * A drive that stops answering ends the job as ABORTED with a STALLED error (resumable from its last
 * checkpoint); a drive whose size changes fails it.
 */
export async function runOverwriteJob(
  spec: OverwriteJobSpec,
  deps: OverwriteDeps,
): Promise<OverwriteOutcome> {
  const tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const now = deps.now ?? Date.now;
  const started = now();
  const errors: IoErrorRange[] = [];
  const base = () => ({ jobId: spec.jobId, device: spec.device, at: new Date(now()).toISOString() });
  const onError = (error: IoErrorRange) => {
    errors.push(error);
    deps.emit({ ...base(), type: 'io-error', error });
  };
  const verification = emptyVerification(verificationMode(spec.passes));
  const device = await deps.openDevice(spec.device);
  const byPass = spec.passes.map((_, i) => spec.carriedBytesByPass?.[i] ?? 0);
  let thisRun = 0;
  const resume = spec.resumeFrom ?? { pass: 0, offset: 0 };
  let reached = { ...resume };
  const checkpoint = async (pass: number, offset: number) => {
    await deps.checkpoint(pass, offset);
    reached = { pass, offset };
  };
  let passesCompleted = resume.pass;
  let aborted = false;
  let stalled = false;
  let sizeChanged = false;
  deps.emit({
    ...base(),
    type: 'job-started',
    method: spec.passes.map((p) => describePattern(p.pattern)).join(' / '),
    passes: spec.passes.length,
    sizeBytes: device.sizeBytes,
    resumed: spec.resumeFrom != null,
  });
  try {
    const expected = spec.expectedSizeBytes ?? device.sizeBytes;
    sizeChanged = !sizeUnchanged(expected, device.sizeBytes, resume.pass + 1, onError);
    // One slot per write in flight, plus the one being generated.
    const slotCount = tuning.queueDepth + 1;
    const slots = alignedSlots(allocAligned(slotCount * tuning.chunkBytes), tuning.chunkBytes, slotCount);
    const filler = new SlotFiller(slots);
    for (let pass = resume.pass; pass < spec.passes.length && !aborted && !sizeChanged; pass++) {
      const planned = spec.passes[pass] as PlannedPass;
      const source = patternSource(planned.pattern);
      const io: ChunkIoOptions = {
        retries: tuning.retries,
        stallMs: tuning.stallMs,
        pass: pass + 1,
        onError,
      };
      const from = pass === resume.pass ? resume.offset : 0;
      const passStart = now();
      const progress = (meter: ProgressMeter, phase: 'write' | 'verify', done: number, total: number) =>
        deps.emit({
          ...base(),
          type: 'progress',
          phase,
          pass: pass + 1,
          passes: spec.passes.length,
          bytesDone: done,
          bytesTotal: total,
          rate: Math.round(meter.rate()),
          etaSeconds: meter.eta(total - done),
        });
      deps.emit({
        ...base(),
        type: 'pass-started',
        pass: pass + 1,
        passes: spec.passes.length,
        pattern: describePattern(planned.pattern),
        fromOffset: from,
      });
      const written = await writePass(
        {
          device,
          source,
          filler,
          slotCount,
          chunkBytes: tuning.chunkBytes,
          queueDepth: tuning.queueDepth,
          checkpointMs: tuning.checkpointMs,
          progressMs: tuning.progressMs,
          io,
          now,
          signal: deps.signal,
          checkpoint: async (offset) => {
            await checkpoint(pass, offset);
            if (offset < device.sizeBytes)
              deps.emit({ ...base(), type: 'checkpoint', pass: pass + 1, offset });
          },
          onProgress: (meter, offset) => progress(meter, 'write', offset, device.sizeBytes),
          onWritten: (bytes) => {
            byPass[pass] = (byPass[pass] ?? 0) + bytes;
            thisRun += bytes;
          },
        },
        from,
      );
      if (written.aborted) {
        aborted = true;
        break;
      }
      sizeChanged = !(await sizeStillIs(device, tuning.stallMs, pass + 1, onError));
      if (sizeChanged) break;
      deps.emit({
        ...base(),
        type: 'pass-finished',
        pass: pass + 1,
        bytesWritten: byPass[pass] ?? 0,
        seconds: (now() - passStart) / 1000,
      });
      if (planned.verify !== 'none') {
        const ranges = rangesToVerify(device, planned.verify, `${spec.verifySeed}:${pass}`);
        const outcome = await verifyRanges(device, source, ranges, {
          io,
          // Writing is over when verification runs: the second write slot holds the expected pattern.
          expected: slots[1] as Buffer,
          slots,
          chunkBytes: tuning.chunkBytes,
          onProgress: (done, total, meter) => progress(meter, 'verify', done, total),
          onStart: (total) =>
            deps.emit({
              ...base(),
              type: 'verify-started',
              pass: pass + 1,
              mode: planned.verify,
              bytesToRead: total,
            }),
          now,
          progressMs: tuning.progressMs,
          signal: deps.signal,
        });
        filler.forget();
        const passed = addToSummary(verification, outcome, device.sizeBytes);
        deps.emit({
          ...base(),
          type: 'verify-finished',
          pass: pass + 1,
          bytesRead: outcome.bytesRead,
          mismatches: outcome.mismatchedBytes,
          passed,
        });
        if (outcome.aborted) {
          aborted = true;
          break;
        }
        sizeChanged = !(await sizeStillIs(device, tuning.stallMs, pass + 1, onError));
        if (sizeChanged) break;
      }
      passesCompleted = pass + 1;
      // The next resume point is the start of the next pass (this one is written and verified).
      await checkpoint(pass + 1, 0);
    }
  } catch (error) {
    if (!(error instanceof StalledError)) throw error;
    stalled = true;
    onError({
      operation: 'stall',
      pass: Math.min(passesCompleted + 1, spec.passes.length),
      offset: reached.pass === passesCompleted ? reached.offset : 0,
      length: 0,
      code: 'STALLED',
      message: error.message,
    });
  } finally {
    // A stalled drive may never answer close(): do not wait for it (its engine process is abandoned). A close
    // that hangs after a clean end does not change what was written and confirmed: give up on it the same way.
    if (!stalled) await closeWithin(device, tuning.stallMs);
  }
  const result: EraseResult = driveVerdict({
    // A stalled drive stops its job like Ctrl-C does: resumable from the last point the drive confirmed.
    stopped: aborted || stalled,
    errorCount: errors.length,
    verificationPassed: verification.passed,
  });
  const ended = now();
  deps.emit({ ...base(), type: 'job-finished', result, seconds: (ended - started) / 1000 });
  return {
    result,
    errors: coalesce(errors),
    sizeBytes: device.sizeBytes,
    bytesWritten: byPass.reduce((sum, n) => sum + n, 0),
    bytesWrittenByPass: byPass,
    bytesWrittenThisRun: thisRun,
    reached,
    stalled,
    passesCompleted,
    verification,
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(ended).toISOString(),
    seconds: (ended - started) / 1000,
  };
}
