import { describe, expect, it } from 'vitest';
import { RecordInvalidError } from '../../../certificates/errors.js';
import { buildErasureRecord } from '../../../certificates/record/build-record.js';
import { canonicalJson, sha256Hex } from '../../../certificates/record/canonical-json.js';
import { recordIssues, validateRecord } from '../../../certificates/record/validate.js';
import { hddInput, nvmeInput, sampleInput } from './fixtures/sample-input.js';

describe('buildErasureRecord', () => {
  it('builds a valid, deterministic record with derived fields', () => {
    const a = buildErasureRecord(sampleInput());
    const b = buildErasureRecord(sampleInput());
    expect(a).toEqual(b);
    expect(a.recordId).toMatch(/^GR-20260314-[0-9a-f]{10}$/);
    expect(a.completedAt).toBe('2026-03-14T10:33:05.000Z');
    expect(a.drives.map((d) => [d.index, d.result, d.durationSeconds])).toEqual([
      [1, 'ERASED', 8969],
      // The NVMe drive had a read error: FAILED, as every engine says (core/verdict.ts).
      [2, 'FAILED', 65],
    ]);
    expect(a.result).toBe('FAILED');
    expect(recordIssues(a)).toEqual([]);
  });

  it('changes the ID when any fact changes', () => {
    const a = buildErasureRecord(sampleInput());
    const b = buildErasureRecord(sampleInput({ drives: [hddInput({ serial: 'OTHER' }), nvmeInput()] }));
    expect(a.recordId).not.toBe(b.recordId);
  });

  it('derives FAILED and ABORTED, and takes the worst for the machine', () => {
    const failed = hddInput({
      verification: { method: 'full', coveragePercent: 100, passed: false, detail: null },
    });
    const aborted = nvmeInput({ aborted: true, errors: [] });
    const r = buildErasureRecord(sampleInput({ drives: [failed, aborted] }));
    expect(r.drives.map((d) => d.result)).toEqual(['FAILED', 'ABORTED']);
    expect(r.result).toBe('FAILED');
  });

  it('derives ERASED_WITH_EXCEPTIONS for a hidden area left in place or an interruption never resumed', () => {
    const hidden = hddInput({
      hiddenAreas: {
        hpa: { found: true, handling: 'left-in-place', sectors: 2048 },
        dco: { found: false, handling: 'none-found', sectors: null },
      },
    });
    const unresumed = nvmeInput({
      errors: [],
      interruptions: [
        { at: '2026-03-14T10:32:30.000Z', reason: 'process-died', resumedAt: null, resumeOffsetBytes: 0 },
      ],
    });
    const r = buildErasureRecord(sampleInput({ drives: [hidden, unresumed] }));
    expect(r.drives.map((d) => d.result)).toEqual(['ERASED_WITH_EXCEPTIONS', 'ERASED_WITH_EXCEPTIONS']);
    expect(r.result).toBe('ERASED_WITH_EXCEPTIONS');
  });

  it('refuses an engine verdict more lenient than the facts', () => {
    expect(() => buildErasureRecord(sampleInput({ drives: [nvmeInput({ result: 'ERASED' })] }))).toThrow(
      RecordInvalidError,
    );
  });

  it('accepts a stricter verdict', () => {
    const r = buildErasureRecord(sampleInput({ drives: [hddInput({ result: 'FAILED' })] }));
    expect(r.result).toBe('FAILED');
  });

  it('refuses no drives, reversed times and bad values, listing every issue in both languages', () => {
    expect(() => buildErasureRecord(sampleInput({ drives: [] }))).toThrow(RecordInvalidError);
    expect(() =>
      buildErasureRecord(sampleInput({ drives: [hddInput({ finishedAt: '2026-03-13T00:00:00.000Z' })] })),
    ).toThrow(/finishedAt is before startedAt/);
    try {
      buildErasureRecord(
        sampleInput({ drives: [hddInput({ sizeBytes: -1, mediaType: 'floppy' as 'hdd' })] }),
      );
      expect.unreachable();
    } catch (error) {
      const e = error as RecordInvalidError;
      expect(e.issues.map((i) => i.en)).toEqual(
        expect.arrayContaining([
          'record.drives[0].sizeBytes: expected an integer ≥ 0',
          expect.stringMatching(/^record\.drives\[0\]\.mediaType: expected one of hdd, ssd/),
        ]),
      );
      expect(e.issues.map((i) => i.fr)).toContain('record.drives[0].sizeBytes : attendu : un entier ≥ 0');
      expect(e.text.fr).toMatch(/invalide/);
      expect(e.exitCode).toBe(10);
    }
  });
});

describe('validateRecord', () => {
  it('rejects unknown fields, missing fields and a wrong schema', () => {
    const r = buildErasureRecord(sampleInput()) as unknown as Record<string, unknown>;
    expect(recordIssues({ ...r, extra: 1 })).toEqual([
      { fr: 'record.extra : champ inconnu', en: 'record.extra: unknown field' },
    ]);
    const { donor: _donor, ...noDonor } = r;
    expect(recordIssues(noDonor)).toEqual([{ fr: 'record.donor : manquant', en: 'record.donor: missing' }]);
    expect(recordIssues({ ...r, schema: 'gomme.erasure-record/2' })[0]?.en).toBe(
      'record.schema: expected "gomme.erasure-record/1"',
    );
    expect(recordIssues({ ...r, drives: [] }).map((i) => i.en)).toEqual(['record.drives: empty']);
    expect(() => validateRecord('nope')).toThrow(RecordInvalidError);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, ends with a newline and hashes stably', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      2,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
    expect(sha256Hex(canonicalJson({ a: 1 }))).toBe(sha256Hex(canonicalJson({ a: 1 })));
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});
