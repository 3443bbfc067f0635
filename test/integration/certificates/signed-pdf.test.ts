import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../certificates/config.js';
import { VerifyExitCode } from '../../../certificates/exit-codes.js';
import { commitRecord } from '../../../certificates/journal-store.js';
import { initKeys } from '../../../certificates/keys/init-keys.js';
import { loadIdentity, loadPublicCertificates, readCertificates } from '../../../certificates/keys/store.js';
import { buildErasureRecord } from '../../../certificates/record/build-record.js';
import { canonicalBytes, sha256Hex } from '../../../certificates/record/canonical-json.js';
import {
  type CertificateEnv,
  renderCertificate,
  type WrittenCertificate,
} from '../../../certificates/render-certificate.js';
import { verifyCertificate } from '../../../certificates/verify/verify-certificate.js';
import { openJournal } from '../../../core/journal/open-journal.js';
import { projectRoot } from '../../helpers/fixtures.js';
import { hddInput, sampleInput } from '../../unit/certificates/fixtures/sample-input.js';
import { nssTrusting, tempDataDir, tool } from './helpers.js';

const artifacts = join(projectRoot, 'test-artifacts', 'certificates');
const data = tempDataDir();
let env: CertificateEnv;
let nss: string;
const record = buildErasureRecord(sampleInput());
const second = buildErasureRecord(
  sampleInput({
    machine: {
      vendor: 'Lenovo',
      model: 'ThinkPad T470',
      serial: 'PF0XYZ12',
      uuid: null,
      assetTag: null,
      inventory: null,
    },
    drives: [
      hddInput({ serial: 'WD-WCC4N0123456', manufacturer: 'WDC', model: 'WD5000LPCX', interface: 'sata' }),
    ],
  }),
);
const written: Record<string, WrittenCertificate> = {};
const timings: number[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  initKeys(data.dir, { organisation: 'Ressourcerie du Lac' });
  nss = nssTrusting(data.dir, readFileSync(join(data.dir, 'keys', 'org-chain.pem'), 'utf8'));
  const journal = openJournal(data.dir);
  commitRecord(journal, record);
  commitRecord(journal, second);
  env = {
    journal,
    dataDir: data.dir,
    lang: 'fr',
    config: loadConfig(data.dir),
    identity: loadIdentity(data.dir, undefined),
  };
  const targets = {
    drive: { kind: 'drive', recordId: record.recordId, driveIndex: 1 },
    machine: { kind: 'machine', recordId: record.recordId },
    lot: { kind: 'lot', lotId: record.lot.id },
  } as const;
  for (const [name, target] of Object.entries(targets)) {
    const started = performance.now();
    written[name] = await renderCertificate(env, target);
    timings.push(performance.now() - started);
  }
  const en = await renderCertificate({ ...env, lang: 'en' }, targets.drive);
  written.driveEn = en;
  console.info(
    `render+sign ms: ${timings.map((t) => t.toFixed(0)).join(', ')}; sizes: ${Object.values(written)
      .map((w) => w.bytes)
      .join(', ')}`,
  );
});

afterAll(() => {
  env.journal.close();
  data.cleanup();
});

const kinds = ['drive', 'machine', 'lot', 'driveEn'] as const;
const pathOf = (k: (typeof kinds)[number]) => written[k]?.path ?? '';

describe.each(kinds)('%s certificate, checked by independent tools', (kind) => {
  it('pdfsig: valid, whole document signed, ETSI.CAdES.detached, trusted with the root in NSS', () => {
    const r = tool('pdfsig', ['-nssdir', nss, pathOf(kind)]);
    expect(r.out).toContain('Signature is Valid.');
    expect(r.out).toContain('Total document signed');
    expect(r.out).toContain('ETSI.CAdES.detached');
    expect(r.out).toContain('Certificate is Trusted.');
    expect(readFileSync(pathOf(kind)).subarray(0, 8).toString()).toBe('%PDF-1.7');
  });

  it('pdfdetach returns the embedded JSON byte-identical, and qpdf --check is clean', () => {
    const out = join(data.dir, `detached-${kind}`);
    mkdirSync(out);
    expect(tool('pdfdetach', ['-saveall', '-o', out, pathOf(kind)]).status).toBe(0);
    const name = kind === 'lot' ? 'lot-records.json' : 'erasure-record.json';
    const detached = readFileSync(join(out, name));
    if (kind !== 'lot') expect(detached.equals(canonicalBytes(record))).toBe(true);
    expect(sha256Hex(detached)).toBe(written[kind]?.payloadSha256);
    const q = tool('qpdf', ['--check', pathOf(kind)]);
    expect(q.status).toBe(0);
    expect(q.out).toContain('No syntax or stream encoding errors');
  });

  it('gomme verify: valid, and the printed hash equals the attachment hash', () => {
    const report = verifyCertificate(
      'x.pdf',
      readFileSync(pathOf(kind)),
      loadPublicCertificates(data.dir).own,
    );
    expect(report.status).toBe('valid');
    expect(report.exitCode).toBe(VerifyExitCode.VALID);
    expect(report.actualSha256).toBe(report.claimedSha256);
    const printed = tool('pdftotext', ['-layout', pathOf(kind), '-']).out;
    expect(printed).toContain(report.claimedSha256);
    expect(printed).toContain(report.certificateId);
  });
});

