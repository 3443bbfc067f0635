import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../certificates/config.js';
import {
  createOrganisationCa,
  generateStationKey,
  issueStationCertificate,
} from '../../../certificates/keys/station.js';
import { loadIdentity, loadPublicCertificates, saveIdentity } from '../../../certificates/keys/store.js';
import { renderDriveCertificate } from '../../../certificates/pdf/render-drive.js';
import { buildErasureRecord } from '../../../certificates/record/build-record.js';
import { verifyCertificate } from '../../../certificates/verify/verify-certificate.js';
import { sampleInput } from '../../unit/certificates/fixtures/sample-input.js';
import { nssTrusting, tempDataDir, tool } from './helpers.js';

/** A station (its own key, a certificate from the organisation CA) signs PDFs that carry the whole chain. */
const data = tempDataDir('gomme-station-pdf-');
afterAll(() => data.cleanup());

const org = createOrganisationCa({ organisation: 'Ressourcerie du Lac' });
const key = generateStationKey();
const stationDir = join(data.dir, 'station');
mkdirSync(stationDir);
saveIdentity(
  stationDir,
  {
    privateKey: key.privateKey,
    ...issueStationCertificate(org, key.publicKey, { stationName: 'Poste 2', validity: { days: 365 } }),
  },
  { passphrase: 'station pass' },
);
const record = buildErasureRecord(sampleInput());

async function stationPdf(): Promise<{ path: string; bytes: Buffer }> {
  const identity = loadIdentity(stationDir, 'station pass');
  const rendered = await renderDriveCertificate(record, 1, {
    lang: 'fr',
    config: loadConfig(data.dir),
    identity,
  });
  const path = join(data.dir, 'station-D1.pdf');
  writeFileSync(path, rendered.pdf);
  return { path, bytes: rendered.pdf };
}

describe('PDF signed by a station', () => {
  it('pdfsig: valid and trusted with only the organisation root in NSS (the chain travels in the CMS)', async () => {
    const { path } = await stationPdf();
    const nss = nssTrusting(data.dir, org.certificate.toString());
    const r = tool('pdfsig', ['-nssdir', nss, path]);
    expect(r.out).toContain('Signature is Valid.');
    expect(r.out).toContain('Total document signed');
    expect(r.out).toContain('Certificate is Trusted.');
    expect(r.out).toContain('Poste 2');
  });

  it('gomme verify: valid against the organisation root, with the chain station → organisation', async () => {
    const { bytes } = await stationPdf();
    const report = verifyCertificate('s.pdf', bytes, { anchors: [org.certificate] });
    expect(report).toMatchObject({ status: 'valid', exitCode: 0, signatureValid: true, chainValid: true });
    expect(report.chain.map((c) => c.fingerprint256)).toEqual([
      loadPublicCertificates(stationDir).own[0]?.fingerprint256,
      org.certificate.fingerprint256,
    ]);
    expect(report.signedAt).not.toBeNull();
  });

  it('revoked station: a PDF signed after the revocation date is "revoked" (12), one signed before stays valid', async () => {
    const { bytes } = await stationPdf();
    const report = verifyCertificate('s.pdf', bytes, { anchors: [org.certificate] });
    const station = report.signer?.fingerprint256 ?? '';
    const signedAt = new Date(report.signedAt ?? 0);
    const revokedEarlier = verifyCertificate('s.pdf', bytes, {
      anchors: [org.certificate],
      revocations: [{ fingerprint256: station, revokedAt: new Date(signedAt.getTime() - 60_000) }],
    });
    expect(revokedEarlier.status).toBe('revoked');
    expect(revokedEarlier.exitCode).toBe(12);
    expect(revokedEarlier.revoked?.fingerprint256).toBe(station);
    expect(revokedEarlier.checks.find((c) => c.name === 'not-revoked')?.ok).toBe(false);
    const revokedLater = verifyCertificate('s.pdf', bytes, {
      anchors: [org.certificate],
      revocations: [{ fingerprint256: station, revokedAt: new Date(signedAt.getTime() + 60_000) }],
    });
    expect(revokedLater.status).toBe('valid');
  });
});
