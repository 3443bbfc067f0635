/**
 * Pure parser for `nvme id-ns <ns> -o json`: namespace size and LBA formats (libnvme `nvme_id_ns_flbas`,
 * `nvme_lbaf`). The current format index is what `nvme format --lbaf` must be given to keep the sector size.
 */
import type { LbaFormat } from '../../drive.js';
import { bit, bits, isRecord, list, uint } from '../json-access.js';
import { readNvmeCliJson } from './cli-json.js';

export interface NvmeIdNs {
  ok: boolean;
  error: string | null;
  /** NSZE, NCAP, NUSE: in logical blocks of the current format. */
  sizeLbas: number | null;
  capacityLbas: number | null;
  utilLbas: number | null;
  flbas: number | null;
  /** Supported formats; `index` is the position in the controller's table (unused entries are skipped). */
  lbaFormats: LbaFormat[];
  /** FLBAS bits 3:0, with bits 6:5 as the high bits (more than 16 formats). */
  currentLbaFormat: number | null;
  /** FLBAS bit 4: metadata is transferred inline with the data (extended LBA). */
  extendedMetadata: boolean | null;
  /** The entry `currentLbaFormat` points at, when the table has it. */
  current: LbaFormat | null;
  /** NSZE × current data size. */
  sizeBytes: number | null;
}

export function parseNvmeIdNs(stdout: string): NvmeIdNs {
  const { root, error } = readNvmeCliJson(stdout);
  const flbas = uint(root, 'flbas');
  const low = bits(flbas, 0, 4);
  const high = bits(flbas, 5, 2);
  const currentLbaFormat = low === null || high === null ? null : high * 16 + low;
  const lbaFormats = list(root, 'lbafs').flatMap((entry, index) => {
    const format = toLbaFormat(entry, index);
    return format ? [format] : [];
  });
  const current = lbaFormats.find((f) => f.index === currentLbaFormat) ?? null;
  const sizeLbas = uint(root, 'nsze');
  const sizeBytes = sizeLbas !== null && current ? sizeLbas * current.dataBytes : null;
  return {
    ok: error === null && (sizeLbas !== null || flbas !== null),
    error,
    sizeLbas,
    capacityLbas: uint(root, 'ncap'),
    utilLbas: uint(root, 'nuse'),
    flbas,
    lbaFormats,
    currentLbaFormat,
    extendedMetadata: bit(flbas, 4),
    current,
    sizeBytes: sizeBytes !== null && Number.isSafeInteger(sizeBytes) ? sizeBytes : null,
  };
}

function toLbaFormat(entry: unknown, index: number): LbaFormat | null {
  if (!isRecord(entry)) return null;
  const ds = uint(entry, 'ds');
  const ms = uint(entry, 'ms');
  const rp = uint(entry, 'rp');
  // LBADS below 9 (512 B) means the format is not supported/in use; above 31 is nonsense from a bad controller.
  if (ds === null || ms === null || rp === null || ds < 9 || ds > 31) return null;
  return { index, dataBytes: 2 ** ds, metadataBytes: ms, relativePerformance: rp };
}
