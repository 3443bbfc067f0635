import type { IoErrorRange } from '../../core/events.js';
import { verifyRanges } from '../engine/overwrite-job.js';
import { alignedSlots, allocAligned } from '../io/aligned-buffer.js';
import type { BlockDevice } from '../io/block-device.js';
import { patternSource } from '../plan/resolve-passes.js';
import type { JobPlan } from './job-store.js';

export interface ReverifyOutcome {
  bytesRead: number;
  mismatchedBytes: number;
  errors: IoErrorRange[];
  passed: boolean;
}

const CHUNK = 4 << 20;

/** Reads the whole device back (O_DIRECT: the medium, not the cache) and compares it with the job's last pass. */
export async function reverifyLastPass(device: BlockDevice, plan: JobPlan): Promise<ReverifyOutcome> {
  const last = plan.passes[plan.passes.length - 1];
  if (!last) throw new RangeError('the job has no pass to verify');
  const errors: IoErrorRange[] = [];
  const outcome = await verifyRanges(
    device,
    patternSource(last.pattern),
    [{ offset: 0, length: device.sizeBytes }],
    {
      io: { retries: 3, stallMs: 120_000, pass: plan.passes.length, onError: (e) => errors.push(e) },
      expected: allocAligned(CHUNK),
      slots: alignedSlots(allocAligned(CHUNK), CHUNK, 1),
      chunkBytes: CHUNK,
      onStart: () => {},
      onProgress: () => {},
      now: Date.now,
      progressMs: 1000,
      signal: undefined,
    },
  );
  return {
    bytesRead: outcome.bytesRead,
    mismatchedBytes: outcome.mismatchedBytes,
    errors,
    passed: errors.length === 0 && outcome.mismatchedBytes === 0,
  };
}
