import { PdfUnreadableError } from '../../certificates/errors.js';
import { canonicalJson, sha256Hex } from '../../certificates/record/canonical-json.js';
import type { LotBundle } from '../../certificates/record/lot-bundle.js';
import type { ErasureRecord } from '../../certificates/record/schema.js';
import { verifyCertificate } from '../../certificates/verify/verify-certificate.js';
import { text } from '../../core/i18n.js';
import { type ItemResult, SAFE_NAME } from '../../session/hub/wire.js';
import { stationIdByFingerprint } from '../store/stations.js';
import { insertCertificate, recordSha256 } from '../store/uploads.js';
import type { IngestContext } from './ingest-push.js';
import { IngestReject, malformed, rejectIfRevoked } from './reject.js';

/** drive `<recordId>-D<n>`, machine `<recordId>-M`, lot `LOT-…` (certificates/RECORD.md). */
export function certificateKind(
  certificateId: string,
): { kind: 'drive' | 'machine' | 'lot'; recordId: string | null } | null {
  const record = /^(GR-\d{8}-[0-9a-f]{10})-(D[1-9]\d{0,2}|M)$/.exec(certificateId);
  if (record?.[1] && record[2]) return { kind: record[2] === 'M' ? 'machine' : 'drive', recordId: record[1] };
  if (/^LOT-[A-Za-z0-9._-]+$/.test(certificateId)) return { kind: 'lot', recordId: null };
  return null;
}

/**
 * A signed PDF: its PAdES signature and chain verified as `gomme cert verify` does (the whole file signed, the
 * embedded record matching the printed hash), the signer not revoked at arrival, and the record it embeds the
 * very one the hub holds (pushed first by the station). Idempotent by the PDF's SHA-256.
 */
export async function ingestPdf(
  ctx: IngestContext,
  certificateId: string,
  pdf: Buffer,
  now: Date,
): Promise<ItemResult> {
  const target = SAFE_NAME.test(certificateId) ? certificateKind(certificateId) : null;
  if (!target) throw malformed('identifiant de certificat invalide', 'invalid certificate ID');
  const trust = await ctx.trust.get();
  let report: ReturnType<typeof verifyCertificate>;
  try {
    report = verifyCertificate(`${certificateId}.pdf`, pdf, { anchors: trust.anchors });
  } catch (error) {
    if (error instanceof PdfUnreadableError) throw new IngestReject(400, 'pdf-unreadable', error.text);
    throw error;
  }
  const signer = report.signer?.fingerprint256 ?? null;
  if (report.status === 'tampered') {
    const failed = report.checks.filter((c) => !c.ok && c.name !== 'trusted-signer');
    throw new IngestReject(
      422,
      'tampered',
      text(
        `PDF altéré : ${failed.map((c) => c.detail.fr).join(' ; ')}`,
        `tampered PDF: ${failed.map((c) => c.detail.en).join('; ')}`,
      ),
      signer,
    );
  }
  if (report.status !== 'valid' || !signer)
    throw new IngestReject(
      403,
      'unknown-signer',
      text('signataire du PDF inconnu de ce hub', 'PDF signer unknown to this hub'),
      signer,
    );
  const chainFingerprints = report.chain.map((c) => c.fingerprint256);
  rejectIfRevoked(chainFingerprints, trust.revocations, now, signer);
  if (report.certificateId !== certificateId)
    throw new IngestReject(
      422,
      'id-mismatch',
      text('le PDF porte un autre identifiant', 'the PDF carries another ID'),
      signer,
    );
  const payload = report.payload;
  if (!payload || !report.actualSha256)
    throw new IngestReject(
      422,
      'tampered',
      text('PDF sans rapport gomme lisible', 'PDF without a readable gomme record'),
      signer,
    );
  await checkPayload(ctx, target, payload, report.actualSha256, signer);
  const pdfSha256 = sha256Hex(pdf);
  const inserted = await insertCertificate(ctx.db, {
    pdfSha256,
    certificateId,
    kind: target.kind,
    recordId: target.recordId,
    lotId: 'lotId' in payload ? payload.lotId : payload.lot.id,
    payloadSha256: report.actualSha256,
    pdf,
    signedAt: report.signedAt ? new Date(report.signedAt) : null,
    signerFingerprint256: signer,
    chainFingerprints,
    stationId: await stationIdByFingerprint(ctx.db, signer),
  });
  return {
    kind: 'certificate',
    ref: certificateId,
    sha256: pdfSha256,
    status: inserted ? 'stored' : 'already-present',
    httpStatus: 200,
  };
}

/** The record (or every record of a lot) the PDF embeds is byte for byte the one the hub holds. */
async function checkPayload(
  ctx: IngestContext,
  target: { kind: 'drive' | 'machine' | 'lot'; recordId: string | null },
  payload: ErasureRecord | LotBundle,
  payloadSha256: string,
  signer: string,
): Promise<void> {
  const mismatch = () =>
    new IngestReject(
      422,
      'record-mismatch',
      text(
        'le PDF contient un autre rapport que celui du hub',
        'the PDF carries another record than the hub’s',
      ),
      signer,
    );
  if (target.kind === 'lot') {
    if (!('records' in payload)) throw mismatch();
    for (const record of payload.records) {
      const held = await recordSha256(ctx.db, record.recordId);
      if (held !== null && held !== sha256Hex(canonicalJson(record))) throw mismatch();
    }
    return;
  }
  if (!('recordId' in payload) || payload.recordId !== target.recordId) throw mismatch();
  const held = await recordSha256(ctx.db, payload.recordId);
  if (held === null)
    throw new IngestReject(
      409,
      'record-missing',
      text(
        'le rapport de ce PDF n’est pas encore arrivé : il sera renvoyé',
        'this PDF’s record has not arrived yet: it will be sent again',
      ),
      signer,
    );
  if (held !== payloadSha256) throw mismatch();
}
