import type { Sql } from '../db/database.js';

/** What the public verification page and API read: the record, its PDFs, the signer, and revocation. */

export interface StoredRecord {
  recordId: string;
  sha256: string;
  record: unknown;
  receivedAt: Date;
  station: string | null;
  /** Revocation of a certificate in the manifest signer's chain dated at or before the arrival. */
  revokedAt: Date | null;
}

const REVOKED = (alias: string) => `(SELECT min(v.revoked_at) FROM revocations v
  WHERE v.fingerprint256 = ANY(${alias}.chain_fingerprints) AND v.revoked_at <= ${alias}.received_at)`;

export async function recordById(sql: Sql, recordId: string): Promise<StoredRecord | null> {
  const rows = await sql.query<StoredRecord>(
    `SELECT r.record_id AS "recordId", r.sha256, r.record, r.received_at AS "receivedAt", s.name AS station,
       ${REVOKED('m')} AS "revokedAt"
     FROM records r JOIN manifests m ON m.manifest_sha256 = r.manifest_sha256
       LEFT JOIN stations s ON s.station_id = r.station_id
     WHERE r.record_id = $1`,
    [recordId],
  );
  return rows[0] ?? null;
}

export interface StoredPdf {
  pdfSha256: string;
  certificateId: string;
  kind: 'drive' | 'machine' | 'lot';
  recordId: string | null;
  lotId: string | null;
  payloadSha256: string;
  bytes: number;
  signedAt: Date | null;
  receivedAt: Date;
  station: string | null;
  revokedAt: Date | null;
}

export async function pdfsOf(sql: Sql, certificateId: string): Promise<StoredPdf[]> {
  return sql.query<StoredPdf>(
    `SELECT c.pdf_sha256 AS "pdfSha256", c.certificate_id AS "certificateId", c.kind, c.record_id AS "recordId",
       c.lot_id AS "lotId", c.payload_sha256 AS "payloadSha256", c.bytes, c.signed_at AS "signedAt",
       c.received_at AS "receivedAt", s.name AS station, ${REVOKED('c')} AS "revokedAt"
     FROM certificates c LEFT JOIN stations s ON s.station_id = c.station_id
     WHERE c.certificate_id = $1 ORDER BY c.received_at`,
    [certificateId],
  );
}

export async function lotSummary(
  sql: Sql,
  lotId: string,
): Promise<{ organisation: string | null; results: string[] }> {
  const rows = await sql.query<{ organisation: string | null; result: string }>(
    'SELECT organisation, result FROM records WHERE lot_id = $1',
    [lotId],
  );
  return { organisation: rows[0]?.organisation ?? null, results: rows.map((r) => r.result) };
}
