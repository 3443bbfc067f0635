import type { X509Certificate } from 'node:crypto';

/**
 * Is `signer` one of the anchors, or issued (through certificates carried in the signature) by one?
 * Anchors are this installation's own certificates plus those of network members it chose to trust.
 */
export function chainsToAnchor(
  signer: X509Certificate,
  carried: X509Certificate[],
  anchors: X509Certificate[],
): boolean {
  const isAnchor = (c: X509Certificate) => anchors.some((a) => a.fingerprint256 === c.fingerprint256);
  let current = signer;
  for (let depth = 0; depth < 6; depth++) {
    if (isAnchor(current)) return true;
    const issuer = [...anchors, ...carried].find(
      (c) =>
        c.fingerprint256 !== current.fingerprint256 && current.checkIssued(c) && current.verify(c.publicKey),
    );
    if (!issuer) return false;
    current = issuer;
  }
  return false;
}
