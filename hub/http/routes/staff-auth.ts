import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { csrfMatches, resumeSession, signIn, signOut } from '../../web/staff-session.js';
import { LOGIN } from '../../web/words.js';
import type { HubDeps } from '../deps.js';
import { loginBody } from '../pages/login-page.js';
import { staffPage } from '../pages/staff-layout.js';
import { SESSION_COOKIE, staffOnly } from '../staff-guard.js';
import { cookies, field, safeNext, setCookie, staffLang } from '../web-request.js';

const LOGIN_CSRF = 'gomme_login_csrf';

/** Sign-in and sign-out of the staff web UI (sessions in the database, cookie HttpOnly + SameSite=Strict). */
export function registerStaffAuth(app: FastifyInstance, deps: HubDeps): void {
  // Password checks cost 32 MiB and ~0.1 s each: few per minute and address.
  const limited = { config: { rateLimit: { max: 20, timeWindow: 60_000 } } };

  app.get('/', async (_request, reply) => reply.redirect('/staff', 303));

  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    const lang = staffLang(request, reply);
    const next = safeNext(request.query.next ?? '/staff');
    if (await resumeSession(deps.db, cookies(request)[SESSION_COOKIE], deps.now()))
      return reply.redirect(next, 303);
    const csrf = randomBytes(18).toString('base64url');
    setCookie(reply, request, LOGIN_CSRF, csrf, 3600);
    return staffPage(reply, 200, {
      lang,
      session: null,
      title: LOGIN.title,
      url: request.url,
      body: loginBody(lang, { csrf, next, failed: false, name: '' }),
    });
  });

  app.post('/login', limited, async (request, reply) => {
    const lang = staffLang(request, reply);
    const next = safeNext(field(request, 'next'));
    const expected = cookies(request)[LOGIN_CSRF] ?? '';
    const name = field(request, 'name').trim().slice(0, 64);
    const signedIn =
      expected && csrfMatches(expected, field(request, '_csrf'))
        ? await signIn(deps.db, name, field(request, 'password').slice(0, 1024), deps.now())
        : null;
    if (!signedIn) {
      const csrf = randomBytes(18).toString('base64url');
      setCookie(reply, request, LOGIN_CSRF, csrf, 3600);
      request.log.info({ user: name }, 'staff sign-in refused');
      return staffPage(reply, 401, {
        lang,
        session: null,
        title: LOGIN.title,
        url: '/login',
        body: loginBody(lang, { csrf, next, failed: true, name }),
      });
    }
    request.log.info({ user: signedIn.session.name }, 'staff signed in');
    setCookie(reply, request, LOGIN_CSRF, '', 0);
    // A browser-session cookie: the hub ends the session after SESSION_IDLE_MS without a request.
    setCookie(reply, request, SESSION_COOKIE, signedIn.cookie, null);
    return reply.redirect(next, 303);
  });

  app.post('/logout', { preHandler: staffOnly(deps, 'viewer') }, async (request, reply) => {
    await signOut(deps.db, cookies(request)[SESSION_COOKIE]);
    setCookie(reply, request, SESSION_COOKIE, '', 0);
    return reply.redirect('/login', 303);
  });
}
