import type { X509Certificate } from 'node:crypto';
import { type Text, text } from '../../core/i18n.js';
import { caConstraints } from '../keys/x509.js';

/** A certificate withdrawn at a date: what it (or a certificate it issued) signed from then on is revoked. */
export interface Revocation {
  /** SHA-256 fingerprint as node:crypto prints it ("AB:CD:…"), or, when absent, `serialNumber`. */
  fingerprint256?: string;
  /** Serial number in hex, as node:crypto's `X509Certificate.serialNumber` prints it. */
  serialNumber?: string;
  revokedAt: Date;
}

export interface ChainCheck {
  /** The signer reaches a trust anchor through valid issuers, each valid at `at`. */
  chainValid: boolean;
  /** Signer first, anchor last when found; as far as it could be built otherwise. */
  chain: X509Certificate[];
  anchor: X509Certificate | null;
  /** The first certificate of the chain revoked at or before `at`, when a revocation list was given. */
  revoked: { certificate: X509Certificate; revokedAt: Date } | null;
  /** Why the chain is not valid; empty when valid. */
  problems: Text[];
}

const MAX_DEPTH = 6;

/**
 * Builds and checks the path signer → … → anchor. Anchors are organisation roots (or any certificate the
 * installation trusts, leaf included). Each issuer must have signed the certificate below it (OpenSSL's
 * checkIssued + signature), be a CA within its path length, and every certificate must be valid at `at`
 * (the signing time). Synchronous on purpose: `gomme cert verify` is.
 */
export function verifyChain(
  signer: X509Certificate,
  carried: X509Certificate[],
  anchors: X509Certificate[],
  options: { at?: Date; revocations?: Revocation[] } = {},
): ChainCheck {
  const at = options.at ?? new Date();
  const isAnchor = (c: X509Certificate) => anchors.some((a) => a.fingerprint256 === c.fingerprint256);
  const chain = [signer];
  const problems: Text[] = [];
  let anchor: X509Certificate | null = null;
  for (let current = signer; chain.length <= MAX_DEPTH; ) {
    if (isAnchor(current)) {
      anchor = current;
      break;
    }
    const issuer = [...anchors, ...carried].find(
      (c) =>
        c.fingerprint256 !== current.fingerprint256 && current.checkIssued(c) && current.verify(c.publicKey),
    );
    if (!issuer) {
      problems.push(
        text(
          `aucun émetteur de confiance pour ${oneLine(current.subject)}`,
          `no trusted issuer for ${oneLine(current.subject)}`,
        ),
      );
      break;
    }
    const { ca, pathLength } = caConstraints(issuer);
    const below = chain.length - 1; // CAs between this issuer and the signer
    if (!ca)
      problems.push(
        text(
          `${oneLine(issuer.subject)} n’est pas une autorité de certification`,
          `${oneLine(issuer.subject)} is not a CA`,
        ),
      );
    else if (pathLength !== null && below > pathLength)
      problems.push(
        text(
          `${oneLine(issuer.subject)} ne peut pas émettre d’autorité (longueur de chemin ${pathLength})`,
          `${oneLine(issuer.subject)} may not issue a CA (path length ${pathLength})`,
        ),
      );
    chain.push(issuer);
    current = issuer;
  }
  if (!anchor && problems.length === 0) problems.push(text('chaîne trop longue', 'chain too long'));
  for (const certificate of chain) {
    const from = Date.parse(certificate.validFrom);
    const to = Date.parse(certificate.validTo);
    // An unreadable date fails closed, like one out of range.
    if (!(from <= at.getTime() && at.getTime() <= to))
      problems.push(
        text(
          `${oneLine(certificate.subject)} non valide au ${at.toISOString()}`,
          `${oneLine(certificate.subject)} not valid at ${at.toISOString()}`,
        ),
      );
  }
  return {
    chainValid: anchor !== null && problems.length === 0,
    chain,
    anchor,
    revoked: revokedIn(chain, at, options.revocations ?? []),
    problems,
  };
}

function revokedIn(chain: X509Certificate[], at: Date, revocations: Revocation[]): ChainCheck['revoked'] {
  for (const certificate of chain) {
    const found = revocations.find((r) =>
      r.fingerprint256
        ? r.fingerprint256.toUpperCase() === certificate.fingerprint256
        : r.serialNumber !== undefined &&
          r.serialNumber.replace(/^(00)+/, '').toUpperCase() ===
            certificate.serialNumber.replace(/^(00)+/, '').toUpperCase(),
    );
    if (found && at >= found.revokedAt) return { certificate, revokedAt: found.revokedAt };
  }
  return null;
}

const oneLine = (dn: string): string => dn.replaceAll('\n', ', ');
