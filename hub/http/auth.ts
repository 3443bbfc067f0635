import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { text } from '../../core/i18n.js';
import { verifyPassword } from '../admin/passwords.js';
import { type Role, userByName } from '../store/users.js';
import type { HubDeps } from './deps.js';
import { sendFailure } from './reply-error.js';

export interface Staff {
  name: string;
  role: Role;
  /** How they proved it: the local admin token (gomme hub admin on this machine) or a password. */
  via: 'local-token' | 'password';
}

const RANK: Record<Role, number> = { viewer: 0, technician: 1, admin: 2 };

/**
 * Who is calling, or null. Today: the local admin token (Bearer) or HTTP Basic with a staff account. The web
 * UI adds its session cookie here, so every route keeps asking one question.
 */
export async function authenticate(deps: HubDeps, request: FastifyRequest): Promise<Staff | null> {
  const header = request.headers.authorization ?? '';
  const [scheme, value] = header.split(' ', 2);
  if (scheme === 'Bearer' && value) {
    const given = Buffer.from(value);
    const expected = Buffer.from(deps.adminToken);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? { name: 'local-admin', role: 'admin', via: 'local-token' }
      : null;
  }
  if (scheme === 'Basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1) return null;
    const user = await userByName(deps.db, decoded.slice(0, colon));
    if (!user || user.disabledAt) return null;
    return (await verifyPassword(decoded.slice(colon + 1), user.passwordHash))
      ? { name: user.name, role: user.role, via: 'password' }
      : null;
  }
  return null;
}

/** A preHandler: 401 without a valid identity, 403 below `role`. The staff member is on `request.staff`. */
export function requireRole(deps: HubDeps, role: Role) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const staff = await authenticate(deps, request);
    if (!staff)
      return sendFailure(reply.header('www-authenticate', 'Basic realm="gomme hub"'), {
        status: 401,
        code: 'unauthenticated',
        reason: text('identification requise', 'authentication required'),
        signer: null,
      });
    if (RANK[staff.role] < RANK[role])
      return sendFailure(reply, {
        status: 403,
        code: 'forbidden',
        reason: text(`réservé au rôle ${role}`, `reserved to the ${role} role`),
        signer: null,
      });
    (request as FastifyRequest & { staff?: Staff }).staff = staff;
  };
}

export const staffOf = (request: FastifyRequest): Staff | undefined =>
  (request as FastifyRequest & { staff?: Staff }).staff;
