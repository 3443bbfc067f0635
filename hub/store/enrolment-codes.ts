import type { Sql } from '../db/database.js';

export async function insertEnrolmentCode(
  sql: Sql,
  c: { codeSha256: string; expiresAt: Date; uses: number; createdBy: string | null },
): Promise<void> {
  await sql.query(
    'INSERT INTO enrolment_codes (code_sha256, expires_at, uses_left, created_by) VALUES ($1, $2, $3, $4)',
    [c.codeSha256, c.expiresAt, c.uses, c.createdBy],
  );
}

/** Uses one enrolment of the code, atomically; false when it is unknown, used up or expired. */
export async function consumeEnrolmentCode(sql: Sql, codeSha256: string, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE enrolment_codes SET uses_left = uses_left - 1
     WHERE code_sha256 = $1 AND uses_left > 0 AND expires_at > $2 RETURNING code_sha256`,
    [codeSha256, now],
  );
  return rows.length === 1;
}
