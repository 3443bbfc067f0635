import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCertificateRequest, csrToPem } from '../../../certificates/keys/csr.js';
import { initKeys } from '../../../certificates/keys/init-keys.js';
import {
  createOrganisationCa,
  generateStationKey,
  issueStationCertificate,
  StationIssueError,
} from '../../../certificates/keys/station.js';
import { loadIdentity, type SigningIdentity } from '../../../certificates/keys/store.js';
import { caConstraints, issueCertificate } from '../../../certificates/keys/x509.js';
import { buildDetachedCms } from '../../../certificates/sign/cms-signer.js';
import { verifySignature } from '../../../certificates/verify/verify-signature.js';

const dir = mkdtempSync(join(tmpdir(), 'gomme-station-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const now = new Date('2026-06-01T12:00:00Z');
const org = createOrganisationCa({ organisation: 'Ressourcerie du Lac', now });
const otherOrg = createOrganisationCa({ organisation: 'Autre Asso', now });
const stationKey = generateStationKey();
const issued = issueStationCertificate(org, stationKey.publicKey, {
  stationName: 'Poste 3 — atelier',
  validity: { days: 365 },
  now,
});
const station: SigningIdentity = { privateKey: stationKey.privateKey, ...issued };
const record = Buffer.from('{"schema":"gomme.erasure-record/1"}\n');
const signedAt = new Date('2026-07-01T09:00:00Z');

function openssl(args: string[]): { status: number | null; out: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('organisation CA and station certificates', () => {
  it('the organisation CA is a CA that cannot issue sub-CAs; the station certificate is a signing leaf', () => {
    expect(caConstraints(org.certificate)).toEqual({ ca: true, pathLength: 0 });
    expect(caConstraints(station.certificate)).toEqual({ ca: false, pathLength: null });
    expect(station.certificate.subject).toContain('CN=Poste 3 — atelier');
    expect(station.certificate.subject).toContain('O=Ressourcerie du Lac');
    expect(station.certificate.checkIssued(org.certificate)).toBe(true);
    expect(station.chain.map((c) => c.fingerprint256)).toEqual([org.certificate.fingerprint256]);
  });

  it('OpenSSL, independently, validates station → organisation CA and the CMS a station makes', () => {
    const ca = join(dir, 'org-ca.pem');
    const leaf = join(dir, 'station.pem');
    writeFileSync(ca, org.certificate.toString());
    writeFileSync(leaf, station.certificate.toString());
    const at = String(Math.floor(signedAt.getTime() / 1000));
    expect(openssl(['verify', '-attime', at, '-CAfile', ca, leaf]).out).toContain(': OK');
    const content = join(dir, 'record.json');
    const cms = join(dir, 'record.cms');
    writeFileSync(content, record);
    writeFileSync(cms, buildDetachedCms(record, station));
    const r = openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      cms,
      '-content',
      content,
      '-CAfile',
      ca,
      '-purpose',
      'any',
      '-attime',
      at,
      '-out',
      '/dev/null',
    ]);
    expect(r.out).toContain('Verification successful');
  });

  it('issues from a PKCS#10 request (PEM or DER) and refuses a request whose signature does not match', () => {
    const key = generateStationKey();
    const csr = createCertificateRequest(key.privateKey, { commonName: 'Poste 7', organisation: 'X' });
    for (const input of [csr, csrToPem(csr)]) {
      const fromCsr = issueStationCertificate(org, input, {
        stationName: 'Poste 7',
        validity: { days: 30 },
        now,
      });
      expect(fromCsr.certificate.publicKey.equals(key.publicKey)).toBe(true);
    }
    const forged = Buffer.from(csr);
    forged[forged.length - 5] = (forged[forged.length - 5] ?? 0) ^ 0xff;
    expect(() =>
      issueStationCertificate(org, forged, { stationName: 'P', validity: { days: 1 }, now }),
    ).toThrow(StationIssueError);
  });

  it('refuses a stand-alone organisation key (not a CA), an empty name and a validity beyond the CA', () => {
    initKeys(dir, { organisation: 'Seule', now });
    const standAlone = loadIdentity(dir, undefined);
    const opts = { stationName: 'P', validity: { days: 30 }, now };
    expect(() => issueStationCertificate(standAlone, stationKey.publicKey, opts)).toThrow(/not a CA/);
    expect(() => issueStationCertificate(org, stationKey.publicKey, { ...opts, stationName: ' ' })).toThrow(
      StationIssueError,
    );
    const e = (() => {
      try {
        issueStationCertificate(org, stationKey.publicKey, { ...opts, validity: { days: 365 * 40 } });
      } catch (error) {
        return error as StationIssueError;
      }
      return null;
    })();
    expect(e?.exitCode).toBe(10);
    expect(e?.text.fr).toMatch(/Certificat de poste non délivré/);
  });
});

describe('verifySignature: signature, chain against organisation roots, revocation', () => {
  const cms = buildDetachedCms(record, station);

  it('the CMS carries the chain: valid against the organisation root alone', () => {
    const v = verifySignature(cms, record, { anchors: [org.certificate], at: signedAt });
    expect(v).toMatchObject({ signatureValid: true, chainValid: true, revoked: null, problems: [] });
    expect(v.signer.fingerprint256).toBe(station.certificate.fingerprint256);
    expect(v.chain.map((c) => c.fingerprint256)).toEqual([
      station.certificate.fingerprint256,
      org.certificate.fingerprint256,
    ]);
  });

  it('another organisation root does not make it trusted; changed content breaks the signature', () => {
    const foreign = verifySignature(cms, record, { anchors: [otherOrg.certificate], at: signedAt });
    expect(foreign.signatureValid).toBe(true);
    expect(foreign.chainValid).toBe(false);
    const changed = verifySignature(cms, Buffer.from(`${record}x`), {
      anchors: [org.certificate],
      at: signedAt,
    });
    expect(changed.signatureValid).toBe(false);
  });

  it('a certificate outside its validity at the signing time breaks the chain', () => {
    const late = verifySignature(cms, record, { anchors: [org.certificate], at: new Date('2030-01-01') });
    expect(late.chainValid).toBe(false);
    expect(late.problems.map((p) => p.en).join()).toMatch(/not valid at/);
    expect(late.problems.map((p) => p.fr).join()).toMatch(/non valide au/);
  });

  it('a station revoked at a date: what it signed after is revoked, what it signed before is not', () => {
    const revocations = [
      { fingerprint256: station.certificate.fingerprint256, revokedAt: new Date('2026-06-15') },
    ];
    const after = verifySignature(cms, record, { anchors: [org.certificate], at: signedAt, revocations });
    expect(after.revoked?.certificate.fingerprint256).toBe(station.certificate.fingerprint256);
    const before = verifySignature(cms, record, {
      anchors: [org.certificate],
      at: new Date('2026-06-10'),
      revocations,
    });
    expect(before.revoked).toBeNull();
    expect(before.chainValid).toBe(true);
    const bySerial = verifySignature(cms, record, {
      anchors: [org.certificate],
      at: signedAt,
      revocations: [{ serialNumber: station.certificate.serialNumber, revokedAt: new Date('2026-06-15') }],
    });
    expect(bySerial.revoked).not.toBeNull();
  });

  it('a certificate issued by a station (not a CA) never chains, even to a trusted root', () => {
    const rogueKey = generateStationKey();
    const der = issueCertificate({
      subject: { commonName: 'rogue', organisation: 'Ressourcerie du Lac' },
      subjectKey: rogueKey.publicKey,
      issuer: station.certificate,
      issuerKey: station.privateKey,
      issuerPublicKey: station.certificate.publicKey,
      profile: 'signing',
      notBefore: now,
      notAfter: new Date('2027-01-01'),
    });
    const rogue: SigningIdentity = {
      privateKey: rogueKey.privateKey,
      certificate: new X509Certificate(der),
      chain: [station.certificate, org.certificate],
    };
    const v = verifySignature(buildDetachedCms(record, rogue), record, {
      anchors: [org.certificate],
      at: signedAt,
    });
    expect(v.signatureValid).toBe(true);
    expect(v.chainValid).toBe(false);
  });
});
