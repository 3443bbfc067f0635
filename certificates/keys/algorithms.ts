import { createHash, type KeyObject, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier } from 'pkijs';

/** Object identifiers gomme writes or checks (RFC 5280, RFC 5652, RFC 5035, RFC 5480). */
export const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
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

/**
 * Refuses keys PDF readers cannot verify: ECDSA P-256 (preferred) or RSA ≥ 2048 only. Ed25519 CMS is rejected
 * by pdfsig/NSS and OpenSSL 3.0 (stack.md §3), other curves by some readers. Returns a reason, or null.
 */
export function unsupportedKeyReason(key: KeyObject): string | null {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec')
    return details.namedCurve === 'prime256v1' ? null : `EC curve ${details.namedCurve} (use P-256)`;
  if (key.asymmetricKeyType === 'rsa')
    return (details.modulusLength ?? 0) >= 2048 ? null : `RSA-${details.modulusLength} (use ≥ 2048 bits)`;
  return `${key.asymmetricKeyType ?? 'unknown'} keys (use ECDSA P-256 or RSA)`;
}

/** The AlgorithmIdentifier of a SHA-256 signature made with this key. */
export function signatureAlgorithm(key: KeyObject): AlgorithmIdentifier {
  const reason = unsupportedKeyReason(key);
  if (reason) throw new TypeError(`unsupported signing key: ${reason}`);
  return key.asymmetricKeyType === 'ec'
    ? new AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
    : new AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });
}

export const sha256Algorithm = (): AlgorithmIdentifier =>
  new AlgorithmIdentifier({ algorithmId: OID.sha256 });

/**
 * Signs synchronously with node:crypto (pkijs' own sign() is WebCrypto, hence async, and the CLI commands that
 * sign are synchronous). ECDSA comes out DER-encoded, as X.509 and CMS expect; RSA uses PKCS#1 v1.5.
 */
export function signSha256(key: KeyObject, data: Uint8Array): Buffer {
  return sign('sha256', data, key);
}

/** RFC 5280 §4.2.1.2 method 1 would hash the bare key bits; the SPKI hash is simpler and just as unique. */
export function keyIdentifier(publicKey: KeyObject): Buffer {
  return createHash('sha1')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
}

export const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** A view as a Buffer without copying. */
export const bytes = (view: ArrayBuffer | ArrayBufferView): Buffer =>
  ArrayBuffer.isView(view)
    ? Buffer.from(view.buffer, view.byteOffset, view.byteLength)
    : Buffer.from(new Uint8Array(view));
