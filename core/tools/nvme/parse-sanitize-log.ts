/**
 * Pure parser for `nvme sanitize-log <ctrl> -o json`.
 *
 * nvme-cli nests the log under the device name (`{"nvme0": {"sprog": …, "sstat": {…}, …}}`) and prints SSTAT
 * already decoded: `{"global_erased": 0|1, "no_cmplted_passes": n, "status": "(n) text"}`. Some 2.x releases
 * key the status string by its own text instead of "status", so the "(n)" prefix is looked for in any value.
 * A plain SSTAT integer (other tools, future versions) is decoded from its bits (libnvme
 * `enum nvme_sanitize_sstat`). QEMU has no sanitize: it answers with an nvme-cli error object.
 */
import { bit, bits, isRecord, type JsonRecord, uint } from '../json-access.js';
import { readNvmeCliJson } from './cli-json.js';

export type NvmeSanitizeStatus =
  | 'never'
  | 'success'
  | 'in-progress'
  | 'failed'
  | 'success-with-deallocation'
  | 'unknown';

/** Drive estimates in seconds; null when not reported (0xFFFFFFFF) or absent. */
export interface NvmeSanitizeEstimates {
  overwrite: number | null;
  blockErase: number | null;
  cryptoErase: number | null;
  overwriteNoDeallocate: number | null;
  blockEraseNoDeallocate: number | null;
  cryptoEraseNoDeallocate: number | null;
}

export interface NvmeSanitizeLog {
  ok: boolean;
  error: string | null;
  /** The key nvme-cli nested the log under (e.g. "nvme0"), when it did. */
  device: string | null;
  /** SPROG: progress numerator over 65536; 65535 when no sanitize is running. */
  sprog: number | null;
  progressFraction: number | null;
  status: NvmeSanitizeStatus;
  /** SSTAT bits 2:0 as a number, for values `status` does not name. */
  statusCode: number | null;
  /** SSTAT bits 7:3. */
  overwritePassesDone: number | null;
  /** SSTAT bit 8: no user data has been written since the last sanitize (or ever). */
  globalDataErased: boolean | null;
  /** SCDW10 of the last sanitize command (bits 2:0 = the action). */
  lastCommandCdw10: number | null;
  estimates: NvmeSanitizeEstimates;
}

const NOT_REPORTED = 0xffffffff;
const SPROG_IDLE = 65535;

const STATUS_BY_CODE: Record<number, NvmeSanitizeStatus> = {
  0: 'never',
  1: 'success',
  2: 'in-progress',
  3: 'failed',
  4: 'success-with-deallocation',
};

export function parseNvmeSanitizeLog(stdout: string): NvmeSanitizeLog {
  const { root, error } = readNvmeCliJson(stdout);
  const { body, device } = findBody(root);
  const sstat = decodeSstat(body?.sstat);
  const sprog = uint(body, 'sprog');
  const status = sstat.code === null ? 'unknown' : (STATUS_BY_CODE[sstat.code] ?? 'unknown');
  return {
    ok: error === null && body !== null,
    error,
    device,
    sprog,
    progressFraction: progressFraction(sprog, status),
    status,
    statusCode: sstat.code,
    overwritePassesDone: sstat.passes,
    globalDataErased: sstat.globalErased,
    lastCommandCdw10: uint(body, 'cdw10_info'),
    estimates: {
      overwrite: estimate(body, 'time_over_write'),
      blockErase: estimate(body, 'time_block_erase'),
      cryptoErase: estimate(body, 'time_crypto_erase'),
      overwriteNoDeallocate: estimate(body, 'time_over_write_no_dealloc'),
      blockEraseNoDeallocate: estimate(body, 'time_block_erase_no_dealloc'),
      cryptoEraseNoDeallocate: estimate(body, 'time_crypto_erase_no_dealloc'),
    },
  };
}

function isLogBody(value: unknown): value is JsonRecord {
  return isRecord(value) && ('sprog' in value || 'sstat' in value);
}

function findBody(root: JsonRecord | null): { body: JsonRecord | null; device: string | null } {
  if (!root) return { body: null, device: null };
  if (isLogBody(root)) return { body: root, device: null };
  for (const [key, value] of Object.entries(root)) {
    if (isLogBody(value)) return { body: value, device: key };
  }
  return { body: null, device: null };
}

interface Sstat {
  code: number | null;
  passes: number | null;
  globalErased: boolean | null;
}

function decodeSstat(raw: unknown): Sstat {
  if (typeof raw === 'number') {
    const value = Number.isSafeInteger(raw) && raw >= 0 ? raw : null;
    return { code: bits(value, 0, 3), passes: bits(value, 3, 5), globalErased: bit(value, 8) };
  }
  if (!isRecord(raw)) return { code: null, passes: null, globalErased: null };
  const erased = uint(raw, 'global_erased');
  return {
    code: statusCode(raw),
    passes: uint(raw, 'no_cmplted_passes'),
    globalErased: erased === null ? null : erased !== 0,
  };
}

/** "(1) Most Recent Sanitize Command Completed Successfully." → 1; prefers the "status" key. */
function statusCode(sstat: JsonRecord): number | null {
  if (typeof sstat.status === 'number') return bits(uint(sstat, 'status'), 0, 3);
  for (const value of [sstat.status, ...Object.values(sstat)]) {
    const match = typeof value === 'string' ? /^\s*\((\d{1,3})\)/.exec(value) : null;
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return null;
}

function progressFraction(sprog: number | null, status: NvmeSanitizeStatus): number | null {
  if (sprog === null || sprog > SPROG_IDLE) return null;
  if (sprog === SPROG_IDLE && status !== 'in-progress') return null;
  return sprog / 65536;
}

function estimate(body: JsonRecord | null, key: string): number | null {
  const value = uint(body, key);
  return value === null || value === NOT_REPORTED ? null : value;
}
