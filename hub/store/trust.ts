import type { Sql } from '../db/database.js';

/** Organisation roots the hub accepts, and revocations: the trust every verification on the hub starts from. */
export interface OrganisationRow {
  orgId: number;
  name: string;
  fingerprint256: string;
  certificatePem: string;
  own: boolean;
}

export async function listOrganisations(sql: Sql): Promise<OrganisationRow[]> {
  return sql.query<OrganisationRow>(
    `SELECT org_id AS "orgId", name, fingerprint256, certificate_pem AS "certificatePem", own
     FROM organisations ORDER BY org_id`,
  );
}

/** Idempotent: the same certificate twice is one row. */
export async function addOrganisation(
  sql: Sql,
  org: { name: string; fingerprint256: string; certificatePem: string; own: boolean },
): Promise<void> {
  await sql.query(
    `INSERT INTO organisations (name, fingerprint256, certificate_pem, own) VALUES ($1, $2, $3, $4)
     ON CONFLICT (fingerprint256) DO NOTHING`,
    [org.name, org.fingerprint256, org.certificatePem, org.own],
  );
}

export interface RevocationRow {
  fingerprint256: string;
  revokedAt: Date;
  reason: string | null;
}

export async function listRevocations(sql: Sql): Promise<RevocationRow[]> {
  return sql.query<RevocationRow>(
    `SELECT fingerprint256, revoked_at AS "revokedAt", reason FROM revocations ORDER BY revoked_at`,
  );
}

/** A later call for the same certificate moves the date (an admin correcting it). */
export async function revoke(
  sql: Sql,
  r: { fingerprint256: string; revokedAt: Date; reason: string | null; by: string | null },
): Promise<void> {
  await sql.query(
    `INSERT INTO revocations (fingerprint256, revoked_at, reason, recorded_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (fingerprint256) DO UPDATE SET revoked_at = EXCLUDED.revoked_at, reason = EXCLUDED.reason,
       recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
    [r.fingerprint256, r.revokedAt, r.reason, r.by],
  );
}
