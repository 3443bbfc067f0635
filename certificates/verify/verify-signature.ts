import type { X509Certificate } from 'node:crypto';
import type { Text } from '../../core/i18n.js';
import { verifyDetachedCms } from './cms-verify.js';
import { type Revocation, verifyChain } from './trust.js';

export interface TrustOptions {
  /** Trust anchors: organisation roots (or any certificate this installation accepts). */
  anchors: X509Certificate[];
  /** Certificates withdrawn at a date (e.g. a stolen station's). */
  revocations?: Revocation[];
  /** When the signature was made (a PDF's /M); certificates must be valid then. Default: now. */
  at?: Date;
}

export interface SignatureVerdict {
  /** The content digest matches and the signer's key made the signature. */
  signatureValid: boolean;
  digestMatches: boolean;
  /** The signer's key signed the attributes (which hold the digest). */
  signedAttributesValid: boolean;
  /** The signer chains to an anchor through valid CA certificates, all valid at `at`. */
  chainValid: boolean;
  signer: X509Certificate;
  /** Signer first, then its issuers as far as they were found (anchor last when reached). */
  chain: X509Certificate[];
  /** Set when a certificate of the chain was revoked at or before `at`: the signature then counts for nothing. */
  revoked: { certificate: X509Certificate; revokedAt: Date } | null;
  /** Why the chain is not valid; empty when it is. */
  problems: Text[];
}

/**
 * Verifies a detached CMS signature over `content` and its signer's chain: what the hub uses for records
 * signed by stations, and what `verifyCertificate` uses for PDFs. Throws a TypeError when the CMS cannot be
 * read (callers count that as tampering).
 */
export function verifySignature(cms: Buffer, content: Buffer, trust: TrustOptions): SignatureVerdict {
  const check = verifyDetachedCms(cms, content);
  const chain = verifyChain(check.signer, check.certificates, trust.anchors, {
    ...(trust.at ? { at: trust.at } : {}),
    revocations: trust.revocations ?? [],
  });
  return {
    signatureValid: check.digestMatches && check.signatureValid,
    digestMatches: check.digestMatches,
    signedAttributesValid: check.signatureValid,
    chainValid: chain.chainValid,
    signer: check.signer,
    chain: chain.chain,
    revoked: chain.revoked,
    problems: chain.problems,
  };
}
