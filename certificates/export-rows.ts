import type { ErasureRecord } from './record/schema.js';

/**
 * Export rows, one per drive or one per machine. The column names are a public interface (documented in
 * certificates/RECORD.md §Exports): add columns at the end, never rename.
 */
export const DRIVE_COLUMNS = [
  'record_id',
  'lot_id',
  'donor',
  'machine_vendor',
  'machine_model',
  'machine_serial',
  'drive_index',
  'drive_manufacturer',
  'drive_model',
  'drive_serial',
  'drive_wwn',
  'media_type',
  'interface',
  'size_bytes',
  'nist_level',
  'method',
  'ieee2883_technique',
  'passes',
  'tool',
  'verification_method',
  'verification_coverage_percent',
  'started_at',
  'finished_at',
  'duration_seconds',
  'bytes_written',
  'error_count',
  'interruption_count',
  'result',
  'destination',
  'operator',
  'certificate_id',
] as const;

export const MACHINE_COLUMNS = [
  'record_id',
  'lot_id',
  'donor',
  'machine_vendor',
  'machine_model',
  'machine_serial',
  'machine_uuid',
  'machine_asset_tag',
  'drive_count',
  'drives_erased',
  'completed_at',
  'result',
  'operator',
  'certificate_id',
] as const;

export type Row = Record<string, string | number | null>;

export function driveRows(records: ErasureRecord[]): Row[] {
  return records.flatMap((r) =>
    r.drives.map((d) => ({
      record_id: r.recordId,
      lot_id: r.lot.id,
      donor: r.donor.name,
      machine_vendor: r.machine.vendor,
      machine_model: r.machine.model,
      machine_serial: r.machine.serial,
      drive_index: d.index,
      drive_manufacturer: d.manufacturer,
      drive_model: d.model,
      drive_serial: d.serial,
      drive_wwn: d.wwn,
      media_type: d.mediaType,
      interface: d.interface,
      size_bytes: d.sizeBytes,
      nist_level: d.sanitization.nistLevel,
      method: d.sanitization.method,
      ieee2883_technique: d.sanitization.ieee2883Technique,
      passes: d.sanitization.passes.length,
      tool: `${d.sanitization.tool.name} ${d.sanitization.tool.version}`,
      verification_method: d.verification.method,
      verification_coverage_percent: d.verification.coveragePercent,
      started_at: d.startedAt,
      finished_at: d.finishedAt,
      duration_seconds: d.durationSeconds,
      bytes_written: d.bytesWritten,
      error_count: d.errors.length,
      interruption_count: d.interruptions.length,
      result: d.result,
      destination: d.destination,
      operator: r.operator.name,
      certificate_id: `${r.recordId}-D${d.index}`,
    })),
  );
}

export function machineRows(records: ErasureRecord[]): Row[] {
  return records.map((r) => ({
    record_id: r.recordId,
    lot_id: r.lot.id,
    donor: r.donor.name,
    machine_vendor: r.machine.vendor,
    machine_model: r.machine.model,
    machine_serial: r.machine.serial,
    machine_uuid: r.machine.uuid,
    machine_asset_tag: r.machine.assetTag,
    drive_count: r.drives.length,
    drives_erased: r.drives.filter((d) => d.result === 'ERASED').length,
    completed_at: r.completedAt,
    result: r.result,
    operator: r.operator.name,
    certificate_id: `${r.recordId}-M`,
  }));
}

/** RFC 4180 CSV, CRLF line ends; cells starting with = + - @ are prefixed with ' so spreadsheets never run them. */
export function toCsv(columns: readonly string[], rows: Row[]): string {
  const cell = (v: string | number | null): string => {
    if (v === null) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
    return /[",\r\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return (
    [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(','))].join('\r\n') +
    '\r\n'
  );
}
