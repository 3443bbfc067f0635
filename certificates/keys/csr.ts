import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import { CertificationRequest, PublicKeyInfo } from 'pkijs';
import { bytes, OID, signatureAlgorithm, signSha256, unsupportedKeyReason } from './algorithms.js';
import { type DistinguishedName, nameToRdn } from './x509.js';

/**
 * PKCS#10 certificate requests, so a station can ask the organisation CA for a certificate without its private
 * key ever leaving the station. Encoded and decoded by pkijs, signed and checked by node:crypto.
 */
export function createCertificateRequest(privateKey: KeyObject, subject: DistinguishedName): Buffer {
  const algorithm = signatureAlgorithm(privateKey);
  const request = new CertificationRequest({
    version: 0,
    subject: nameToRdn(subject),
    subjectPublicKeyInfo: PublicKeyInfo.fromBER(
      createPublicKey(privateKey).export({ type: 'spki', format: 'der' }),
    ),
    attributes: [],
    signatureAlgorithm: algorithm,
  });
  // CertificationRequestInfo is the first element of the full encoding.
  const info = request.toSchema(true).valueBlock.value[0];
  if (!info) throw new TypeError('CSR: no CertificationRequestInfo');
  const tbs = new Uint8Array(info.toBER());
  request.tbsView = tbs;
  request.signatureValue = new asn1js.BitString({ valueHex: signSha256(privateKey, tbs) });
  return bytes(request.toSchema().toBER());
}

export const csrToPem = (der: Buffer): string =>
  `-----BEGIN CERTIFICATE REQUEST-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n?$/, '\n')}-----END CERTIFICATE REQUEST-----\n`;

/**
 * Reads a CSR (DER, or PEM text) and checks its self-signature: the requester holds the private key.
 * Throws a TypeError naming the problem; the caller turns it into its own typed error.
 */
export function readCertificateRequest(input: Buffer | string): { publicKey: KeyObject } {
  const der = typeof input === 'string' || isPem(input) ? pemBody(input.toString()) : input;
  const request = CertificationRequest.fromBER(der);
  const publicKey = createPublicKey({
    key: bytes(request.subjectPublicKeyInfo.toSchema().toBER()),
    format: 'der',
    type: 'spki',
  });
  const reason = unsupportedKeyReason(publicKey);
  if (reason) throw new TypeError(`CSR: unsupported key, ${reason}`);
  const algorithm = request.signatureAlgorithm.algorithmId;
  if (algorithm !== OID.ecdsaWithSha256 && algorithm !== OID.sha256WithRsa)
    throw new TypeError(`CSR: signature algorithm ${algorithm} is not SHA-256 ECDSA or RSA`);
  const signature = bytes(request.signatureValue.valueBlock.valueHexView);
  if (!verify('sha256', request.tbsView, publicKey, signature))
    throw new TypeError('CSR: the signature does not match its key');
  return { publicKey };
}

const isPem = (b: Buffer) => b.subarray(0, 64).toString('latin1').includes('-----BEGIN');

function pemBody(pem: string): Buffer {
  const match = /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([A-Za-z0-9+/=\s]+)-----END/.exec(pem);
  if (!match?.[1]) throw new TypeError('CSR: no PEM CERTIFICATE REQUEST block');
  return Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
}
