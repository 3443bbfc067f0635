import type { JobEvent } from '../../../core/events.js';
import type { DriveProgress, FinishedLine } from './types.js';

/** Folds one engine event into the live bars and the list of finished drives (pure). */
export function applyJobEvent(
  progress: Record<string, DriveProgress>,
  finished: FinishedLine[],
  verified: Record<string, boolean>,
  event: JobEvent,
): { progress: Record<string, DriveProgress>; finished: FinishedLine[]; verified: Record<string, boolean> } {
  switch (event.type) {
    case 'job-started':
      return {
        progress: {
          ...progress,
          [event.device]: {
            device: event.device,
            phase: 'write',
            pass: 1,
            passes: event.passes,
            fraction: 0,
            rate: 0,
            etaSeconds: null,
          },
        },
        finished,
        verified,
      };
    case 'progress':
      return {
        progress: {
          ...progress,
          [event.device]: {
            device: event.device,
            phase: event.phase,
            pass: event.pass,
            passes: event.passes,
            fraction: event.bytesTotal > 0 ? Math.min(1, event.bytesDone / event.bytesTotal) : 0,
            rate: event.rate,
            etaSeconds: event.etaSeconds,
          },
        },
        finished,
        verified,
      };
    case 'verify-finished':
      // One failed read-back is enough to call the drive not verified.
      return {
        progress,
        finished,
        verified: { ...verified, [event.device]: (verified[event.device] ?? true) && event.passed },
      };
    case 'job-finished': {
      const { [event.device]: _done, ...rest } = progress;
      const line: FinishedLine = {
        device: event.device,
        result: event.result,
        seconds: event.seconds,
        verified: verified[event.device] ?? null,
      };
      return { progress: rest, finished: [...finished, line], verified };
    }
    default:
      return { progress, finished, verified };
  }
}
