import type { EraseResult, IoErrorRange, JobEvent } from '../../core/events.js';
import { driveVerdict } from '../../core/verdict.js';
import { alignedSlots, allocAligned } from '../io/aligned-buffer.js';
import type { BlockDevice } from '../io/block-device.js';
import { DeviceSyncError } from '../io/errors.js';
import type { PatternSource } from '../patterns/pattern-source.js';
import { describePattern, type PlannedPass, patternSource } from '../plan/resolve-passes.js';
import { type ByteRange, mergeRanges, nistSamplePlan } from '../verify/sample-plan.js';
import { type ChunkIoOptions, readChunk, writeChunk } from './chunk-writer.js';
import { ProgressMeter } from './progress-meter.js';
import { SlotFiller } from './slot-filler.js';
import { StalledError, withDeadline } from './with-deadline.js';

export interface OverwriteJobSpec {
  jobId: string;
  device: string;
  passes: PlannedPass[];
  /** Seeds the NIST sampling positions (kept in the job so anyone can re-read the same samples). */
  verifySeed: string;
  /** Continue an interrupted job: passes before `pass` are done, `pass` is done up to `offset`. */
  resumeFrom?: { pass: number; offset: number } | null;
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
  /** No answer from the drive for this long fails the job. */
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

export interface VerificationSummary {
  /** none, sample (NIST sampling of the last pass), full-last, full-all, or mixed. */
  mode: string;
  passesVerified: number;
  bytesRead: number;
  /** Fraction of the device read back for the last verified pass. */
  coverage: number;
  mismatchedBytes: number;
  passed: boolean | null;
}

export interface OverwriteOutcome {
  result: EraseResult;
  errors: IoErrorRange[];
  sizeBytes: number;
  bytesWritten: number;
  passesCompleted: number;
  verification: VerificationSummary;
  startedAt: string;
  endedAt: string;
  seconds: number;
}

/** Writes every pass, verifies what the plan asks, and ends with a result: never ERASED with an error recorded. */
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
  const verification: VerificationSummary = {
    mode: verificationMode(spec.passes),
    passesVerified: 0,
    bytesRead: 0,
    coverage: 0,
    mismatchedBytes: 0,
    passed: null,
  };
  const device = await deps.openDevice(spec.device);
  // One slot per write in flight, plus the one being generated.
  const slotCount = tuning.queueDepth + 1;
  const slots = alignedSlots(allocAligned(slotCount * tuning.chunkBytes), tuning.chunkBytes, slotCount);
  const filler = new SlotFiller(slots);
  let bytesWritten = 0;
  let passesCompleted = spec.resumeFrom?.pass ?? 0;
  let aborted = false;
  const resume = spec.resumeFrom ?? { pass: 0, offset: 0 };
  deps.emit({
    ...base(),
    type: 'job-started',
    method: spec.passes.map((p) => describePattern(p.pattern)).join(' / '),
    passes: spec.passes.length,
    sizeBytes: device.sizeBytes,
    resumed: spec.resumeFrom != null,
  });
  try {
    for (let pass = resume.pass; pass < spec.passes.length && !aborted; pass++) {
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
      deps.emit({
        ...base(),
        type: 'pass-started',
        pass: pass + 1,
        passes: spec.passes.length,
        pattern: describePattern(planned.pattern),
        fromOffset: from,
      });
      const meter = new ProgressMeter(now, tuning.progressMs);
      const inflight: Promise<number>[] = [];
      const drain = () => Promise.all(inflight.splice(0));
      let lastCheckpoint = now();
      let offset = from;
      for (let i = 0; offset < device.sizeBytes; i++) {
        if (deps.signal?.aborted) {
          aborted = true;
          break;
        }
        const length = Math.min(tuning.chunkBytes, device.sizeBytes - offset);
        // Generate before waiting: the slot reused here held chunk i - slotCount, whose write was awaited one turn
        // ago, so the chunk is ready the moment the oldest write returns and the drive's queue stays full.
        const buf = filler.fill(i % slotCount, source, offset, length);
        if (inflight.length >= tuning.queueDepth) await inflight.shift();
        const write = writeChunk(device, buf, offset, io);
        // A stall rejects while older writes are awaited; it is rethrown when its own turn comes.
        write.catch(() => {});
        inflight.push(write);
        offset += length;
        bytesWritten += length;
        if (now() - lastCheckpoint >= tuning.checkpointMs) {
          await drain();
          await flush(device, tuning.stallMs, pass + 1, offset, onError);
          await deps.checkpoint(pass, offset);
          deps.emit({ ...base(), type: 'checkpoint', pass: pass + 1, offset });
          lastCheckpoint = now();
        }
        if (meter.update(offset))
          emitProgress(deps, base, meter, 'write', pass, spec.passes.length, offset, device.sizeBytes);
      }
      await drain();
      await flush(device, tuning.stallMs, pass + 1, offset, onError);
      await deps.checkpoint(pass, offset);
      if (aborted) break;
      deps.emit({
        ...base(),
        type: 'pass-finished',
        pass: pass + 1,
        bytesWritten: device.sizeBytes - from,
        seconds: (now() - passStart) / 1000,
      });
      if (planned.verify !== 'none') {
        const ranges =
          planned.verify === 'full'
            ? [{ offset: 0, length: device.sizeBytes }]
            : nistSamplePlan(device.sizeBytes, samplingUnit(device), `${spec.verifySeed}:${pass}`).ranges;
        const outcome = await verifyRanges(device, source, ranges, {
          io,
          // Writing is over when verification runs: the second write slot holds the expected pattern.
          expected: slots[1] as Buffer,
          slots,
          chunkBytes: tuning.chunkBytes,
          onProgress: (done, total, meterForVerify) =>
            emitProgress(deps, base, meterForVerify, 'verify', pass, spec.passes.length, done, total),
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
        verification.passesVerified++;
        verification.bytesRead += outcome.bytesRead;
        verification.mismatchedBytes += outcome.mismatchedBytes;
        verification.coverage = outcome.bytesRead / device.sizeBytes;
        const passed = outcome.mismatchedBytes === 0 && outcome.readErrors === 0 && !outcome.aborted;
        verification.passed = (verification.passed ?? true) && passed;
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
      }
      passesCompleted = pass + 1;
      // The next resume point is the start of the next pass (this one is written and verified).
      await deps.checkpoint(pass + 1, 0);
    }
  } catch (error) {
    if (!(error instanceof StalledError)) throw error;
    onError({
      operation: 'stall',
      pass: passesCompleted + 1,
      offset: 0,
      length: 0,
      code: 'STALLED',
      message: error.message,
    });
  } finally {
    // A stalled drive may never answer close(): do not wait for it.
    if (!errors.some((e) => e.code === 'STALLED')) await device.close();
  }
  const result: EraseResult = driveVerdict({
    stopped: aborted,
    errorCount: errors.length,
    verificationPassed: verification.passed,
  });
  const ended = now();
  deps.emit({ ...base(), type: 'job-finished', result, seconds: (ended - started) / 1000 });
  return {
    result,
    errors: coalesce(errors),
    sizeBytes: device.sizeBytes,
    bytesWritten,
    passesCompleted,
    verification,
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(ended).toISOString(),
    seconds: (ended - started) / 1000,
  };
}

interface VerifyContext {
  io: ChunkIoOptions;
  expected: Buffer;
  slots: Buffer[];
  chunkBytes: number;
  onStart(total: number): void;
  onProgress(done: number, total: number, meter: ProgressMeter): void;
  now: () => number;
  progressMs: number;
  signal: AbortSignal | undefined;
}

/**
 * Reads the ranges back with O_DIRECT (the medium, not the page cache) and compares them with the regenerated
 * pattern. Mismatches are recorded per contiguous run of differing sectors.
 */
export async function verifyRanges(
  device: BlockDevice,
  source: PatternSource,
  ranges: readonly ByteRange[],
  ctx: VerifyContext,
): Promise<{ bytesRead: number; mismatchedBytes: number; readErrors: number; aborted: boolean }> {
  const total = ranges.reduce((sum, r) => sum + r.length, 0);
  ctx.onStart(total);
  const meter = new ProgressMeter(ctx.now, ctx.progressMs);
  let bytesRead = 0;
  let mismatchedBytes = 0;
  let readErrors = 0;
  const sector = device.logicalSectorSize;
  for (const range of ranges) {
    for (let at = range.offset; at < range.offset + range.length; at += ctx.chunkBytes) {
      if (ctx.signal?.aborted) return { bytesRead, mismatchedBytes, readErrors, aborted: true };
      const length = Math.min(ctx.chunkBytes, range.offset + range.length - at);
      const actual = (ctx.slots[0] as Buffer).subarray(0, length);
      const reading = readChunk(device, actual, at, ctx.io);
      const expected = ctx.expected.subarray(0, length);
      source.fill(expected, at);
      if (!(await reading)) {
        readErrors++;
        continue;
      }
      bytesRead += length;
      if (!actual.equals(expected)) {
        for (const bad of differingRuns(actual, expected, sector)) {
          mismatchedBytes += bad.length;
          ctx.io.onError({
            operation: 'verify',
            pass: ctx.io.pass,
            offset: at + bad.offset,
            length: bad.length,
            code: 'MISMATCH',
            message: `data on the medium differs from the pass pattern at byte ${at + bad.offset}`,
          });
        }
      }
      if (meter.update(bytesRead)) ctx.onProgress(bytesRead, total, meter);
    }
  }
  return { bytesRead, mismatchedBytes, readErrors, aborted: false };
}

function differingRuns(actual: Buffer, expected: Buffer, sector: number): ByteRange[] {
  const runs: ByteRange[] = [];
  for (let at = 0; at < actual.length; at += sector) {
    const end = Math.min(at + sector, actual.length);
    if (actual.compare(expected, at, end, at, end) !== 0) runs.push({ offset: at, length: end - at });
  }
  return mergeRanges(runs);
}

async function flush(
  device: BlockDevice,
  stallMs: number,
  pass: number,
  offset: number,
  onError: (e: IoErrorRange) => void,
): Promise<void> {
  try {
    await withDeadline(device.flush(), stallMs);
  } catch (error) {
    if (!(error instanceof DeviceSyncError)) throw error;
    onError({ operation: 'sync', pass, offset, length: 0, code: 'EIO', message: error.message });
  }
}

function emitProgress(
  deps: OverwriteDeps,
  base: () => { jobId: string; device: string; at: string },
  meter: ProgressMeter,
  phase: 'write' | 'verify',
  pass: number,
  passes: number,
  done: number,
  total: number,
): void {
  deps.emit({
    ...base(),
    type: 'progress',
    phase,
    pass: pass + 1,
    passes,
    bytesDone: done,
    bytesTotal: total,
    rate: Math.round(meter.rate()),
    etaSeconds: meter.eta(total - done),
  });
}

/** Sampling positions are page-aligned when the device allows, so O_DIRECT reads of any sector size work. */
function samplingUnit(device: BlockDevice): number {
  return device.sizeBytes % 4096 === 0 ? Math.max(4096, device.logicalSectorSize) : device.logicalSectorSize;
}

function verificationMode(passes: readonly PlannedPass[]): string {
  const modes = passes.map((p) => p.verify);
  if (modes.every((m) => m === 'none')) return 'none';
  if (modes.every((m) => m === 'full')) return 'full-all';
  const last = modes[modes.length - 1];
  if (modes.slice(0, -1).every((m) => m === 'none')) return last === 'full' ? 'full-last' : 'sample';
  return 'mixed';
}

/** Adjacent ranges of the same kind and pass become one line in the record. */
function coalesce(errors: IoErrorRange[]): IoErrorRange[] {
  const out: IoErrorRange[] = [];
  for (const e of errors) {
    const last = out[out.length - 1];
    if (
      last &&
      last.operation === e.operation &&
      last.pass === e.pass &&
      last.code === e.code &&
      last.offset + last.length === e.offset
    ) {
      last.length += e.length;
    } else {
      out.push({ ...e });
    }
  }
  return out;
}
