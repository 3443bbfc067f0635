import forge from 'node-forge';

/**
 * Small DER builders over node-forge's asn1 (which speaks "binary strings": one char per byte).
 * node-forge cannot build certificates or CMS for EC keys, so gomme assembles those structures itself.
 */
const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

export type Asn1 = forge.asn1.Asn1;

export const bin = (bytes: Buffer): string => bytes.toString('binary');
export const buf = (binary: string): Buffer => Buffer.from(binary, 'binary');

export const seq = (...items: Asn1[]): Asn1 => asn1.create(U, T.SEQUENCE, true, items);
export const set = (...items: Asn1[]): Asn1 => asn1.create(U, T.SET, true, items);
export const oid = (id: string): Asn1 => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
export const nul = (): Asn1 => asn1.create(U, T.NULL, false, '');
export const bool = (value: boolean): Asn1 => asn1.create(U, T.BOOLEAN, false, value ? '\xff' : '\x00');
export const octets = (bytes: Buffer): Asn1 => asn1.create(U, T.OCTETSTRING, false, bin(bytes));
export const utf8 = (value: string): Asn1 => asn1.create(U, T.UTF8, false, forge.util.encodeUtf8(value));
export const smallInt = (value: number): Asn1 =>
  asn1.create(U, T.INTEGER, false, asn1.integerToDer(value).getBytes());

/** A DER INTEGER from unsigned big-endian bytes (a leading 0x00 keeps it positive). */
export function bigInt(bytes: Buffer): Asn1 {
  const trimmed = bytes.subarray(
    Math.max(
      0,
      bytes.findIndex((b) => b !== 0),
    ),
  );
  const value =
    trimmed.length > 0 && (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.of(0), trimmed]) : trimmed;
  return asn1.create(U, T.INTEGER, false, bin(value.length > 0 ? value : Buffer.of(0)));
}

/** BIT STRING holding whole bytes (keys, signatures). */
export const bits = (bytes: Buffer, unusedBits = 0): Asn1 =>
  asn1.create(U, T.BITSTRING, false, String.fromCharCode(unusedBits) + bin(bytes));

export const explicit = (tag: number, inner: Asn1): Asn1 =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, [inner]);
export const implicitSet = (tag: number, items: Asn1[]): Asn1 =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, items);
export const implicitBytes = (tag: number, bytes: Buffer): Asn1 =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, false, bin(bytes));

/** UTCTime until 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 requires. */
export function time(date: Date): Asn1 {
  return date.getUTCFullYear() < 2050
    ? asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(U, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

export const toDer = (node: Asn1): Buffer => buf(asn1.toDer(node).getBytes());
export const fromDer = (bytes: Buffer): Asn1 => asn1.fromDer(bin(bytes));

/** Children of a constructed node; throws on a primitive so malformed input surfaces, never silently. */
export function children(node: Asn1 | undefined, what: string): Asn1[] {
  if (!node || !Array.isArray(node.value)) throw new TypeError(`ASN.1: ${what} is not a constructed value`);
  return node.value;
}

export function primitive(node: Asn1 | undefined, what: string): Buffer {
  if (!node || typeof node.value !== 'string') throw new TypeError(`ASN.1: ${what} is not a primitive value`);
  return buf(node.value);
}

export const readOid = (node: Asn1 | undefined, what: string): string =>
  asn1.derToOid(bin(primitive(node, what)));

export const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  country: '2.5.4.6',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;
