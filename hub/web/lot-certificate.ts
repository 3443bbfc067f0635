import { randomBytes } from 'node:crypto';
import type { GommeConfig } from '../../certificates/config.js';
import { renderLotCertificate } from '../../certificates/pdf/render-lot.js';
import { sha256Hex } from '../../certificates/record/canonical-json.js';
import type { ErasureRecord } from '../../certificates/record/schema.js';
import type { Lang } from '../../core/i18n.js';
import type { HubDeps } from '../http/deps.js';
import {
  deleteCertificate,
  insertLotCertificate,
  lotCanonicalRecords,
  lotCertificateById,
} from '../store/lot-certificates.js';
import { insertCertificate } from '../store/uploads.js';

export interface LotCertificateResult {
  certificateId: string;
  pdfSha256: string;
  shareToken: string;
  /** False when the same records were already certified: the first PDF is kept. */
  created: boolean;
}

/**
 * The lot's certificate, made on the hub from every record of the lot whichever station erased them (the
 * records as they were signed and stored), signed with the organisation's key (its CA), stored like a pushed
 * PDF so `/v/{id}` and the donor's drop check find it, with a random token for the donor's share link.
 * Null when the lot has no record.
 */
export async function certifyLot(
  deps: Pick<HubDeps, 'db' | 'ca' | 'organisation' | 'publicUrl'>,
  lotId: string,
  by: string | null,
  lang: Lang = 'fr',
): Promise<LotCertificateResult | null> {
  const canonical = await lotCanonicalRecords(deps.db, lotId);
  if (canonical.length === 0) return null;
  const records = canonical.map((c) => JSON.parse(c) as ErasureRecord);
  const config: GommeConfig = {
    organisation: { name: deps.organisation, identifier: null, address: null, contact: null, logo: null },
    verifyBaseUrl: deps.publicUrl,
  };
  const rendered = await renderLotCertificate(records, { lang, config, identity: deps.ca });
  const existing = await lotCertificateById(deps.db, rendered.certificateId);
  if (existing) return { ...existing, created: false };
  const pdfSha256 = sha256Hex(rendered.pdf);
  const shareToken = randomBytes(18).toString('base64url');
  const fingerprint = deps.ca.certificate.fingerprint256;
  const created = await deps.db.transaction(async (tx) => {
    await insertCertificate(tx, {
      pdfSha256,
      certificateId: rendered.certificateId,
      kind: 'lot',
      recordId: null,
      lotId,
      payloadSha256: rendered.payloadSha256,
      pdf: rendered.pdf,
      signedAt: new Date(),
      signerFingerprint256: fingerprint,
      chainFingerprints: [...new Set([fingerprint, ...deps.ca.chain.map((c) => c.fingerprint256)])],
      stationId: null,
    });
    const inserted = await insertLotCertificate(tx, {
      certificateId: rendered.certificateId,
      lotId,
      pdfSha256,
      shareToken,
      recordCount: records.length,
      createdBy: by,
    });
    // Two people certifying the same records at once: the first PDF stays, this one goes.
    if (!inserted) await deleteCertificate(tx, pdfSha256);
    return inserted;
  });
  if (!created) {
    const first = await lotCertificateById(deps.db, rendered.certificateId);
    if (first) return { ...first, created: false };
  }
  return { certificateId: rendered.certificateId, pdfSha256, shareToken, created: true };
}
