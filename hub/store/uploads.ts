import type { Sql } from '../db/database.js';
import type { DiagnosticsSummary } from '../ingest/diagnostics-summary.js';

/** What a verified upload stores. Every insert is idempotent: pushing the same bytes twice changes nothing. */

export interface SignedBy {
  signerFingerprint256: string;
  chainFingerprints: string[];
  stationId: number | null;
}

export async function insertManifest(
  sql: Sql,
  m: { sha256: string; manifest: string; signature: Buffer } & SignedBy,
): Promise<void> {
  await sql.query(
    `INSERT INTO manifests (manifest_sha256, manifest, signature, signer_fingerprint256, chain_fingerprints,
       station_id) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (manifest_sha256) DO NOTHING`,
    [m.sha256, m.manifest, m.signature, m.signerFingerprint256, m.chainFingerprints, m.stationId],
  );
}

export interface RecordInsert {
  recordId: string;
  sha256: string;
  canonical: string;
  manifestSha256: string;
  stationId: number | null;
  organisation: string | null;
  lotId: string | null;
  completedAt: string;
  result: string;
  machineSerial: string | null;
  driveCount: number;
}

/** `inserted`, or the SHA-256 already stored under this record ID (equal: a repeat; different: a conflict). */
export async function insertRecord(
  sql: Sql,
  r: RecordInsert,
): Promise<{ inserted: true } | { inserted: false; sha256: string }> {
  const rows = await sql.query(
    `INSERT INTO records (record_id, sha256, canonical, record, manifest_sha256, station_id, organisation,
       lot_id, completed_at, result, machine_serial, drive_count)
     VALUES ($1, $2, $3::text, $3::text::jsonb, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (record_id) DO NOTHING RETURNING record_id`,
    [
      r.recordId,
      r.sha256,
      r.canonical,
      r.manifestSha256,
      r.stationId,
      r.organisation,
      r.lotId,
      r.completedAt,
      r.result,
      r.machineSerial,
      r.driveCount,
    ],
  );
  if (rows.length === 1) return { inserted: true };
  return { inserted: false, sha256: (await recordSha256(sql, r.recordId)) ?? '' };
}

export async function recordSha256(sql: Sql, recordId: string): Promise<string | null> {
  const rows = await sql.query<{ sha256: string }>('SELECT sha256 FROM records WHERE record_id = $1', [
    recordId,
  ]);
  return rows[0]?.sha256 ?? null;
}

export async function insertCertificate(
  sql: Sql,
  c: {
    pdfSha256: string;
    certificateId: string;
    kind: 'drive' | 'machine' | 'lot';
    recordId: string | null;
    lotId: string | null;
    payloadSha256: string;
    pdf: Buffer;
    signedAt: Date | null;
  } & SignedBy,
): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO certificates (pdf_sha256, certificate_id, kind, record_id, lot_id, payload_sha256, pdf, bytes,
       signed_at, signer_fingerprint256, chain_fingerprints, station_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (pdf_sha256) DO NOTHING RETURNING pdf_sha256`,
    [
      c.pdfSha256,
      c.certificateId,
      c.kind,
      c.recordId,
      c.lotId,
      c.payloadSha256,
      c.pdf,
      c.pdf.length,
      c.signedAt,
      c.signerFingerprint256,
      c.chainFingerprints,
      c.stationId,
    ],
  );
  return rows.length === 1;
}

export async function insertStationFile(
  sql: Sql,
  f: {
    sha256: string;
    kind: 'diagnostics' | 'capture';
    name: string;
    content: Buffer;
    manifestSha256: string;
    summary: DiagnosticsSummary | null;
  },
  stationId: number | null,
): Promise<boolean> {
  const s = f.summary;
  const rows = await sql.query(
    `INSERT INTO station_files (sha256, kind, name, content, bytes, manifest_sha256, station_id,
       machine_serial, machine_uuid, form_factor, grade, cosmetic)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
    [
      f.sha256,
      f.kind,
      f.name,
      f.content,
      f.content.length,
      f.manifestSha256,
      stationId,
      s?.machineSerial ?? null,
      s?.machineUuid ?? null,
      s?.formFactor ?? null,
      s?.grade ?? null,
      s?.cosmetic ?? null,
    ],
  );
  return rows.length === 1;
}

export async function countRecords(sql: Sql): Promise<{ records: number; distinct: number }> {
  const rows = await sql.query<{ records: number; distinct: number }>(
    'SELECT count(*)::int AS records, count(DISTINCT record_id)::int AS "distinct" FROM records',
  );
  return rows[0]!;
}
