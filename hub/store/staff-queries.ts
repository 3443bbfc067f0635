import type { ErasureRecord } from '../../certificates/record/schema.js';
import type { Sql } from '../db/database.js';

/** What the staff pages read. Names of people are shown here (login required), never on public pages. */

export interface LotRow {
  lotId: string;
  donor: string | null;
  machines: number;
  drives: number;
  results: string[];
  lastCompletedAt: Date;
  certificateId: string | null;
}

export async function listLots(sql: Sql, limit = 200): Promise<LotRow[]> {
  return sql.query<LotRow>(
    `SELECT r.lot_id AS "lotId", min(r.record->'donor'->>'name') AS donor, count(*)::int AS machines,
       sum(r.drive_count)::int AS drives, array_agg(DISTINCT r.result) AS results,
       max(r.completed_at) AS "lastCompletedAt",
       (SELECT lc.certificate_id FROM lot_certificates lc WHERE lc.lot_id = r.lot_id
        ORDER BY lc.created_at DESC LIMIT 1) AS "certificateId"
     FROM records r GROUP BY r.lot_id ORDER BY max(r.completed_at) DESC LIMIT $1`,
    [limit],
  );
}

/** The latest diagnostics report of a record's machine (same serial, or same UUID). */
const GRADE_JOIN = `LEFT JOIN LATERAL (
    SELECT f.sha256 AS diag_sha256, f.grade, f.cosmetic, f.form_factor FROM station_files f
    WHERE f.kind = 'diagnostics' AND ((r.machine_serial IS NOT NULL AND f.machine_serial = r.machine_serial)
      OR (f.machine_uuid IS NOT NULL AND f.machine_uuid = r.record->'machine'->>'uuid'))
    ORDER BY f.received_at DESC LIMIT 1) d ON true`;

export interface RecordRow {
  recordId: string;
  sha256: string;
  record: ErasureRecord;
  receivedAt: Date;
  station: string | null;
  grade: string | null;
  cosmetic: string | null;
  formFactor: string | null;
  revokedAt: Date | null;
}

const RECORD_COLUMNS = `r.record_id AS "recordId", r.sha256, r.record, r.received_at AS "receivedAt",
  s.name AS station, d.grade, d.cosmetic, d.form_factor AS "formFactor",
  (SELECT min(v.revoked_at) FROM revocations v WHERE v.fingerprint256 = ANY(m.chain_fingerprints)
     AND v.revoked_at <= r.received_at) AS "revokedAt"`;
const RECORD_FROM = `records r JOIN manifests m ON m.manifest_sha256 = r.manifest_sha256
  LEFT JOIN stations s ON s.station_id = r.station_id ${GRADE_JOIN}`;

export async function lotRecords(sql: Sql, lotId: string): Promise<RecordRow[]> {
  return sql.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM ${RECORD_FROM} WHERE r.lot_id = $1 ORDER BY r.completed_at, r.record_id`,
    [lotId],
  );
}

export async function recordRow(sql: Sql, recordId: string): Promise<RecordRow | null> {
  const rows = await sql.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM ${RECORD_FROM} WHERE r.record_id = $1`,
    [recordId],
  );
  return rows[0] ?? null;
}

