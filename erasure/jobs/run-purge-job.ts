import { setTimeout as sleep } from 'node:timers/promises';
import type { Drive } from '../../core/drive.js';
import type { EraseResult, IoErrorRange, JobEvent } from '../../core/events.js';
import type { CommandRunner } from '../../core/run/runner.js';
import { driveVerdict } from '../../core/verdict.js';
import type { OverwriteOutcome } from '../engine/overwrite-job.js';
import type { BlockDevice } from '../io/block-device.js';
import type { AttemptLedger, CredentialStore } from '../purge/credentials.js';
import type { CommandRecord, PurgeEngineId, PurgeOutcome } from '../purge/engine.js';
import { ENGINES } from '../purge/engines.js';
import type { PasswordVault } from '../purge/password-vault.js';
import { readToolVersions, toolsFor } from '../purge/tool-versions.js';
import {
  type PurgeVerification,
  snapshotBeforePurge,
  verifyPurge,
  verifyPurgeAfterOnly,
} from '../purge/verify-purge.js';

export interface PurgeDetails {
  engine: PurgeEngineId;
  technique: string;
  outcome: PurgeOutcome;
  verification: PurgeVerification | null;
  toolVersions: Record<string, string | null>;
}

export interface PurgeJobDeps {
  runner: CommandRunner;
  openDevice(path: string): Promise<BlockDevice>;
  emit(event: JobEvent): void;
  vault: PasswordVault;
  /** Passwords/PSIDs typed by the technician and the durable count of tries (locked drives). */
  credentials?: CredentialStore;
  ledger?: AttemptLedger;
  signal?: AbortSignal;
  now?: () => number;
}

/**
 * A firmware purge as a job: NIST samples are read before, the drive's own command runs, the same samples are
 * read after. Success needs both the drive's word and the data's (a drive that says "done" and changed nothing
 * fails).
 */
export async function runPurgeJob(
  job: { jobId: string; drive: Drive; engine: PurgeEngineId; verifySeed: string },
  deps: PurgeJobDeps,
): Promise<OverwriteOutcome & { purge: PurgeDetails }> {
  const now = deps.now ?? Date.now;
  const started = now();
  const engine = ENGINES[job.engine];
  const base = () => ({ jobId: job.jobId, device: job.drive.path, at: new Date(now()).toISOString() });
  deps.emit({
    ...base(),
    type: 'job-started',
    method: engine.technique,
    passes: 1,
    sizeBytes: job.drive.sizeBytes,
    resumed: false,
  });
  const toolVersions = await readToolVersions(deps.runner, toolsFor(job.engine));

  // A locked or 520-byte drive cannot be read before: its samples are read after the purge only.
  const blind = engine.readableBefore?.(job.drive) === false;
  const before = blind
    ? null
    : await withDevice(deps, job.drive.path, (device) =>
        snapshotBeforePurge(device, { seed: job.verifySeed }),
      );
  const outcome = await engine.run(job.drive, {
    runner: deps.runner,
    emit: deps.emit,
    jobId: job.jobId,
    now,
    sleep: (ms) => sleep(ms),
    signal: deps.signal,
    vault: deps.vault,
    ...(deps.credentials ? { credentials: deps.credentials } : {}),
    ...(deps.ledger ? { ledger: deps.ledger } : {}),
  });
  let verification: PurgeVerification | null = null;
  if (outcome.status !== 'aborted') {
    deps.emit({
      ...base(),
      type: 'verify-started',
      pass: 1,
      mode: 'sample',
      bytesToRead: Math.round((before?.coverage ?? 0.1) * job.drive.sizeBytes),
    });
    verification = await withDevice(deps, job.drive.path, (device) =>
      before
        ? verifyPurge(device, before, engine.resultKind, outcome)
        : verifyPurgeAfterOnly(device, { seed: job.verifySeed }, engine.resultKind, outcome),
    );
    deps.emit({
      ...base(),
      type: 'verify-finished',
      pass: 1,
      bytesRead: verification.bytesRead,
      mismatches: verification.unchanged + verification.patternMismatches,
      passed: verification.passed,
    });
  }
  // The engine already reported its own command errors; these are the ones found around it.
  const found: IoErrorRange[] = [...(before?.errors ?? []), ...(verification?.errors ?? [])];
  if (outcome.failure) {
    found.push({
      operation: 'command',
      pass: 1,
      offset: 0,
      length: 0,
      code: outcome.failure.code,
      message: outcome.failure.message.en,
    });
  }
  for (const failure of verification?.failures ?? []) {
    found.push({
      operation: 'verify',
      pass: 1,
      offset: 0,
      length: 0,
      code: 'PURGE_NOT_VERIFIED',
      message: failure,
    });
  }
  for (const e of found) deps.emit({ ...base(), type: 'io-error', error: e });
  const errors = [...outcome.errors, ...found];
  const succeeded = outcome.status === 'succeeded' || outcome.status === 'already-running-followed';
  const result: EraseResult = driveVerdict({
    stopped: outcome.status === 'aborted',
    errorCount: errors.length,
    verificationPassed: verification?.passed ?? null,
    firmware: { succeeded },
  });
  const ended = now();
  deps.emit({ ...base(), type: 'job-finished', result, seconds: (ended - started) / 1000 });
  return {
    result,
    errors,
    sizeBytes: job.drive.sizeBytes,
    bytesWritten: 0,
    passesCompleted: succeeded ? 1 : 0,
    verification: {
      mode: engine.resultKind === 'changed' ? 'purge-compare' : 'purge-pattern',
      passesVerified: verification ? 1 : 0,
      bytesRead: verification?.bytesRead ?? 0,
      coverage: verification?.coverage ?? 0,
      mismatchedBytes: 0,
      passed: verification?.passed ?? null,
    },
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(ended).toISOString(),
    seconds: (ended - started) / 1000,
    purge: { engine: job.engine, technique: engine.technique, outcome, verification, toolVersions },
  };
}

async function withDevice<T>(
  deps: PurgeJobDeps,
  path: string,
  use: (device: BlockDevice) => Promise<T>,
): Promise<T> {
  const device = await deps.openDevice(path);
  try {
    return await use(device);
  } finally {
    await device.close();
  }
}

/** The exact command lines run, for the record (passwords already masked by the engines). */
export function commandLines(commands: readonly CommandRecord[]): string[] {
  return commands.map((c) => c.argv.join(' '));
}
