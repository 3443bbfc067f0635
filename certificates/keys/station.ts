import { createPublicKey, generateKeyPairSync, type KeyObject, X509Certificate } from 'node:crypto';
import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { type Text, text } from '../../core/i18n.js';
import { OID } from './algorithms.js';
import { readCertificateRequest } from './csr.js';
import type { SigningIdentity } from './store.js';
import { caConstraints, issueCertificate, subjectAttribute } from './x509.js';

/**
 * The organisation as a small CA. A hub keeps the organisation CA's key; each station (a gomme stick or
 * workbench) holds its own key and a station certificate it issued, and signs records and PDFs with it. Every
 * PDF then carries station → organisation CA, and a verifier needs only the organisation roots as anchors.
 * Stand-alone installations (`gomme keys init`: root + leaf, root key discarded) are unaffected.
 */

export type Validity = { days: number } | { notBefore: Date; notAfter: Date };

const DAY = 86_400_000;

/** A self-signed organisation CA whose key is kept, to issue station certificates (pathLen 0: no sub-CA). */
export function createOrganisationCa(options: {
  organisation: string;
  country?: string;
  validity?: Validity;
  now?: Date;
}): SigningIdentity {
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = {
    commonName: `${options.organisation} — autorité des postes gomme`,
    organisation: options.organisation,
    country: options.country ?? 'FR',
  };
  const { notBefore, notAfter } = period(options.validity ?? { days: 20 * 365 }, options.now);
  const der = issueCertificate({
    subject: name,
    subjectKey: keys.publicKey,
    issuer: name,
    issuerKey: keys.privateKey,
    issuerPublicKey: keys.publicKey,
    profile: 'ca',
    notBefore,
    notAfter,
  });
  return { privateKey: keys.privateKey, certificate: new X509Certificate(der), chain: [] };
}

export interface StationCertificate {
  certificate: X509Certificate;
  /** The issuers, organisation CA first, root last: what the station stores as its chain. */
  chain: X509Certificate[];
}

/**
 * Issues a station's signing certificate (CN = station name, O = the organisation's) under the organisation
 * CA. `station` is the station's public key, or its PKCS#10 request (DER or PEM), whose signature is checked.
 * Throws StationIssueError when the organisation identity is not a CA, the key or request is unusable, or the
 * validity falls outside the CA's.
 */
export function issueStationCertificate(
  organisation: SigningIdentity,
  station: KeyObject | Buffer | string,
  options: { stationName: string; validity: Validity; now?: Date },
): StationCertificate {
  const ca = organisation.certificate;
  if (!caConstraints(ca).ca || !ca.checkPrivateKey(organisation.privateKey))
    throw new StationIssueError(
      text(
        'l’identité de l’organisation n’est pas une autorité détenant sa clé privée',
        'the organisation identity is not a CA holding its private key',
      ),
    );
  let subjectKey: KeyObject;
  try {
    subjectKey = isKey(station)
      ? station.type === 'public'
        ? station
        : createPublicKey(station)
      : readCertificateRequest(station).publicKey;
  } catch (error) {
    throw new StationIssueError((error as Error).message, error);
  }
  if (options.stationName.trim() === '')
    throw new StationIssueError(text('nom de poste vide', 'empty station name'));
  const { notBefore, notAfter } = period(options.validity, options.now);
  if (notBefore < new Date(ca.validFrom) || notAfter > new Date(ca.validTo))
    throw new StationIssueError(
      text(
        `validité hors de celle de l’autorité de l’organisation (jusqu’au ${ca.validTo})`,
        `validity outside the organisation CA's (until ${ca.validTo})`,
      ),
    );
  const der = issueCertificate({
    subject: {
      commonName: options.stationName,
      organisation: subjectAttribute(ca, OID.organisation) ?? options.stationName,
      country: 'FR',
    },
    subjectKey,
    issuer: ca,
    issuerKey: organisation.privateKey,
    issuerPublicKey: ca.publicKey,
    profile: 'signing',
    notBefore,
    notAfter,
  });
  return { certificate: new X509Certificate(der), chain: [ca, ...organisation.chain] };
}

/** A new ECDSA P-256 key for a station (what pdfsig and every PDF reader verify). */
export function generateStationKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

export class StationIssueError extends GommeError {
  /** `detail`: a Text, or a technical message (an unreadable CSR) that reads the same in both languages. */
  constructor(detail: Text | string, cause?: unknown) {
    const d = typeof detail === 'string' ? text(detail, detail) : detail;
    super(
      'station-issue',
      text(`Certificat de poste non délivré : ${d.fr}`, `Station certificate not issued: ${d.en}`),
      { exitCode: ExitCode.BAD_INPUT, cause },
    );
  }
}

function period(validity: Validity, now = new Date()): { notBefore: Date; notAfter: Date } {
  if ('days' in validity) {
    // Backdated a day: a donated PC with a slow clock must not see a "not yet valid" certificate.
    return {
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + validity.days * DAY),
    };
  }
  if (validity.notAfter <= validity.notBefore)
    throw new StationIssueError(text('notAfter est avant notBefore', 'notAfter is before notBefore'));
  return validity;
}

const isKey = (value: unknown): value is KeyObject =>
  typeof value === 'object' && value !== null && 'asymmetricKeyType' in value && 'export' in value;