describe('tampering', () => {
  const original = () => readFileSync(pathOf('drive'));
  const anchors = () => loadPublicCertificates(data.dir).own;

  it('one flipped byte in the signed range is caught by pdfsig and gomme verify', () => {
    const bytes = original();
    const at = bytes.indexOf('/Producer');
    bytes[at + 3] = (bytes[at + 3] ?? 0) ^ 0x01;
    const file = join(data.dir, 'flipped.pdf');
    writeFileSync(file, bytes);
    expect(tool('pdfsig', [file]).out).toMatch(/Digest Mismatch|Signature is Invalid/);
    const report = verifyCertificate('flipped.pdf', bytes, anchors());
    expect(report.status).toBe('tampered');
    expect(report.exitCode).toBe(11);
    expect(report.checks.find((c) => c.name === 'digest')?.ok).toBe(false);
  });

  it('a flipped byte inside the compressed attachment is caught', () => {
    const bytes = original();
    const at = bytes.indexOf('stream', bytes.indexOf('/Type /EmbeddedFile')) + 40;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    expect(verifyCertificate('x.pdf', bytes, anchors()).status).toBe('tampered');
  });

  it('appended bytes: pdfsig says "Not total document signed", gomme verify says tampered', () => {
    const file = join(data.dir, 'appended.pdf');
    const bytes = Buffer.concat([original(), Buffer.from('\n% appended\n')]);
    writeFileSync(file, bytes);
    expect(tool('pdfsig', [file]).out).toContain('Not total document signed');
    const report = verifyCertificate('appended.pdf', bytes, anchors());
    expect(report.status).toBe('tampered');
    expect(report.checks.find((c) => c.name === 'whole-document')?.ok).toBe(false);
  });

  it('a certificate from another organisation is intact but from an unknown signer (12), until trusted', () => {
    const other = tempDataDir();
    try {
      initKeys(other.dir, { organisation: 'Autre Asso' });
      const report = verifyCertificate('x.pdf', original(), loadPublicCertificates(other.dir).own);
      expect(report.status).toBe('unknown-signer');
      expect(report.exitCode).toBe(12);
      const trusted = readCertificates(join(data.dir, 'keys', 'org-chain.pem'));
      expect(verifyCertificate('x.pdf', original(), trusted).status).toBe('valid');
    } finally {
      other.cleanup();
    }
  });
});

describe('legibility', () => {
  it('renders page 1 of each certificate to PNG (kept in test-artifacts/)', () => {
    for (const kind of kinds) {
      const prefix = join(artifacts, kind);
      expect(
        tool('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pathOf(kind), prefix])
          .status,
      ).toBe(0);
      const png = readFileSync(`${prefix}.png`);
      // A4 at 100 dpi is 827 × 1169 px (± rounding); a blank page compresses to a few kB, a filled one to far more.
      expect(png.readUInt32BE(16)).toBe(827);
      expect(Math.abs(png.readUInt32BE(20) - 1169)).toBeLessThanOrEqual(1);
      expect(statSync(`${prefix}.png`).size).toBeGreaterThan(40_000);
    }
  });

  it('PDFs stay small and rendering+signing stays fast', () => {
    for (const kind of kinds) expect(written[kind]?.bytes).toBeLessThan(120_000);
    expect(Math.max(...timings)).toBeLessThan(5_000);
  });
});
