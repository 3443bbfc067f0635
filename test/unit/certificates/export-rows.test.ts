import { describe, expect, it } from 'vitest';
import {
  DRIVE_COLUMNS,
  driveRows,
  MACHINE_COLUMNS,
  machineRows,
  toCsv,
} from '../../../certificates/export-rows.js';
import { buildErasureRecord } from '../../../certificates/record/build-record.js';
import { sampleInput } from './fixtures/sample-input.js';

describe('export rows', () => {
  const record = buildErasureRecord(sampleInput());

  it('gives one row per drive with every documented column', () => {
    const rows = driveRows([record]);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual([...DRIVE_COLUMNS].sort());
    expect(rows[1]).toMatchObject({
      drive_serial: 'S4ELNX0N123456',
      // A read error is an error: the one verdict (core/verdict.ts) makes the drive FAILED.
      result: 'FAILED',
      error_count: 1,
    });
  });

  it('gives one row per machine', () => {
    const rows = machineRows([record]);
    expect(rows).toEqual([
      expect.objectContaining({ machine_serial: '5XK9ZL2', drive_count: 2, drives_erased: 1 }),
    ]);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual([...MACHINE_COLUMNS].sort());
  });

  it('writes RFC 4180 CSV and defuses spreadsheet formulas', () => {
    const csv = toCsv(['a', 'b', 'c'], [{ a: 'x,y', b: '=HYPERLINK("z")', c: null }]);
    expect(csv).toBe('a,b,c\r\n"x,y","\'=HYPERLINK(""z"")",\r\n');
  });
});
