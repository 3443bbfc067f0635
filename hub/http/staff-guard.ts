import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../core/i18n.js';
import type { Role } from '../store/users.js';
import { csrfMatches, hasRole, resumeSession, type StaffSession } from '../web/staff-session.js';
import { GUARD, ROLE } from '../web/words.js';
import type { HubDeps } from './deps.js';
import { messagePage } from './pages/staff-layout.js';
import { cookies, field, staffLang } from './web-request.js';

export const SESSION_COOKIE = 'gomme_session';

interface StaffRequest extends FastifyRequest {
  staffSession?: StaffSession;
  staffLang?: Lang;
}

/**
 * A preHandler for staff pages: no session → the login page (then back here); below `role` → 403 page; a POST
 * without the session's CSRF token → 403 page. The session and language are then on the request.
 */
export function staffOnly(deps: HubDeps, role: Role) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const lang = staffLang(request, reply);
    const session = await resumeSession(deps.db, cookies(request)[SESSION_COOKIE], deps.now());
    if (!session) {
      const next = request.method === 'GET' ? request.url : '/staff';
      return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
    }
    if (!hasRole(session, role))
      return messagePage(reply, 403, {
        lang,
        session,
        title: GUARD.forbiddenTitle,
        message: GUARD.forbidden(ROLE[role]!),
      });
    if (request.method === 'POST' && !csrfMatches(session.csrfToken, field(request, '_csrf')))
      return messagePage(reply, 403, { lang, session, title: GUARD.forbiddenTitle, message: GUARD.csrf });
    const r = request as StaffRequest;
    r.staffSession = session;
    r.staffLang = lang;
  };
}

/** The session and language a `staffOnly` route was given. */
export function staffContext(request: FastifyRequest): { session: StaffSession; lang: Lang } {
  const r = request as StaffRequest;
  if (!r.staffSession || !r.staffLang) throw new Error('staff route without the staffOnly preHandler');
  return { session: r.staffSession, lang: r.staffLang };
}
