/**
 * How long a purge should take: the drive's own estimate when it gives one (IDENTIFY words 89/90, the NVMe
 * sanitize log), else a rule of thumb from the size (≈ 3 h/TB for HDD overwrite: openSeaChest_Erase man page).
 * Engines derive their time-outs from it; the CLI shows it in `gomme erase --dry-run`.
 */
import type { Drive } from '../../core/drive.js';
import type { NvmeSanitizeEstimates } from '../../core/tools/nvme/parse-sanitize-log.js';
import type { PurgeEngineId } from './engine.js';
import { mediumOf } from './techniques.js';

export interface PurgeEstimate {
  seconds: number;
  basis: 'drive' | 'rule-of-thumb';
  /** The drive said "more than N min": a lower bound. */
  atLeast: boolean;
}

const TB = 1e12;
const HDD_OVERWRITE_SECONDS_PER_TB = 3 * 3600;
/** Host overwrite throughput used for the rule of thumb, bytes per second. */
const HOST_WRITE_RATE = { hdd: 150e6, flash: 400e6, unknown: 100e6 } as const;

/** `target` is a purge engine id, or 'overwrite' for the software overwrite (one pass). */
export function estimatePurgeSeconds(
  drive: Drive,
  target: PurgeEngineId | 'overwrite',
  nvmeEstimates: NvmeSanitizeEstimates | null = null,
  noDeallocate = false,
): PurgeEstimate {
  const sec = drive.capabilities.ataSecurity;
  const fromDrive = (minutes: number | undefined, atLeast = false): PurgeEstimate | null =>
    minutes !== undefined && minutes > 0 ? { seconds: minutes * 60, basis: 'drive', atLeast } : null;
  const fromNvme = (seconds: number | null): PurgeEstimate | null =>
    seconds !== null && seconds > 0 ? { seconds, basis: 'drive', atLeast: false } : null;
  const nd = noDeallocate;
  switch (target) {
    case 'ata-security-erase':
      return (
        fromDrive(sec?.eraseEstimate?.minutes, sec?.eraseEstimate?.atLeast) ?? ruleOfThumb(drive, 'overwrite')
      );
    case 'ata-security-erase-enhanced':
      return (
        fromDrive(sec?.enhancedEraseEstimate?.minutes, sec?.enhancedEraseEstimate?.atLeast) ??
        ruleOfThumb(drive, 'overwrite')
      );
    case 'nvme-sanitize-crypto':
      return (
        fromNvme(
          nd ? (nvmeEstimates?.cryptoEraseNoDeallocate ?? null) : (nvmeEstimates?.cryptoErase ?? null),
        ) ?? fixed(120)
      );
    case 'nvme-sanitize-block':
      return (
        fromNvme(
          nd ? (nvmeEstimates?.blockEraseNoDeallocate ?? null) : (nvmeEstimates?.blockErase ?? null),
        ) ?? fixed(600)
      );
    case 'nvme-sanitize-overwrite':
      return (
        fromNvme(nd ? (nvmeEstimates?.overwriteNoDeallocate ?? null) : (nvmeEstimates?.overwrite ?? null)) ??
        ruleOfThumb(drive, 'overwrite')
      );
    case 'ata-security-erase-password':
      return (
        fromDrive(sec?.enhancedEraseEstimate?.minutes, sec?.enhancedEraseEstimate?.atLeast) ??
        fromDrive(sec?.eraseEstimate?.minutes, sec?.eraseEstimate?.atLeast) ??
        ruleOfThumb(drive, 'overwrite')
      );
    case 'ata-sanitize-crypto':
    case 'scsi-sanitize-crypto':
    case 'nvme-format-crypto':
    case 'tcg-revert':
    case 'tcg-psid-revert':
      return fixed(120);
    case 'emmc-sanitize':
    case 'emmc-secure-erase':
    case 'emmc-secure-trim':
      return fixed(600);
    case 'ata-sanitize-block':
    case 'scsi-sanitize-block':
    case 'nvme-format-user-data':
    case 'emmc-secure-discard':
      return mediumOf(drive) === 'hdd' ? ruleOfThumb(drive, 'overwrite') : fixed(600);
    case 'ata-sanitize-overwrite':
    case 'scsi-sanitize-overwrite':
    case 'scsi-format-unit':
    case 'overwrite':
      return ruleOfThumb(drive, 'overwrite');
  }
}

function fixed(seconds: number): PurgeEstimate {
  return { seconds, basis: 'rule-of-thumb', atLeast: false };
}

function ruleOfThumb(drive: Drive, _kind: 'overwrite'): PurgeEstimate {
  const medium = mediumOf(drive);
  const seconds =
    medium === 'hdd'
      ? (drive.sizeBytes / TB) * HDD_OVERWRITE_SECONDS_PER_TB
      : drive.sizeBytes / HOST_WRITE_RATE[medium];
  return { seconds: Math.max(60, Math.round(seconds)), basis: 'rule-of-thumb', atLeast: false };
}

/**
 * A time-out generous enough never to abandon a healthy drive: 3 × the estimate (×5 for a lower bound),
 * at least 10 minutes. Abandoning only stops gomme from waiting; the drive finishes by itself.
 */
export function timeoutFor(estimate: PurgeEstimate): number {
  const factor = estimate.atLeast ? 5 : 3;
  return Math.max(600, estimate.seconds * factor) * 1000;
}
