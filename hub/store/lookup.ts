import type { Sql } from '../db/database.js';

/** What the public verification page and API read: the record, its PDFs, the signer, and revocation. */

const REVOKED = (alias: string) => `(SELECT min(v.revoked_at) FROM revocations v
  WHERE v.fingerprint256 = ANY(${alias}.chain_fingerprints) AND v.revoked_at <= ${alias}.received_at)`;

/**
 * What the verification page shows of a record and of the PDFs under one certificate ID, in one round trip:
 * the page is the hub's busiest read, so the drives' shown fields are picked inside the database rather than
 * shipping and parsing the whole record.
 */
export interface RecordFacts {
  sha256: string;
  receivedAt: Date;
  station: string | null;
  /** Revocation of a certificate in the manifest signer's chain dated at or before the arrival. */
  revokedAt: Date | null;
  result: string;
  completedAt: string;
  organisation: string;
  vendor: string | null;
  model: string | null;
  drives: Array<{
    index: number;
    model: string | null;
    serial: string | null;
    sizeBytes: number;
    methodLabel: string;
    nistLevel: string;
    result: string;
    finishedAt: string;
  }>;
  pdfs: Array<{ pdfSha256: string; bytes: number; signedAt: string | null; revokedAt: string | null }>;
}

export async function recordFacts(
  sql: Sql,
  recordId: string,
  certificateId: string,
): Promise<RecordFacts | null> {
  const rows = await sql.query<RecordFacts>(
    `SELECT r.sha256, r.received_at AS "receivedAt", s.name AS station, ${REVOKED('m')} AS "revokedAt",
       r.record->>'result' AS result, r.record->>'completedAt' AS "completedAt",
       r.record->'organisation'->>'name' AS organisation,
       r.record->'machine'->>'vendor' AS vendor, r.record->'machine'->>'model' AS model,
       (SELECT coalesce(json_agg(json_build_object('index', d->'index', 'model', d->'model', 'serial', d->'serial',
          'sizeBytes', d->'sizeBytes', 'methodLabel', d->'sanitization'->'methodLabel',
          'nistLevel', d->'sanitization'->'nistLevel', 'result', d->'result', 'finishedAt', d->'finishedAt')
          ORDER BY ordinality), '[]'::json)
        FROM jsonb_array_elements(r.record->'drives') WITH ORDINALITY AS e(d, ordinality)) AS drives,
       (SELECT coalesce(json_agg(json_build_object('pdfSha256', c.pdf_sha256, 'bytes', c.bytes,
          'signedAt', c.signed_at, 'revokedAt', ${REVOKED('c')}) ORDER BY c.received_at), '[]'::json)
        FROM certificates c WHERE c.certificate_id = $2) AS pdfs
     FROM records r JOIN manifests m ON m.manifest_sha256 = r.manifest_sha256
       LEFT JOIN stations s ON s.station_id = r.station_id
     WHERE r.record_id = $1`,
    [recordId, certificateId],
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
