/**
 * Follows a running firmware operation by polling the drive (nvme sanitize-log, hdparm --sanitize-status,
 * sg_requests --progress) until it ends, times out or the job is interrupted. Counting success needs an
 * observed "in progress" or a change of state (nwipe se_ata.h / se_nvme.h): idle drives report old successes.
 */
import type { PurgeSession } from './session.js';

export type PollState = 'in-progress' | 'succeeded' | 'failed' | 'idle' | 'unreadable';

export interface PollReading {
  state: PollState;
  /** 0–1 when the drive reports it. */
  fraction: number | null;
  /** Why the drive says it failed, or why the reading was unusable. */
  detail: string | null;
}

export interface PollOptions {
  intervalMs: number;
  /** Give up following after this long (the drive carries on by itself: a sanitize cannot be stopped). */
  timeoutMs: number;
  /** Consecutive idle readings after which the command is taken as never started. @default 5 */
  idleLimit?: number;
  /** Consecutive unreadable readings tolerated. @default 5 */
  unreadableLimit?: number;
}

export type PollEnd = 'succeeded' | 'failed' | 'never-started' | 'unreadable' | 'timeout' | 'aborted';

export interface PollResult {
  end: PollEnd;
  sawInProgress: boolean;
  last: PollReading | null;
}

export async function followOperation(
  session: PurgeSession,
  read: () => Promise<PollReading>,
  options: PollOptions,
): Promise<PollResult> {
  const idleLimit = options.idleLimit ?? 5;
  const unreadableLimit = options.unreadableLimit ?? 5;
  const startMs = session.deps.now();
  let sawInProgress = false;
  let idle = 0;
  let unreadable = 0;
  let last: PollReading | null = null;
  for (;;) {
    if (session.aborted) return { end: 'aborted', sawInProgress, last };
    last = await read();
    idle = last.state === 'idle' ? idle + 1 : 0;
    unreadable = last.state === 'unreadable' ? unreadable + 1 : 0;
    if (last.state === 'in-progress') {
      sawInProgress = true;
      session.progress(last.fraction, eta(session.deps.now() - startMs, last.fraction));
    }
    if (last.state === 'succeeded') {
      session.progress(1, 0);
      return { end: 'succeeded', sawInProgress, last };
    }
    if (last.state === 'failed') return { end: 'failed', sawInProgress, last };
    if (idle >= idleLimit) return { end: 'never-started', sawInProgress, last };
    if (unreadable >= unreadableLimit) return { end: 'unreadable', sawInProgress, last };
    if (session.deps.now() - startMs >= options.timeoutMs) return { end: 'timeout', sawInProgress, last };
    await session.deps.sleep(options.intervalMs);
  }
}

/** Linear extrapolation from the drive's own progress; null until there is some. */
function eta(elapsedMs: number, fraction: number | null): number | null {
  if (fraction === null || fraction <= 0 || fraction >= 1) return null;
  return Math.round(((elapsedMs / fraction) * (1 - fraction)) / 1000);
}

/** About a hundred polls over the expected duration, between 1 s (nvme-cli's pace) and 60 s (sg_sanitize's). */
export function pollIntervalMs(estimateSeconds: number): number {
  return Math.min(60_000, Math.max(1_000, Math.round(estimateSeconds * 10)));
}
