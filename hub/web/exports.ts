import {
  DRIVE_COLUMNS,
  driveRows,
  MACHINE_COLUMNS,
  machineRows,
  type Row,
  toCsv,
} from '../../certificates/export-rows.js';
import type { RecordRow } from '../store/staff-queries.js';

/**
 * The network's statistics, per period / lot / donor: the rows `gomme export` writes (same columns, so one
 * spreadsheet reads both), machines with the hub's extra columns appended, and a summary of counts.
 */
export type ExportKind = 'summary' | 'machines' | 'drives';
export type ExportFormat = 'csv' | 'json';

export const HUB_MACHINE_COLUMNS = [
  ...MACHINE_COLUMNS,
  'machine_type',
  'grade',
  'cosmetic',
  'destination',
  'station',
];
export const SUMMARY_COLUMNS = ['dimension', 'value', 'count'] as const;

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
}

/** A machine's destination: its drives' when they agree, else "mixed". */
export function machineDestination(row: RecordRow): string {
  const all = new Set(row.record.drives.map((d) => d.destination));
  return all.size === 1 ? [...all][0]! : 'mixed';
}

function hubMachineRows(rows: RecordRow[]): Row[] {
  const base = machineRows(rows.map((r) => r.record));
  return base.map((b, i) => {
    const r = rows[i]!;
    return {
      ...b,
      machine_type: r.formFactor ?? 'unknown',
      grade: r.grade ?? 'ungraded',
      cosmetic: r.cosmetic,
      destination: machineDestination(r),
      station: r.station,
    };
  });
}

/** Counts: machines by type, grade and destination; drives by result and method. */
export function summaryRows(rows: RecordRow[]): Row[] {
  const out: Row[] = [];
  const count = (dimension: string, values: string[]) => {
    const tally = new Map<string, number>();
    for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
    for (const [value, n] of [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
      out.push({ dimension, value, count: n });
  };
  const drives = rows.flatMap((r) => r.record.drives);
  count('machines', rows.length > 0 ? rows.map(() => 'total') : []);
  count(
    'machine_type',
    rows.map((r) => r.formFactor ?? 'unknown'),
  );
  count(
    'machine_grade',
    rows.map((r) => r.grade ?? 'ungraded'),
  );
  count('machine_destination', rows.map(machineDestination));
  count('drives', drives.length > 0 ? drives.map(() => 'total') : []);
  count(
    'drive_result',
    drives.map((d) => d.result),
  );
  count(
    'drive_method',
    drives.map((d) => d.sanitization.method),
  );
  count(
    'drive_nist_level',
    drives.map((d) => d.sanitization.nistLevel),
  );
  return out;
}

export function buildExport(
  rows: RecordRow[],
  kind: ExportKind,
  format: ExportFormat,
  name: string,
): ExportFile {
  const [columns, data] =
    kind === 'summary'
      ? [SUMMARY_COLUMNS, summaryRows(rows)]
      : kind === 'machines'
        ? [HUB_MACHINE_COLUMNS, hubMachineRows(rows)]
        : [DRIVE_COLUMNS, driveRows(rows.map((r) => r.record))];
  const filename = `gomme-${kind}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;
  return format === 'csv'
    ? { filename, contentType: 'text/csv; charset=utf-8', body: toCsv(columns, data) }
    : {
        filename,
        contentType: 'application/json; charset=utf-8',
        body: `${JSON.stringify(data, null, 2)}\n`,
      };
}
