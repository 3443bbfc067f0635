import { verify, X509Certificate } from 'node:crypto';
import { Certificate, ContentInfo, IssuerAndSerialNumber, SignedData } from 'pkijs';
import { bytes, OID, sha256 } from '../keys/algorithms.js';

export interface CmsCheck {
  signer: X509Certificate;
  /** Every certificate carried in the CMS (signer first). */
  certificates: X509Certificate[];
  digestMatches: boolean;
  signatureValid: boolean;
}

/**
 * Verifies a detached CMS SignedData over `content`, decoded by pkijs: the messageDigest attribute equals
 * SHA-256(content) and the signer's key signed the attributes (node:crypto checks the signature, synchronously).
 * Throws when the structure cannot be read or is not what gomme accepts (treated as tampering by the caller).
 */
export function verifyDetachedCms(cms: Buffer, content: Buffer): CmsCheck {
  const contentInfo = ContentInfo.fromBER(cms);
  if (contentInfo.contentType !== OID.signedData) throw new TypeError('CMS: not SignedData');
  const signedData = new SignedData({ schema: contentInfo.content });
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is Certificate => c instanceof Certificate)
    .map((c) => new X509Certificate(bytes(c.toSchema().toBER())));
  if (signedData.signerInfos.length !== 1)
    throw new TypeError(`CMS: ${signedData.signerInfos.length} signers, expected 1`);
  const info = signedData.signerInfos[0];
  if (!info || !(info.sid instanceof IssuerAndSerialNumber))
    throw new TypeError('CMS: the signer is not named by issuer and serial number');
  const serial = normaliseSerial(bytes(info.sid.serialNumber.valueBlock.valueHexView).toString('hex'));
  const signer = certificates.find((c) => normaliseSerial(c.serialNumber) === serial);
  if (!signer) throw new TypeError('CMS: the signer certificate is not included');
  if (info.digestAlgorithm.algorithmId !== OID.sha256)
    throw new TypeError(`CMS: digest ${info.digestAlgorithm.algorithmId} is not SHA-256`);
  const attributes = info.signedAttrs;
  if (!attributes) throw new TypeError('CMS: no signed attributes');
  const digest = attributes.attributes.find((a) => a.type === OID.messageDigest)?.values[0];
  const digestMatches = digest !== undefined && bytes(digest.valueBlock.valueHexView).equals(sha256(content));
  // pkijs keeps the attributes' bytes as received, already re-tagged as the SET (0x31) the signature covers.
  const signatureValid = verify(
    'sha256',
    bytes(attributes.encodedValue),
    signer.publicKey,
    bytes(info.signature.valueBlock.valueHexView),
  );
  return {
    signer,
    certificates: [signer, ...certificates.filter((c) => c !== signer)],
    digestMatches,
    signatureValid,
  };
}

const normaliseSerial = (hex: string): string => hex.replace(/^(00)+/, '').toUpperCase();
