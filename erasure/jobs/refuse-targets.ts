import type { Drive, Protection } from '../../core/drive.js';
import { DeviceNotFoundError } from '../../core/errors.js';
import { text } from '../../core/i18n.js';
import type { ClaimResult } from '../engine/engine-protocol.js';
import { type TargetRefusal, TargetsBusyError } from '../io/errors.js';
import type { JobJournal, JobRefusal } from './job-store.js';

export type Refused = Extract<ClaimResult, { ok: false }> & Pick<TargetRefusal, 'why'>;

/** Reads the storage graph again and returns what protects `drive` now (core/detect's recheckProtection). */
export type Recheck = (drive: Drive) => Promise<Protection[]>;

/**
 * The storage graph, read again for every target right before the claim opens them: something may have been
 * mounted, stacked on or swapped onto a target since discovery, or since the technician confirmed. Only a drive
 * gone meanwhile is turned into a refusal here; any other failure to read the graph is thrown (nothing written).
 */
export async function recheckTargets(
  targets: ReadonlyArray<{ jobId: string; drive: Drive }>,
  recheck: Recheck,
): Promise<Refused[]> {
  const checked = await Promise.all(
    targets.map(async ({ jobId, drive }): Promise<Refused | null> => {
      const base = { jobId, path: drive.path, ok: false as const, errno: null };
      try {
        const protections = await recheck(drive);
        if (protections.length === 0) return null;
        return {
          ...base,
          refusal: 'protected',
          detail: protections.map((p) => p.detail.en).join('; '),
          why: text(
            protections.map((p) => p.detail.fr).join(' ; '),
            protections.map((p) => p.detail.en).join('; '),
          ),
        };
      } catch (error) {
        if (!(error instanceof DeviceNotFoundError)) throw error;
        return { ...base, refusal: 'gone', detail: error.message };
      }
    }),
  );
  return checked.filter((r): r is Refused => r !== null);
}

/**
 * Nothing was written anywhere: the whole command is refused (TargetsBusyError, exit 3, naming each device and
 * why). New jobs end in the journal as refused, with their own reason (or "another drive was refused"): never
 * resumable, never recorded. Resumed jobs stay resumable.
 */
export function refuseAll(
  jobs: ReadonlyArray<{ jobId: string; resumeFrom: unknown }>,
  refused: readonly Refused[],
  store: JobJournal,
  at: string,
): never {
  const refusals: TargetRefusal[] = refused.map((r) => ({
    device: r.path,
    jobId: r.jobId,
    refusal: r.refusal,
    errno: r.errno,
    ...(r.why ? { why: r.why } : {}),
  }));
  const devices = refused.map((r) => r.path).join(', ');
  closeNewJobs(jobs, store, at, (jobId) => {
    const own = refused.find((r) => r.jobId === jobId);
    return own
      ? { code: own.refusal, errno: own.errno, detail: own.why ?? null }
      : { code: 'other-target', errno: null, detail: text(devices, devices) };
  });
  throw new TargetsBusyError(refusals);
}

/**
 * Closes the jobs this command created, before anything was written to any drive (refused, or the storage graph
 * could not be read again): refused with the reason, never resumable, no record. Resumed jobs stay resumable.
 */
export function closeNewJobs(
  jobs: ReadonlyArray<{ jobId: string; resumeFrom: unknown }>,
  store: JobJournal,
  at: string,
  reason: (jobId: string) => JobRefusal,
): void {
  const fresh = jobs.filter((j) => j.resumeFrom === null);
  if (fresh.length > 0)
    store.refuse(
      fresh.map(({ jobId }) => ({ jobId, refusal: reason(jobId) })),
      at,
    );
}
