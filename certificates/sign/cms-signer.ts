import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import {
  Attribute,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  GeneralName,
  GeneralNames,
  IssuerAndSerialNumber,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from 'pkijs';
import { bytes, OID, sha256, sha256Algorithm, signatureAlgorithm, signSha256 } from '../keys/algorithms.js';
import type { SigningIdentity } from '../keys/store.js';

/**
 * A detached CMS SignedData for `ETSI.CAdES.detached` (PAdES baseline B-B), encoded by pkijs: signed attributes
 * contentType, messageDigest and ESS signingCertificateV2; no signingTime attribute, since PAdES puts the time
 * in the signature dictionary (/M). The CMS carries the signer's certificate and its whole chain (a station
 * certificate, its organisation CA, the root), so a reader holding only the root can build the path.
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
  const leaf = Certificate.fromBER(identity.certificate.raw);
  const attributes = [
    new Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: sha256(content) })],
    }),
    new Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(identity, leaf)] }),
  ];
  // DER orders a SET OF by encoding; verifiers hash the bytes as sent, but strict ones re-encode.
  const encoded = (a: Attribute) => bytes(a.toSchema().toBER());
  attributes.sort((a, b) => Buffer.compare(encoded(a), encoded(b)));
  const signedAttrs = new SignedAndUnsignedAttributes({ type: 0, attributes });
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] IMPLICIT they travel in.
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER());
  toSign[0] = 0x31;
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs,
    signatureAlgorithm: signatureAlgorithm(identity.privateKey),
    signature: new asn1js.OctetString({ valueHex: signSha256(identity.privateKey, toSign) }),
  });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [leaf, ...identity.chain.map((c) => Certificate.fromBER(c.raw))],
    signerInfos: [signerInfo],
  });
  const contentInfo = new ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return bytes(contentInfo.toSchema().toBER());
}

/** ESS SigningCertificateV2 (RFC 5035): SHA-256 of the signer's certificate plus its issuer and serial. */
function signingCertificateV2(identity: SigningIdentity, leaf: Certificate): asn1js.Sequence {
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({ valueHex: sha256(identity.certificate.raw) }),
      new asn1js.Sequence({
        value: [
          new GeneralNames({ names: [new GeneralName({ type: 4, value: leaf.issuer })] }).toSchema(),
          leaf.serialNumber,
        ],
      }),
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}
