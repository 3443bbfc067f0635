import { type Text, text } from '../../core/i18n.js';
import { revokedIn } from '../pki/trust-cache.js';

/**
 * Why the hub refuses an upload, with the HTTP status the station reads: 400 malformed, 403 unknown or revoked
 * signer, 409 conflict (another content under the same ID, or a PDF before its record), 413 too large,
 * 422 tampered or invalid. 503 and 507 come from the database (hub/db/errors.ts).
 */
export class IngestReject extends Error {
  constructor(
    readonly status: 400 | 403 | 409 | 413 | 422,
    readonly code: string,
    readonly reason: Text,
    readonly signer: string | null = null,
  ) {
    super(reason.en);
    this.name = 'IngestReject';
  }
}

export const malformed = (fr: string, en: string) => new IngestReject(400, 'malformed', text(fr, en));

/** 403 when a certificate of the signer's chain was revoked at or before `at` (the PDF's and the push's rule). */
export function rejectIfRevoked(
  chainFingerprints: readonly string[],
  revocations: ReadonlyMap<string, Date>,
  at: Date,
  signer: string | null,
): void {
  const revoked = revokedIn(chainFingerprints, revocations, at);
  if (revoked)
    throw new IngestReject(
      403,
      'revoked',
      text(
        `certificat du poste révoqué le ${revoked.revokedAt.toISOString()}`,
        `station certificate revoked on ${revoked.revokedAt.toISOString()}`,
      ),
      signer,
    );
}
