import { describe, expect, it } from 'vitest';
import { buildErasureRecord } from '../../../certificates/record/build-record.js';
import { esc } from '../../../hub/http/pages/html.js';
import { safeNext, withLang } from '../../../hub/http/web-request.js';
import { diagnosticsSummary } from '../../../hub/ingest/diagnostics-summary.js';
import type { RecordRow } from '../../../hub/store/staff-queries.js';
import { buildExport, machineDestination, summaryRows } from '../../../hub/web/exports.js';
import { sampleInput } from '../certificates/fixtures/sample-input.js';

const row = (grade: string | null, formFactor: string | null): RecordRow => ({
  recordId: 'x',
  sha256: 'y',
  record: buildErasureRecord(sampleInput()),
  receivedAt: new Date(),
  station: 'poste-1',
  grade,
  cosmetic: null,
  formFactor,
  revokedAt: null,
});

describe('hub web logic', () => {
  it('escapes every HTML special character, and leaves a plain text as it is', () => {
    expect(esc(`<a href="x">Dupont & fils l'atelier</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Dupont &amp; fils l&#39;atelier&lt;/a&gt;',
    );
    expect(esc('&&')).toBe('&amp;&amp;');
    expect(esc('Effacé — NIST Purge')).toBe('Effacé — NIST Purge');
    expect(esc(null)).toBe('');
    expect(esc(42)).toBe('42');
  });

  it('keeps a diagnostics report’s machine and grade, and nothing from what is not one', () => {
    const report = {
      format: 'gomme-diag',
      inventory: { system: { serial: 'PF0ABC', uuid: 'u-1', formFactor: 'laptop' } },
      grade: { functional: { status: 'fail' }, cosmetic: 'C' },
    };
    expect(diagnosticsSummary(Buffer.from(JSON.stringify(report)))).toEqual({
      machineSerial: 'PF0ABC',
      machineUuid: 'u-1',
      formFactor: 'laptop',
      grade: 'fail',
      cosmetic: 'C',
    });
    for (const other of ['{', '[]', '{"format":"other"}', 'null'])
      expect(diagnosticsSummary(Buffer.from(other)).machineSerial).toBeNull();
    // A report without a grade yet still names its machine.
    expect(
      diagnosticsSummary(Buffer.from('{"format":"gomme-diag","inventory":{"system":{"serial":"S1"}}}')),
    ).toMatchObject({
      machineSerial: 'S1',
      grade: null,
    });
  });

  it('counts machines by type, grade and destination, drives by result and method', () => {
    const rows = [row('pass', 'laptop'), row(null, null), row('pass', 'desktop')];
    const drives = rows.flatMap((r) => r.record.drives);
    const count = (dimension: string, value: string) =>
      summaryRows(rows).find((r) => r.dimension === dimension && r.value === value)?.count;
    expect(count('machines', 'total')).toBe(3);
    expect(count('machine_grade', 'pass')).toBe(2);
    expect(count('machine_grade', 'ungraded')).toBe(1);
    expect(count('machine_type', 'unknown')).toBe(1);
    expect(count('drives', 'total')).toBe(drives.length);
    expect(count('drive_result', 'FAILED')).toBe(drives.filter((d) => d.result === 'FAILED').length);
    const method = drives[0]!.sanitization.method;
    expect(count('drive_method', method)).toBe(drives.filter((d) => d.sanitization.method === method).length);
    expect(count('machine_destination', machineDestination(rows[0]!))).toBe(3);
    const csv = buildExport(rows, 'machines', 'csv', 'lot/../x');
    expect(csv.filename).toBe('gomme-machines-lot_.._x.csv');
    expect(csv.body.split('\r\n')[0]).toMatch(
      /^record_id,.*,machine_type,grade,cosmetic,destination,station$/,
    );
    expect(JSON.parse(buildExport([], 'drives', 'json', 'all').body)).toEqual([]);
  });

  it('sends back after login only to a local path', () => {
    expect(safeNext('/staff/lots/LOT-1?done=1')).toBe('/staff/lots/LOT-1?done=1');
    for (const bad of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '/login',
      '',
    ])
      expect(safeNext(bad)).toBe('/staff');
    expect(withLang('/staff/search?q=a%20b', 'en')).toBe('/staff/search?q=a+b&lang=en');
  });
});
