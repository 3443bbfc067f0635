import type { Text } from '../../core/i18n.js';
import type { Sql } from '../db/database.js';

export interface RejectRow {
  rejectId: number;
  at: Date;
  client: string | null;
  route: string;
  status: number;
  code: string;
  reasonFr: string;
  reasonEn: string;
  signerFingerprint256: string | null;
  ref: string | null;
}

export async function insertReject(
  sql: Sql,
  r: {
    client: string | null;
    route: string;
    status: number;
    code: string;
    reason: Text;
    signer: string | null;
    ref: string | null;
  },
): Promise<void> {
  await sql.query(
    `INSERT INTO rejects (client, route, status, code, reason_fr, reason_en, signer_fingerprint256, ref)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      r.client,
      r.route,
      r.status,
      r.code,
      r.reason.fr.slice(0, 2000),
      r.reason.en.slice(0, 2000),
      r.signer,
      r.ref,
    ],
  );
}

export async function listRejects(sql: Sql, limit = 100): Promise<RejectRow[]> {
  return sql.query<RejectRow>(
    `SELECT reject_id AS "rejectId", at, client, route, status, code, reason_fr AS "reasonFr",
       reason_en AS "reasonEn", signer_fingerprint256 AS "signerFingerprint256", ref
     FROM rejects ORDER BY reject_id DESC LIMIT $1`,
    [limit],
  );
}

/** Rejects are kept 90 days: a hostile client cannot grow the table for ever. */
export async function pruneRejects(sql: Sql, now: Date): Promise<void> {
  await sql.query(`DELETE FROM rejects WHERE at < $1`, [new Date(now.getTime() - 90 * 86_400_000)]);
}
