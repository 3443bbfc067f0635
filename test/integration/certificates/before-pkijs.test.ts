import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../certificates/config.js';
import { readCertificateFile } from '../../../certificates/keys/input-files.js';
import { loadIdentity } from '../../../certificates/keys/store.js';
import { renderMachineCertificate } from '../../../certificates/pdf/render-machine.js';
import { canonicalBytes } from '../../../certificates/record/canonical-json.js';
import { validateRecord } from '../../../certificates/record/validate.js';
import { PdfIndex } from '../../../certificates/verify/pdf-index.js';
import { embeddedFile } from '../../../certificates/verify/pdf-objects.js';
import { verifyCertificate } from '../../../certificates/verify/verify-certificate.js';
import { certVerifyCommand } from '../../../cli/commands/cert.js';
import { projectRoot } from '../../helpers/fixtures.js';
import { captureContext, nssTrusting, tempDataDir, tool } from './helpers.js';

/** Certificates made by the hand-written node-forge X.509/CMS code (see the fixtures' README) still verify. */
const fixtures = join(projectRoot, 'test', 'fixtures', 'certificates', 'before-pkijs');
const sets = [
  { dir: 'plain', root: 'plain-root.pem' },
  { dir: 'encrypted', root: 'encrypted-root.pem' },
] as const;
const files = sets.flatMap(({ dir, root }) =>
  readdirSync(join(fixtures, dir)).map((name) => ({
    path: join(fixtures, dir, name),
    root: join(fixtures, root),
  })),
);
const data = tempDataDir('gomme-before-pkijs-');
afterAll(() => data.cleanup());

describe('certificates made before pkijs', () => {
  it('cover drive, machine and lot certificates from a plain and an encrypted key', () => {
    expect(files.map((f) => f.path.replace(/.*-(D\d|M)\.pdf$|.*(LOT)-.*/, '$1$2')).sort()).toEqual([
      'D1',
      'D1',
      'D2',
      'LOT',
      'M',
      'M',
    ]);
  });

  it.each(files.map((f) => [f.path.split('/').slice(-2).join('/'), f] as const))(
    '%s: valid for the library and for `gomme cert verify --trust`, its record valid and byte-identical',
    (_, { path, root }) => {
      const bytes = readFileSync(path);
      const report = verifyCertificate('old.pdf', bytes, readCertificateFile(root));
      expect(report.status).toBe('valid');
      expect(report.checks.every((c) => c.ok)).toBe(true);
      const { ctx } = captureContext({ GOMME_DATA_DIR: data.dir });
      expect(certVerifyCommand(ctx, path, { trust: [root] })).toBe(0);
      expect(certVerifyCommand(captureContext({ GOMME_DATA_DIR: data.dir }).ctx, path, {})).toBe(12);
      const embedded = embeddedFile(new PdfIndex(bytes));
      expect(embedded).not.toBeNull();
      const json = JSON.parse(String(embedded));
      if (!path.includes('LOT-'))
        expect(canonicalBytes(validateRecord(json)).equals(embedded as Buffer)).toBe(true);
    },
  );

  it('the encrypted keys folder made then still loads with its passphrase and signs certificates pdfsig trusts', async () => {
    const dataDir = join(data.dir, 'old-keys');
    cpSync(join(fixtures, 'encrypted-keys'), join(dataDir, 'keys'), { recursive: true });
    const passphrase = readFileSync(join(fixtures, 'passphrase.txt'), 'utf8').split('\n')[0];
    const identity = loadIdentity(dataDir, passphrase);
    const old = readFileSync(join(fixtures, 'encrypted', readdirSync(join(fixtures, 'encrypted'))[0] ?? ''));
    const record = validateRecord(JSON.parse(String(embeddedFile(new PdfIndex(old)))));
    const rendered = await renderMachineCertificate(record, {
      lang: 'fr',
      config: loadConfig(dataDir),
      identity,
    });
    const path = join(data.dir, 'new-with-old-key.pdf');
    writeFileSync(path, rendered.pdf);
    const root = readFileSync(join(fixtures, 'encrypted-root.pem'), 'utf8');
    const r = tool('pdfsig', ['-nssdir', nssTrusting(data.dir, root), path]);
    expect(r.out).toContain('Signature is Valid.');
    expect(r.out).toContain('Certificate is Trusted.');
    expect(
      verifyCertificate('n.pdf', rendered.pdf, readCertificateFile(join(fixtures, 'encrypted-root.pem')))
        .status,
    ).toBe('valid');
  });
});
