import { PdfUnreadableError } from '../../certificates/errors.js';
import { sha256Hex } from '../../certificates/record/canonical-json.js';
import { type VerifyReport, verifyCertificate } from '../../certificates/verify/verify-certificate.js';
import type { HubDeps } from '../http/deps.js';
import { revokedIn } from '../pki/trust-cache.js';
import { pdfsOf } from '../store/lookup.js';

/**
 * What a donor learns from dropping the PDF they received on `/v/{id}`:
 * - identical: byte for byte a PDF the hub holds for this certificate, and its signature is valid;
 * - signed-copy: a valid signature from a trusted station, the same record, but not a file the hub holds
 *   (re-rendered, or not sent yet): genuine content, but ask the organisation;
 * - other-certificate: a valid gomme certificate, but for another ID than the page's;
 * - tampered: changed after signing; unknown-signer: not signed by an organisation this hub trusts;
 * - revoked: signed by a station withdrawn before; unreadable: not a certificate at all.
 */
export type DonorVerdict =
  | 'identical'
  | 'signed-copy'
  | 'other-certificate'
  | 'tampered'
  | 'unknown-signer'
  | 'revoked'
  | 'unreadable';

export interface DonorCheck {
  verdict: DonorVerdict;
  sha256: string;
  /** The ID the file carries, when it carries one. */
  fileCertificateId: string | null;
}

export async function checkDroppedPdf(
  deps: Pick<HubDeps, 'db' | 'trust'>,
  certificateId: string,
  pdf: Buffer,
  now: Date,
): Promise<DonorCheck> {
  const sha256 = sha256Hex(pdf);
  const trust = await deps.trust.get();
  let report: VerifyReport;
  try {
    report = verifyCertificate(`${certificateId}.pdf`, pdf, { anchors: trust.anchors });
  } catch (error) {
    if (error instanceof PdfUnreadableError)
      return { verdict: 'unreadable', sha256, fileCertificateId: null };
    throw error;
  }
  const fileCertificateId = report.certificateId || null;
  const verdict = (v: DonorVerdict): DonorCheck => ({ verdict: v, sha256, fileCertificateId });
  if (report.status === 'tampered') return verdict('tampered');
  if (report.status !== 'valid') return verdict('unknown-signer');
  if (report.certificateId !== certificateId) return verdict('other-certificate');
  const held = await pdfsOf(deps.db, certificateId);
  const chain = report.chain.map((c) => c.fingerprint256);
  const revoked = revokedIn(chain, trust.revocations, now);
  const stored = held.find((p) => p.pdfSha256 === sha256);
  // What arrived before the station was withdrawn stays good; a copy the hub never saw is judged now.
  if (stored) return verdict(stored.revokedAt ? 'revoked' : 'identical');
  if (revoked) return verdict('revoked');
  return verdict('signed-copy');
}
