import { createHash, type KeyObject, sign } from 'node:crypto';
import { type Asn1, nul, OID, oid, seq } from './der.js';

/** Which signature gomme can make with a key: ECDSA P-256 (preferred) or RSA ≥ 2048, both with SHA-256. */
export function signatureAlgorithm(key: KeyObject): Asn1 {
  switch (key.asymmetricKeyType) {
    case 'ec':
      return seq(oid(OID.ecdsaWithSha256));
    case 'rsa':
      return seq(oid(OID.sha256WithRsa), nul());
    default:
      // Ed25519 CMS is not verifiable by pdfsig/NSS nor OpenSSL 3.0 (stack.md §3): refuse rather than ship it.
      throw new TypeError(
        `unsupported key type ${key.asymmetricKeyType ?? 'unknown'} (use ECDSA P-256 or RSA)`,
      );
  }
}

/** ECDSA signatures come out DER-encoded (what X.509 and CMS expect); RSA uses PKCS#1 v1.5. */
export function signSha256(key: KeyObject, data: Buffer): Buffer {
  return sign('sha256', data, key);
}

/** RFC 5280 §4.2.1.2 method 1 would hash the bare key bits; the SPKI hash is simpler and just as unique. */
export function keyIdentifier(publicKey: KeyObject): Buffer {
  return createHash('sha1')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
}
