import type { Sql } from '../db/database.js';
import type { Role } from './users.js';

export interface SessionRow {
  userId: number;
  name: string;
  role: Role;
  csrfToken: string;
  expiresAt: Date;
}

export async function insertSession(
  sql: Sql,
  s: { sessionSha256: string; userId: number; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await sql.query(
    'INSERT INTO sessions (session_sha256, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)',
    [s.sessionSha256, s.userId, s.csrfToken, s.expiresAt],
  );
}

/** A live session of an enabled account, or null. */
export async function sessionBySha256(
  sql: Sql,
  sessionSha256: string,
  now: Date,
): Promise<SessionRow | null> {
  const rows = await sql.query<SessionRow>(
    `SELECT s.user_id AS "userId", u.name, u.role, s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt"
     FROM sessions s JOIN users u ON u.user_id = s.user_id
     WHERE s.session_sha256 = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    [sessionSha256, now],
  );
  return rows[0] ?? null;
}

export async function extendSession(sql: Sql, sessionSha256: string, expiresAt: Date): Promise<void> {
  await sql.query('UPDATE sessions SET expires_at = $2 WHERE session_sha256 = $1', [
    sessionSha256,
    expiresAt,
  ]);
}

export async function deleteSession(sql: Sql, sessionSha256: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE session_sha256 = $1', [sessionSha256]);
}

export async function pruneSessions(sql: Sql, now: Date): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
}
