import { type KeyObject, randomBytes } from 'node:crypto';
import { keyIdentifier, signatureAlgorithm, signSha256 } from './algorithms.js';
import {
  type Asn1,
  bigInt,
  bits,
  bool,
  explicit,
  fromDer,
  implicitBytes,
  OID,
  octets,
  oid,
  seq,
  set,
  smallInt,
  time,
  toDer,
  utf8,
} from './der.js';

export interface DistinguishedName {
  commonName: string;
  organisation: string;
  /** ISO 3166 two-letter code, e.g. "FR". */
  country?: string;
}

export interface CertificateRequest {
  subject: DistinguishedName;
  subjectKey: KeyObject;
  issuer: DistinguishedName;
  /** Signs the certificate: the subject's own private key for a root CA. */
  issuerKey: KeyObject;
  issuerPublicKey: KeyObject;
  isCa: boolean;
  notBefore: Date;
  notAfter: Date;
}

/** Issues a DER X.509 v3 certificate (EC or RSA) for gomme's own root CA and signing leaf. */
export function issueCertificate(request: CertificateRequest): Buffer {
  const spki = fromDer(request.subjectKey.export({ type: 'spki', format: 'der' }));
  const algorithm = signatureAlgorithm(request.issuerKey);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = seq(
    explicit(0, smallInt(2)),
    bigInt(serial),
    algorithm,
    nameToAsn1(request.issuer),
    seq(time(request.notBefore), time(request.notAfter)),
    nameToAsn1(request.subject),
    spki,
    explicit(3, seq(...extensions(request))),
  );
  const tbsDer = toDer(tbs);
  return toDer(
    seq(fromDer(tbsDer), signatureAlgorithm(request.issuerKey), bits(signSha256(request.issuerKey, tbsDer))),
  );
}

export function nameToAsn1(name: DistinguishedName): Asn1 {
  const rdn = (type: string, value: Asn1) => set(seq(oid(type), value));
  const parts = [rdn(OID.organisation, utf8(name.organisation)), rdn(OID.commonName, utf8(name.commonName))];
  // countryName is a PrintableString per RFC 5280; UTF8 is tolerated by NSS but keep it strict.
  if (name.country) parts.unshift(rdn(OID.country, printable(name.country)));
  return seq(...parts);
}

function printable(value: string): Asn1 {
  return { ...utf8(value), type: 19 };
}

function extension(id: string, critical: boolean, value: Asn1): Asn1 {
  return critical ? seq(oid(id), bool(true), octets(toDer(value))) : seq(oid(id), octets(toDer(value)));
}

function extensions(request: CertificateRequest): Asn1[] {
  // keyUsage bits, DER "named bit list": CA = keyCertSign(5)+cRLSign(6); leaf = digitalSignature(0)+nonRepudiation(1).
  const keyUsage = request.isCa ? bits(Buffer.of(0x06), 1) : bits(Buffer.of(0xc0), 6);
  const list = [
    extension(OID.basicConstraints, true, request.isCa ? seq(bool(true), smallInt(0)) : seq()),
    extension(OID.keyUsage, true, keyUsage),
    extension(OID.subjectKeyId, false, octets(keyIdentifier(request.subjectKey))),
    extension(OID.authorityKeyId, false, seq(implicitBytes(0, keyIdentifier(request.issuerPublicKey)))),
  ];
  // pdfsig/NSS trusted the leaf only with emailProtection (stack.md §3).
  if (!request.isCa) list.push(extension(OID.extKeyUsage, false, seq(oid(OID.emailProtection))));
  return list;
}
