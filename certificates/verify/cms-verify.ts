import { createHash, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { type Asn1, children, fromDer, OID, primitive, readOid, set, toDer } from '../keys/der.js';

export interface CmsCheck {
  signer: X509Certificate;
  /** Every certificate carried in the CMS (signer first when found). */
  certificates: X509Certificate[];
  digestMatches: boolean;
  signatureValid: boolean;
}

/**
 * Verifies a detached CMS SignedData over `content`: the messageDigest attribute equals SHA-256(content) and
 * the signer's key signed the attributes. Throws when the structure cannot be read (treated as tampering).
 */
export function verifyDetachedCms(cms: Buffer, content: Buffer): CmsCheck {
  const contentInfo = children(fromDer(cms), 'ContentInfo');
  if (readOid(contentInfo[0], 'contentType') !== OID.signedData) throw new TypeError('CMS: not SignedData');
  const signedData = children(children(contentInfo[1], '[0]')[0], 'SignedData');
  const certNodes = signedData.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const certificates = children(certNodes, 'certificates').map((n) => new X509Certificate(toDer(n)));
  const signerInfos = children(signedData[signedData.length - 1], 'signerInfos');
  if (signerInfos.length !== 1) throw new TypeError(`CMS: ${signerInfos.length} signers, expected 1`);
  const info = children(signerInfos[0], 'SignerInfo');
  const sid = children(info[1], 'issuerAndSerialNumber');
  const serial = primitive(sid[1], 'serialNumber')
    .toString('hex')
    .replace(/^(00)+/, '')
    .toUpperCase();
  const signer = certificates.find((c) => c.serialNumber.replace(/^(00)+/, '').toUpperCase() === serial);
  if (!signer) throw new TypeError('CMS: the signer certificate is not included');
  const digestAlgorithm = readOid(children(info[2], 'digestAlgorithm')[0], 'digestAlgorithm');
  if (digestAlgorithm !== OID.sha256) throw new TypeError(`CMS: digest ${digestAlgorithm} is not SHA-256`);
  const attributes = children(info[3], 'signedAttrs');
  const digest = attributeValue(attributes, OID.messageDigest);
  const digestMatches = digest?.equals(createHash('sha256').update(content).digest()) === true;
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] IMPLICIT found here.
  const signedAttributes = toDer(set(...attributes));
  const signature = primitive(info[5], 'signature');
  const signatureValid = verify('sha256', signedAttributes, signer.publicKey, signature);
  return {
    signer,
    certificates: [signer, ...certificates.filter((c) => c !== signer)],
    digestMatches,
    signatureValid,
  };
}

function attributeValue(attributes: Asn1[], type: string): Buffer | null {
  for (const attribute of attributes) {
    const [id, values] = children(attribute, 'Attribute');
    if (readOid(id, 'attrType') === type) return primitive(children(values, 'attrValues')[0], 'attrValue');
  }
  return null;
}
