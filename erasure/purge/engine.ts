/**
 * One interface for every firmware purge (ATA, NVMe, SCSI, eMMC). Each engine is an argv builder plus a state
 * machine over the CommandRunner: nothing here touches a device except through `deps.runner`, so tests drive
 * every engine with recorded command sequences, and the record keeps the exact commands that ran.
 */
import type { Drive } from '../../core/drive.js';
import type { IoErrorRange, JobEvent } from '../../core/events.js';
import type { Text } from '../../core/i18n.js';
import type { CommandRunner } from '../../core/run/runner.js';
import type { AttemptLedger, CredentialStore } from './credentials.js';
import type { PasswordVault } from './password-vault.js';

export type NistLevel = 'purge' | 'clear';

export type PurgeEngineId =
  | 'ata-sanitize-crypto'
  | 'ata-sanitize-block'
  | 'ata-sanitize-overwrite'
  | 'ata-security-erase-enhanced'
  | 'ata-security-erase'
  | 'nvme-sanitize-crypto'
  | 'nvme-sanitize-block'
  | 'nvme-sanitize-overwrite'
  | 'nvme-format-crypto'
  | 'nvme-format-user-data'
  | 'scsi-sanitize-crypto'
  | 'scsi-sanitize-block'
  | 'scsi-sanitize-overwrite'
  | 'scsi-format-unit'
  | 'emmc-secure-discard'
  /** SECURITY ERASE UNIT with a password gomme did not set: the technician's, or a factory master password. */
  | 'ata-security-erase-password'
  /** TCG Opal Revert with the factory SID (MSID): every key regenerated (cryptographic erase). */
  | 'tcg-revert'
  /** TCG Revert with the PSID printed on the label. */
  | 'tcg-psid-revert'
  | 'emmc-sanitize'
  | 'emmc-secure-erase'
  | 'emmc-secure-trim';

/** What verification must find afterwards: a fixed/periodic pattern, or merely data that changed (crypto). */
export type PurgeResultKind = 'pattern' | 'changed';

export type Supports = { ok: true } | { ok: false; reason: Text };

export interface PurgeDeps {
  runner: CommandRunner;
  emit: (event: JobEvent) => void;
  jobId: string;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Resolves after `ms` (tests pass one that advances a fake clock and returns at once). */
  sleep: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  /** Where ATA Security Erase keeps its temporary password until the drive shows "not enabled". */
  vault?: PasswordVault;
  /** Temporary ATA password source. @default a random "gomme-xxxxxxxx" */
  newPassword?: () => string;
  /** Passwords and PSIDs the technician typed (memory only). */
  credentials?: CredentialStore;
  /** Password tries per drive, durable: never more than the drive allows. */
  ledger?: AttemptLedger;
}

export interface CommandRecord {
  argv: string[];
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** ISO-8601. */
  startedAt: string;
  durationMs: number;
}

/**
 * 'already-running-followed': a sanitize started earlier (before a reboot, by another tool) was found running
 * and followed to a successful end instead of being restarted.
 */
export type PurgeStatus = 'succeeded' | 'failed' | 'aborted' | 'already-running-followed';

/**
 * How completion was observed. 'transition': in progress, then success. 'immediate': the state changed to
 * success between the before and after reads. 'unconfirmed': the drive claims success but nothing observable
 * changed (a lying or idle drive looks exactly like this): only sample verification can decide.
 */
export type Completion = 'transition' | 'immediate' | 'unconfirmed' | 'none';

export interface PurgeFailure {
  code: string;
  message: Text;
}

export interface PurgeOutcome {
  engine: PurgeEngineId;
  status: PurgeStatus;
  completion: Completion;
  commands: CommandRecord[];
  errors: IoErrorRange[];
  failure: PurgeFailure | null;
  /** Facts for the record, in English (e.g. "No-Deallocate requested", "drive stays password-protected"). */
  notes: string[];
}

export interface PurgeEngine {
  id: PurgeEngineId;
  /** IEEE 2883 technique name (e.g. "Sanitize Crypto Erase"). */
  technique: string;
  /** The level claimed for this technique on this drive's medium (see policy/techniques.ts). */
  nistLevel(drive: Drive): NistLevel;
  resultKind: PurgeResultKind;
  supports(drive: Drive): Supports;
  run(drive: Drive, deps: PurgeDeps): Promise<PurgeOutcome>;
  /**
   * false when the data cannot be read before the purge (a locked drive, a 520-byte format the kernel cannot
   * use): verification then reads the samples after only. @default true
   */
  readableBefore?(drive: Drive): boolean;
}
