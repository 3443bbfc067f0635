import type { DriveResult } from '../../certificates/record/schema.js';
import { worstResult } from '../../core/verdict.js';
import type { CertificateFacts } from '../../session/hub/wire.js';
import type { Sql } from '../db/database.js';
import { certificateKind } from '../ingest/ingest-pdf.js';
import { lotSummary, pdfsOf, type StoredPdf } from '../store/lookup.js';
import type { RecordFactsReader } from '../store/record-facts-reader.js';

/**
 * What anyone may learn of a certificate from its ID: what the paper already shows, never a person's name
 * (donor, operator), the drive serial cut to its last 4 characters. Everything stored passed the signature
 * and chain checks at arrival; `revoked` says whether the signer was withdrawn before it arrived.
 */
export async function certificateFacts(
  sql: Sql,
  readRecord: RecordFactsReader,
  certificateId: string,
): Promise<CertificateFacts | null> {
  const target = certificateKind(certificateId);
  if (!target) return null;
  if (target.kind === 'lot') {
    const pdfs = await pdfsOf(sql, certificateId);
    return pdfs.length > 0 ? lotFacts(sql, certificateId, pdfs) : null;
  }
  const stored = target.recordId ? await readRecord({ recordId: target.recordId, certificateId }) : null;
  if (!stored) return null;
  const index =
    target.kind === 'drive' ? Number(certificateId.slice(certificateId.lastIndexOf('-D') + 2)) : null;
  const drives = stored.drives.filter((d) => index === null || d.index === index);
  if (drives.length === 0) return null;
  const revokedAt = earliest([stored.revokedAt, ...stored.pdfs.map((p) => p.revokedAt)]);
  return {
    certificateId,
    kind: target.kind,
    result: index === null ? stored.result : (drives[0]?.result ?? stored.result),
    completedAt: index === null ? stored.completedAt : (drives[0]?.finishedAt ?? stored.completedAt),
    organisation: stored.organisation,
    sha256: stored.sha256,
    signatureValid: true,
    chainValid: true,
    revoked: revokedAt !== null,
    revokedAt: revokedAt?.toISOString() ?? null,
    receivedAt: new Date(stored.receivedAt).toISOString(),
    station: stored.station,
    machine: { vendor: stored.vendor, model: stored.model },
    drives: drives.map((d) => ({
      index: d.index,
      model: d.model,
      serialLast4: d.serial ? d.serial.slice(-4) : null,
      sizeBytes: d.sizeBytes,
      method: d.methodLabel,
      nistLevel: d.nistLevel,
      result: d.result,
      finishedAt: d.finishedAt,
    })),
    pdfs: stored.pdfs.map(pdfFact),
    lot: null,
  };
}

async function lotFacts(sql: Sql, certificateId: string, pdfs: StoredPdf[]): Promise<CertificateFacts> {
  const first = pdfs[0]!;
  const revokedAt = earliest(pdfs.map((p) => p.revokedAt));
  const lot = first.lotId ? await lotSummary(sql, first.lotId) : null;
  return {
    certificateId,
    kind: 'lot',
    result: lot && lot.results.length > 0 ? worstResult(lot.results as DriveResult[]) : 'ERASED',
    completedAt: new Date(first.signedAt ?? first.receivedAt).toISOString(),
    organisation: lot?.organisation ?? null,
    sha256: first.payloadSha256,
    signatureValid: true,
    chainValid: true,
    revoked: revokedAt !== null,
    revokedAt: revokedAt?.toISOString() ?? null,
    receivedAt: new Date(first.receivedAt).toISOString(),
    station: first.station,
    machine: null,
    drives: [],
    pdfs: pdfs.map(pdfFact),
    lot: { records: lot?.results.length ?? 0 },
  };
}

const pdfFact = (p: Pick<StoredPdf, 'pdfSha256' | 'bytes'> & { signedAt: Date | string | null }) => ({
  sha256: p.pdfSha256,
  bytes: p.bytes,
  signedAt: p.signedAt ? new Date(p.signedAt).toISOString() : null,
  signatureValid: true,
});

function earliest(dates: Array<Date | string | null>): Date | null {
  const real = dates.filter((d): d is Date | string => d !== null).map((d) => new Date(d));
  return real.length === 0 ? null : new Date(Math.min(...real.map((d) => d.getTime())));
}