/** Records of one period, lot or donor, for the exports (bounded: a network's year fits). */
export async function recordsFor(
  sql: Sql,
  filter: { from: Date | null; to: Date | null; lotId: string | null; donor: string | null },
  limit = 100_000,
): Promise<RecordRow[]> {
  return sql.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM ${RECORD_FROM}
     WHERE ($1::timestamptz IS NULL OR r.completed_at >= $1) AND ($2::timestamptz IS NULL OR r.completed_at < $2)
       AND ($3::text IS NULL OR r.lot_id = $3) AND ($4::text IS NULL OR r.record->'donor'->>'name' = $4)
     ORDER BY r.completed_at, r.record_id LIMIT $5`,
    [filter.from, filter.to, filter.lotId, filter.donor, limit],
  );
}

export interface CertificateRow {
  pdfSha256: string;
  certificateId: string;
  kind: 'drive' | 'machine' | 'lot';
  bytes: number;
  receivedAt: Date;
}

const CERT_COLUMNS = `c.pdf_sha256 AS "pdfSha256", c.certificate_id AS "certificateId", c.kind, c.bytes,
  c.received_at AS "receivedAt"`;

export async function certificatesOfRecords(sql: Sql, recordIds: string[]): Promise<CertificateRow[]> {
  if (recordIds.length === 0) return [];
  return sql.query<CertificateRow>(
    `SELECT ${CERT_COLUMNS}, c.record_id AS "recordId" FROM certificates c WHERE c.record_id = ANY($1)
     ORDER BY c.certificate_id, c.received_at`,
    [recordIds],
  );
}

export interface LotCertificateRow extends CertificateRow {
  shareToken: string;
  recordCount: number;
  createdBy: string | null;
}

export async function lotCertificates(sql: Sql, lotId: string): Promise<LotCertificateRow[]> {
  return sql.query<LotCertificateRow>(
    `SELECT ${CERT_COLUMNS}, l.share_token AS "shareToken", l.record_count AS "recordCount",
       l.created_by AS "createdBy"
     FROM lot_certificates l JOIN certificates c ON c.pdf_sha256 = l.pdf_sha256
     WHERE l.lot_id = $1 ORDER BY l.created_at DESC`,
    [lotId],
  );
}

export async function pdfBytes(
  sql: Sql,
  pdfSha256: string,
): Promise<{ certificateId: string; pdf: unknown } | null> {
  const rows = await sql.query<{ certificateId: string; pdf: unknown }>(
    'SELECT certificate_id AS "certificateId", pdf FROM certificates WHERE pdf_sha256 = $1',
    [pdfSha256],
  );
  return rows[0] ?? null;
}

export interface HistoryRow {
  recordId: string;
  completedAt: Date;
  result: string;
  lotId: string | null;
  station: string | null;
}

/** Every session of the same machine (by serial), oldest first. */
export async function machineHistory(sql: Sql, machineSerial: string): Promise<HistoryRow[]> {
  return sql.query<HistoryRow>(
    `SELECT r.record_id AS "recordId", r.completed_at AS "completedAt", r.result, r.lot_id AS "lotId",
       s.name AS station
     FROM records r LEFT JOIN stations s ON s.station_id = r.station_id
     WHERE r.machine_serial = $1 ORDER BY r.completed_at LIMIT 200`,
    [machineSerial],
  );
}

export interface DiagnosticsRow {
  sha256: string;
  name: string;
  grade: string | null;
  cosmetic: string | null;
  formFactor: string | null;
  receivedAt: Date;
  content: unknown;
}

export async function diagnosticsOf(
  sql: Sql,
  machine: { serial: string | null; uuid: string | null },
): Promise<DiagnosticsRow[]> {
  if (!machine.serial && !machine.uuid) return [];
  return sql.query<DiagnosticsRow>(
    `SELECT sha256, name, grade, cosmetic, form_factor AS "formFactor", received_at AS "receivedAt", content
     FROM station_files WHERE kind = 'diagnostics'
       AND (($1::text IS NOT NULL AND machine_serial = $1) OR ($2::text IS NOT NULL AND machine_uuid = $2))
     ORDER BY received_at DESC LIMIT 20`,
    [machine.serial, machine.uuid],
  );
}

export interface SearchHit {
  recordId: string;
  lotId: string | null;
  donor: string | null;
  machineSerial: string | null;
  assetTag: string | null;
  completedAt: Date;
  result: string;
}

/**
 * By machine or drive serial, asset tag (machine or drive), record or certificate ID, or donor (part of the
 * name): what a technician holding a machine, a sticker or a phone call has.
 */
export async function searchRecords(sql: Sql, query: string, limit = 100): Promise<SearchHit[]> {
  const q = query.trim();
  const recordId = /^(GR-\d{8}-[0-9a-f]{10})/i.exec(q)?.[1] ?? null;
  const lotId = /^LOT-(.+)-[0-9a-f]{8}$/i.exec(q)?.[1] ?? null;
  const like = `%${q.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  return sql.query<SearchHit>(
    `SELECT r.record_id AS "recordId", r.lot_id AS "lotId", r.record->'donor'->>'name' AS donor,
       r.machine_serial AS "machineSerial", r.record->'machine'->>'assetTag' AS "assetTag",
       r.completed_at AS "completedAt", r.result
     FROM records r
     WHERE r.record_id = $1 OR lower(r.machine_serial) = lower($2)
       OR lower(r.record->'machine'->>'assetTag') = lower($2) OR r.lot_id = $2 OR r.lot_id = $4
       OR (r.record->'donor'->>'name') ILIKE $3
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(r.record->'drives') x
                  WHERE lower(x->>'serial') = lower($2) OR lower(x->>'assetTag') = lower($2))
       OR EXISTS (SELECT 1 FROM lot_certificates l WHERE l.certificate_id = $2 AND l.lot_id = r.lot_id)
     ORDER BY r.completed_at DESC LIMIT $5`,
    [recordId, q, like, lotId, limit],
  );
}
