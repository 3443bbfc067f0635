import { createHash } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import { signatureAlgorithm, signSha256 } from '../keys/algorithms.js';
import {
  type Asn1,
  children,
  explicit,
  fromDer,
  implicitSet,
  OID,
  octets,
  oid,
  seq,
  set,
  smallInt,
  toDer,
} from '../keys/der.js';
import type { SigningIdentity } from '../keys/store.js';

/**
 * A detached CMS SignedData for `ETSI.CAdES.detached` (PAdES baseline B-B): signed attributes contentType,
 * messageDigest and ESS signingCertificateV2; no signingTime attribute, since PAdES puts the time in the
 * signature dictionary (/M). node-forge's PKCS#7 signer handles RSA only, hence this builder.
 */
export class CmsSigner extends Signer {
  readonly #identity: SigningIdentity;

  constructor(identity: SigningIdentity) {
    super();
    this.#identity = identity;
  }

  override async sign(content: Buffer): Promise<Buffer> {
    return buildDetachedCms(content, this.#identity);
  }
}

export function buildDetachedCms(content: Buffer, identity: SigningIdentity): Buffer {
  const leafDer = identity.certificate.raw;
  const { issuer, serial } = issuerAndSerial(leafDer);
  const sha256 = seq(oid(OID.sha256));
  const attribute = (type: string, value: Asn1) => seq(oid(type), set(value));
  const essCertIdV2 = seq(
    octets(createHash('sha256').update(leafDer).digest()),
    seq(seq(explicit(4, issuer)), serial),
  );
  // DER orders a SET OF by encoding; verifiers hash the bytes as sent, but strict ones re-encode.
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    attribute(OID.signingCertificateV2, seq(seq(essCertIdV2))),
  ]
    .map(toDer)
    .sort(Buffer.compare);
  const signedAttributes = attributes.map(fromDer);
  const signature = signSha256(identity.privateKey, toDer(set(...signedAttributes)));
  const signerInfo = seq(
    smallInt(1),
    seq(issuer, serial),
    sha256,
    implicitSet(0, attributes.map(fromDer)),
    signatureAlgorithm(identity.privateKey),
    octets(signature),
  );
  const certificates = [leafDer, ...identity.chain.map((c) => c.raw)].map(fromDer);
  const signedData = seq(
    smallInt(1),
    set(sha256),
    seq(oid(OID.data)),
    implicitSet(0, certificates),
    set(signerInfo),
  );
  return toDer(seq(oid(OID.signedData), explicit(0, signedData)));
}

/** The issuer Name and serialNumber nodes of a DER certificate, re-used verbatim in the CMS. */
export function issuerAndSerial(certificateDer: Buffer): { issuer: Asn1; serial: Asn1 } {
  const tbs = children(children(fromDer(certificateDer), 'certificate')[0], 'tbsCertificate');
  // tbsCertificate starts with an optional [0] version.
  const offset = tbs[0]?.tagClass === 0x80 ? 1 : 0;
  const serial = tbs[offset];
  const issuer = tbs[offset + 2];
  if (!serial || !issuer) throw new TypeError('certificate: truncated tbsCertificate');
  return { issuer, serial };
}
