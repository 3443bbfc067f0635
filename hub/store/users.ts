import type { Sql } from '../db/database.js';

export const ROLES = ['admin', 'technician', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRow {
  userId: number;
  name: string;
  role: Role;
  passwordHash: string;
  disabledAt: Date | null;
}

export async function insertUser(
  sql: Sql,
  u: { name: string; role: Role; passwordHash: string },
): Promise<'created' | 'exists'> {
  const rows = await sql.query(
    `INSERT INTO users (name, role, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO NOTHING RETURNING user_id`,
    [u.name, u.role, u.passwordHash],
  );
  return rows.length === 1 ? 'created' : 'exists';
}

export async function userByName(sql: Sql, name: string): Promise<UserRow | null> {
  const rows = await sql.query<UserRow>(
    `SELECT user_id AS "userId", name, role, password_hash AS "passwordHash", disabled_at AS "disabledAt"
     FROM users WHERE name = $1`,
    [name],
  );
  return rows[0] ?? null;
}
