import type { Sql } from '../db/database.js';

/** What the public verification page and API read: the record, its PDFs, the signer, and revocation. */

const REVOKED = (alias: string) => `(SELECT min(v.revoked_at) FROM revocations v
  WHERE v.fingerprint256 = ANY(${alias}.chain_fingerprints) AND v.revoked_at <= ${alias}.received_at)`;

/**
 * What the verification page shows of a record and of the PDFs under one certificate ID, in one round trip:
 * the page is the hub's busiest read, so it reads the fields picked from the record when it was stored rather
 * than the whole record.
 */
export interface RecordFacts extends PublicFacts {
  sha256: string;
  receivedAt: Date;
  station: string | null;
  /** Revocation of a certificate in the manifest signer's chain dated at or before the arrival. */
  revokedAt: Date | null;
  pdfs: Array<{ pdfSha256: string; bytes: number; signedAt: string | null; revokedAt: string | null }>;
}

/** The record's fields the page shows (records.public_facts). */
interface PublicFacts {
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
}

/** One certificate ID's record facts to read; the record ID is the certificate ID's stem. */
export interface FactsKey {
  recordId: string;
  certificateId: string;
}

/**
 * The facts of several certificates in one query, in the order asked (null for an unknown record): under load
 * the page's cost is per query more than per row (see record-facts-reader.ts).
 */
export async function recordFactsOf(sql: Sql, keys: readonly FactsKey[]): Promise<Array<RecordFacts | null>> {
  // public_facts: the record's shown fields, picked when it was stored (migration 3).
  const rows = await sql.query<
    Omit<RecordFacts, keyof PublicFacts> & { facts: PublicFacts; certificateId: string }
  >(
    `SELECT q.certificate_id AS "certificateId", r.sha256, r.received_at AS "receivedAt", s.name AS station,
       ${REVOKED('m')} AS "revokedAt", r.public_facts AS facts,
       (SELECT coalesce(json_agg(json_build_object('pdfSha256', c.pdf_sha256, 'bytes', c.bytes,
          'signedAt', c.signed_at, 'revokedAt', ${REVOKED('c')}) ORDER BY c.received_at), '[]'::json)
        FROM certificates c WHERE c.certificate_id = q.certificate_id) AS pdfs
     FROM unnest($1::text[], $2::text[]) AS q(record_id, certificate_id)
       JOIN records r ON r.record_id = q.record_id
       JOIN manifests m ON m.manifest_sha256 = r.manifest_sha256
       LEFT JOIN stations s ON s.station_id = r.station_id`,
    [keys.map((k) => k.recordId), keys.map((k) => k.certificateId)],
  );
  const found = new Map(
    rows.map(({ facts, certificateId, ...rest }) => [certificateId, { ...rest, ...facts } as RecordFacts]),
  );
  return keys.map((k) => found.get(k.certificateId) ?? null);
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
