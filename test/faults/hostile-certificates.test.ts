import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfUnreadableError } from '../../certificates/errors.js';
import { readCertificateFile } from '../../certificates/keys/input-files.js';
import { type VerifyReport, verifyCertificate } from '../../certificates/verify/verify-certificate.js';
import { projectRoot } from '../helpers/fixtures.js';

/**
 * Hostile and rewritten certificates. A gomme certificate whose signature no longer covers the file is
 * tampered (11) whatever rewrote it; only a file with no trace of gomme is unreadable (10). Parsing stays
 * linear in the file size: 10 MB of repeated markers get a verdict, and the time is printed (not asserted).
 */
const fixtures = join(projectRoot, 'test', 'fixtures', 'certificates', 'before-pkijs');
const original = readFileSync(join(fixtures, 'plain', 'GR-20260314-d83c869711-M.pdf'));
const anchors = readCertificateFile(join(fixtures, 'plain-root.pem'));
const dir = mkdtempSync(join(tmpdir(), 'gomme-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function qpdf(args: string[]): Buffer {
  const input = join(dir, 'in.pdf');
  const output = join(dir, 'out.pdf');
  writeFileSync(input, original);
  const r = spawnSync('qpdf', [...args, input, output], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(output);
}

function verdict(bytes: Buffer): VerifyReport {
  return verifyCertificate('x.pdf', bytes, anchors);
}

const failed = (report: VerifyReport) => report.checks.filter((c) => !c.ok).map((c) => c.name);

describe('rewrites of a signed certificate are tampering (11), never "not signed" (10)', () => {
  it('the untouched fixture is valid', () => {
    expect(verdict(original).status).toBe('valid');
  });

  it.each([
    ['qpdf rewrite (qpdf in out, as --replace-input does)', []],
    ['qpdf with object streams (the Info dictionary compressed)', ['--object-streams=generate']],
    ['qpdf QDF form', ['--qdf']],
    ['qpdf with recompressed streams', ['--recompress-flate', '--compression-level=9']],
  ])('%s', (_, args) => {
    const report = verdict(qpdf(args));
    expect(report.status).toBe('tampered');
    expect(report.exitCode).toBe(11);
    expect(failed(report)).toContain('whole-document');
    expect(report.certificateId).toBe('GR-20260314-d83c869711-M');
  });

  it('an incremental update (new Info dictionary appended after %%EOF) is tampering', () => {
    const update = Buffer.from(
      '\n19 0 obj\n<< /GommeCertificateId (GR-FAKE) /GommePayloadSha256 (00) >>\nendobj\ntrailer\n<< /Info 19 0 R >>\n%%EOF\n',
    );
    const report = verdict(Buffer.concat([original, update]));
    expect(report.status).toBe('tampered');
    expect(failed(report)).toContain('whole-document');
  });

  it('the signature dictionary removed (its /ByteRange renamed) is tampering: "the signature was removed"', () => {
    const bytes = Buffer.from(original.toString('latin1').replace('/ByteRange', '/ByteRangX'), 'latin1');
    const report = verdict(bytes);
    expect(report.status).toBe('tampered');
    expect(report.checks.find((c) => c.name === 'whole-document')?.detail.en).toBe(
      'the signature was removed',
    );
  });

  it('the signature bytes zeroed in place is tampering', () => {
    const text = original.toString('latin1');
    const at = text.indexOf('/Contents <') + '/Contents <'.length;
    const bytes = Buffer.from(original);
    bytes.fill('0', at, at + 200);
    expect(verdict(bytes).status).toBe('tampered');
  });

  it('a second signature dictionary added is tampering', () => {
    const extra = Buffer.from(
      '\n99 0 obj\n<< /Type /Sig /ByteRange [0 10 20 30] /Contents <00> >>\nendobj\n%%EOF\n',
    );
    const report = verdict(Buffer.concat([original, extra]));
    expect(report.status).toBe('tampered');
  });

  it('a certificate cut short is incomplete (10), not tampered', () => {
    expect(() => verdict(original.subarray(0, original.length - 200))).toThrow(PdfUnreadableError);
  });
});

const TEN_MB = 10 * 1024 * 1024;
function repeat(head: string, unit: string, tail = '\n%%EOF\n'): Buffer {
  const count = Math.ceil((TEN_MB - head.length) / unit.length);
  return Buffer.from(head + unit.repeat(count) + tail, 'latin1');
}
const INFO_REF = '%PDF-1.7\n1 0 obj\n<< /GommeCertificateId 7 0 R /GommePayloadSha256 (ab) >>\nendobj\n';

describe('hostile PDFs of 10 MB get a verdict in time linear in their size', () => {
  const cases: Array<[string, Buffer, 'unreadable' | VerifyReport['status']]> = [
    [
      'object headers without endobj, Info pointing at them',
      repeat(INFO_REF, '\n7 0 obj /ByteRange [0 1 2 3] stream\n'),
      'tampered',
    ],
    ['/ByteRange arrays never closed', repeat('%PDF-1.7\n', '/ByteRange [ 0 1 2 '), 'unreadable'],
    [
      'stream keywords without endstream',
      repeat('%PDF-1.7\n1 0 obj << /Length 99999999 >> ', 'stream\n'),
      'unreadable',
    ],
    ['Info strings never closed', repeat('%PDF-1.7\n1 0 obj << ', '/GommeCertificateId ((('), 'unreadable'],
    ['long runs of digits before obj', repeat('%PDF-1.7\n', `${'9'.repeat(5000)} 0 obj `), 'unreadable'],
    [
      'signature dictionaries with unterminated arrays and strings, Info pointing at them',
      repeat(INFO_REF, '\n7 0 obj\n<< /ByteRange [ 0 1 2 /Contents <0a0b /M (D:2026 >>\nendobj'),
      'tampered',
    ],
    [
      'embedded-file dictionaries without streams',
      repeat('%PDF-1.7\n', '2 0 obj << /Type /EmbeddedFile /Length 5 >> endobj\n'),
      'unreadable',
    ],
    [
      'a signed certificate padded with 10 MB of object markers',
      Buffer.concat([original, repeat('', '\n8 0 obj\n<< /ByteRange [')]),
      'tampered',
    ],
  ];
  it.each(cases)('%s', (name, bytes, expected) => {
    const started = process.cpuUsage();
    let outcome: string;
    try {
      outcome = verdict(bytes).status;
    } catch (error) {
      expect(error).toBeInstanceOf(PdfUnreadableError);
      expect((error as PdfUnreadableError).exitCode).toBe(10);
      outcome = 'unreadable';
    }
    const used = process.cpuUsage(started);
    console.info(
      `hostile PDF (${(bytes.length / 1048576).toFixed(1)} MB, ${name}): ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`,
    );
    expect(outcome).toBe(expected);
  });
});
