import { type KeyObject, randomBytes, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  AttributeTypeAndValue,
  type AttributeValueType,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  Extension,
  ExtKeyUsage,
  PublicKeyInfo,
  RelativeDistinguishedNames,
  Time,
  TimeType,
} from 'pkijs';
import { bytes, keyIdentifier, OID, signatureAlgorithm, signSha256 } from './algorithms.js';

export interface DistinguishedName {
  commonName: string;
  organisation: string;
  /** ISO 3166 two-letter code, e.g. "FR". */
  country?: string;
}

/**
 * What a certificate is for. `ca`: signs certificates only (gomme's root, an organisation CA issuing station
 * certificates); `signing`: signs records and PDFs (the organisation's leaf, a station).
 */
export type CertificateProfile = 'ca' | 'signing';

export interface CertificateRequest {
  subject: DistinguishedName;
  subjectKey: KeyObject;
  /** The issuer's name: a DistinguishedName for a self-signed root, else the issuing certificate. */
  issuer: DistinguishedName | X509Certificate;
  /** Signs the certificate: the subject's own private key for a root CA. */
  issuerKey: KeyObject;
  issuerPublicKey: KeyObject;
  profile: CertificateProfile;
  notBefore: Date;
  notAfter: Date;
}

/** Issues a DER X.509 v3 certificate (EC or RSA): pkijs encodes it, node:crypto signs the TBS bytes. */
export function issueCertificate(request: CertificateRequest): Buffer {
  const algorithm = signatureAlgorithm(request.issuerKey);
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01; // positive and 16 bytes long (RFC 5280 §4.1.2.2)
  const certificate = new Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ valueHex: serial }),
    signature: algorithm,
    issuer: request.issuer instanceof X509Certificate ? subjectOf(request.issuer) : nameToRdn(request.issuer),
    notBefore: time(request.notBefore),
    notAfter: time(request.notAfter),
    subject: nameToRdn(request.subject),
    subjectPublicKeyInfo: PublicKeyInfo.fromBER(request.subjectKey.export({ type: 'spki', format: 'der' })),
    extensions: extensions(request),
    signatureAlgorithm: algorithm,
  });
  const tbs = certificate.encodeTBS().toBER();
  certificate.tbsView = new Uint8Array(tbs);
  certificate.signatureValue = new asn1js.BitString({
    valueHex: signSha256(request.issuerKey, new Uint8Array(tbs)),
  });
  return bytes(certificate.toSchema().toBER());
}

export function nameToRdn(name: DistinguishedName): RelativeDistinguishedNames {
  const attribute = (type: string, value: AttributeValueType) => new AttributeTypeAndValue({ type, value });
  const typesAndValues = [
    attribute(OID.organisation, new asn1js.Utf8String({ value: name.organisation })),
    attribute(OID.commonName, new asn1js.Utf8String({ value: name.commonName })),
  ];
  // countryName is a PrintableString per RFC 5280.
  if (name.country)
    typesAndValues.unshift(attribute(OID.country, new asn1js.PrintableString({ value: name.country })));
  return new RelativeDistinguishedNames({ typesAndValues });
}

/** The issuing certificate's subject, re-used as read so the chain links byte for byte. */
export function subjectOf(certificate: X509Certificate): RelativeDistinguishedNames {
  return Certificate.fromBER(certificate.raw).subject;
}

/** An attribute of a certificate's subject (e.g. OID.organisation), or null. */
export function subjectAttribute(certificate: X509Certificate, type: string): string | null {
  const found = subjectOf(certificate).typesAndValues.find((t) => t.type === type);
  return found ? String(found.value.valueBlock.value) : null;
}

/** UTCTime until 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 requires. */
function time(date: Date): Time {
  return new Time({
    type: date.getUTCFullYear() < 2050 ? TimeType.UTCTime : TimeType.GeneralizedTime,
    value: date,
  });
}

function extension(extnID: string, critical: boolean, value: { toSchema(): asn1js.BaseBlock }): Extension {
  return new Extension({ extnID, critical, extnValue: value.toSchema().toBER() });
}

function extensions(request: CertificateRequest): Extension[] {
  const isCa = request.profile === 'ca';
  // keyUsage, DER "named bit list": CA = keyCertSign(5)+cRLSign(6); signing = digitalSignature(0)+nonRepudiation(1).
  const keyUsage = isCa
    ? new asn1js.BitString({ valueHex: Uint8Array.of(0x06), unusedBits: 1 })
    : new asn1js.BitString({ valueHex: Uint8Array.of(0xc0), unusedBits: 6 });
  const list = [
    // pathLen 0: an organisation CA issues station certificates, never another CA.
    extension(
      OID.basicConstraints,
      true,
      new BasicConstraints(isCa ? { cA: true, pathLenConstraint: 0 } : {}),
    ),
    extension(OID.keyUsage, true, { toSchema: () => keyUsage }),
    extension(OID.subjectKeyId, false, {
      toSchema: () => new asn1js.OctetString({ valueHex: keyIdentifier(request.subjectKey) }),
    }),
    extension(
      OID.authorityKeyId,
      false,
      new AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(request.issuerPublicKey) }),
      }),
    ),
  ];
  // pdfsig/NSS trusted the signing certificate only with emailProtection (stack.md §3).
  if (!isCa)
    list.push(extension(OID.extKeyUsage, false, new ExtKeyUsage({ keyPurposes: [OID.emailProtection] })));
  return list;
}

/** basicConstraints of a certificate as pkijs reads it: whether it is a CA and its path length limit. */
export function caConstraints(certificate: X509Certificate): { ca: boolean; pathLength: number | null } {
  const ext = Certificate.fromBER(certificate.raw).extensions?.find((e) => e.extnID === OID.basicConstraints);
  const parsed = ext?.parsedValue;
  if (!(parsed instanceof BasicConstraints)) return { ca: false, pathLength: null };
  const pathLength = parsed.pathLenConstraint;
  return {
    ca: parsed.cA === true,
    pathLength:
      typeof pathLength === 'number' ? pathLength : pathLength ? pathLength.valueBlock.valueDec : null,
  };
}
