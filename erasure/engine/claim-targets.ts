import { DeviceNotFoundError, NeedsRootError } from '../../core/errors.js';
import type { BlockDevice } from '../io/block-device.js';
import { DeviceBusyError, DeviceOpenError, DeviceReadOnlyError, NotABlockDeviceError } from '../io/errors.js';
import type { ClaimRefusal, ClaimResult, ClaimTarget } from './engine-protocol.js';
import { StalledError, withDeadline } from './with-deadline.js';

export interface ClaimOptions {
  open(target: ClaimTarget): Promise<BlockDevice>;
  stallMs: number;
  /**
   * How long EBUSY is retried. A gomme engine whose command was killed a moment ago still holds its devices
   * until it notices and exits (a few ms); without the retry, `gomme erase --resume` right after would refuse.
   */
  busyRetryMs: number;
}

/**
 * Opens every target before anything is written to any of them. All or nothing: if one cannot be claimed, the
 * ones already open are closed again and every result says what happened, so the command can refuse as a whole.
 */
export async function claimTargets(
  targets: readonly ClaimTarget[],
  options: ClaimOptions,
): Promise<{ results: ClaimResult[]; held: Map<string, BlockDevice> }> {
  const opened = await Promise.all(targets.map((target) => claimOne(target, options)));
  const held = new Map<string, BlockDevice>();
  const results: ClaimResult[] = opened.map((claim) => {
    const { jobId, path } = claim.target;
    if ('device' in claim) {
      held.set(jobId, claim.device);
      return { jobId, path, ok: true, sizeBytes: claim.device.sizeBytes };
    }
    return { jobId, path, ok: false, ...claim.refusal };
  });
  const allClaimed = results.every((r) => r.ok);
  // Probes (hold: false) are released at once; the rest too when the command will be refused.
  for (const target of targets) {
    const device = held.get(target.jobId);
    if (device && (!allClaimed || !target.hold)) {
      held.delete(target.jobId);
      await closeWithin(device, options.stallMs);
    }
  }
  return { results, held };
}

type Refusal = { refusal: ClaimRefusal; errno: string | null; detail: string };

async function claimOne(
  target: ClaimTarget,
  options: ClaimOptions,
): Promise<{ target: ClaimTarget; device: BlockDevice } | { target: ClaimTarget; refusal: Refusal }> {
  const deadline = Date.now() + options.busyRetryMs;
  for (;;) {
    const opening = options.open(target);
    try {
      return { target, device: await withDeadline(opening, options.stallMs) };
    } catch (error) {
      if (error instanceof StalledError) {
        // If the open ever returns, let go of the device at once.
        opening.then((late) => late.close()).catch(() => {});
        return { target, refusal: { refusal: 'stalled', errno: null, detail: error.message } };
      }
      const refusal = refusalOf(error);
      if (refusal.refusal !== 'busy' || Date.now() >= deadline) return { target, refusal };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function refusalOf(error: unknown): Refusal {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof DeviceBusyError) return { refusal: 'busy', errno: 'EBUSY', detail };
  if (error instanceof DeviceReadOnlyError) return { refusal: 'read-only', errno: 'EROFS', detail };
  if (error instanceof DeviceNotFoundError) return { refusal: 'gone', errno: null, detail };
  if (error instanceof NotABlockDeviceError) return { refusal: 'not-a-block-device', errno: null, detail };
  if (error instanceof NeedsRootError) return { refusal: 'needs-root', errno: 'EACCES', detail };
  if (error instanceof DeviceOpenError) return { refusal: 'open-failed', errno: error.errnoCode, detail };
  // A system call failing after the open (the sysfs geometry of a drive that vanished meanwhile).
  const errno = (error as { code?: unknown } | null)?.code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) return { refusal: 'open-failed', errno, detail };
  throw error;
}

async function closeWithin(device: BlockDevice, stallMs: number): Promise<void> {
  // close() of a device that hangs would hold the claim forever; the engine is abandoned in that case anyway.
  await withDeadline(device.close(), stallMs).catch((error: unknown) => {
    if (!(error instanceof StalledError)) throw error;
  });
}
