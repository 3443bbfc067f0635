import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { verifyPassword } from '../admin/passwords.js';
import type { Database } from '../db/database.js';
import {
  deleteSession,
  extendSession,
  insertSession,
  pruneSessions,
  sessionBySha256,
} from '../store/sessions.js';
import { type Role, userByName } from '../store/users.js';

/** A staff member signed in through the web UI, and the CSRF token their forms carry. */
export interface StaffSession {
  name: string;
  role: Role;
  csrfToken: string;
}

/** Idle time after which the hub ends a session (a workshop PC left open at lunch); the cookie itself lasts until the browser closes. */
export const SESSION_IDLE_MS = 8 * 3_600_000;

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
const RANK: Record<Role, number> = { viewer: 0, technician: 1, admin: 2 };

export const hasRole = (session: { role: Role }, role: Role): boolean => RANK[session.role] >= RANK[role];

/**
 * Checks a name and password; on success stores a new session and returns its cookie value (only its SHA-256
 * is stored). A wrong name costs the same time as a wrong password, so names cannot be probed.
 */
export async function signIn(
  db: Database,
  name: string,
  password: string,
  now: Date,
): Promise<{ cookie: string; session: StaffSession } | null> {
  const user = await userByName(db, name);
  const hash = user && !user.disabledAt ? user.passwordHash : DUMMY_HASH;
  const ok = await verifyPassword(password, hash);
  if (!ok || !user || user.disabledAt) return null;
  const cookie = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await pruneSessions(db, now);
  await insertSession(db, {
    sessionSha256: digest(cookie),
    userId: user.userId,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
  });
  return { cookie, session: { name: user.name, role: user.role, csrfToken } };
}

/** The session behind a cookie value, its idle expiry pushed back; null when unknown or expired. */
export async function resumeSession(
  db: Database,
  cookie: string | undefined,
  now: Date,
): Promise<StaffSession | null> {
  if (!cookie || cookie.length > 100) return null;
  const key = digest(cookie);
  const row = await sessionBySha256(db, key, now);
  if (!row) return null;
  // Written at most every few minutes: a page view should not be a write each time.
  const renewed = now.getTime() + SESSION_IDLE_MS;
  if (renewed - new Date(row.expiresAt).getTime() > 5 * 60_000)
    await extendSession(db, key, new Date(renewed));
  return { name: row.name, role: row.role, csrfToken: row.csrfToken };
}

export async function signOut(db: Database, cookie: string | undefined): Promise<void> {
  if (cookie) await deleteSession(db, digest(cookie));
}

/** Constant-time comparison of the token a form sent with the session's. */
export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A valid scrypt hash of a random password: checked when the name is unknown, to take the same time. */
const DUMMY_HASH = 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
