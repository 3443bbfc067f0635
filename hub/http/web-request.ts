import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../core/i18n.js';
import { pageLang } from './pages/html.js';

/** What browser forms and cookies need; small enough not to take two plugins for. */

export function cookies(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch (error) {
      if (!(error instanceof URIError)) throw error;
    }
  }
  return out;
}

/** HttpOnly, SameSite=Strict (no other site can send it), Secure when the browser came over HTTPS. */
export function setCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  name: string,
  value: string,
  maxAgeSeconds: number | null,
): void {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (maxAgeSeconds !== null) parts.push(`Max-Age=${maxAgeSeconds}`);
  if (request.protocol === 'https') parts.push('Secure');
  const previous = reply.getHeader('set-cookie');
  const list = Array.isArray(previous) ? previous : typeof previous === 'string' ? [previous] : [];
  reply.header('set-cookie', [...list, parts.join('; ')]);
}

/** URL-encoded form bodies as a flat object (the last value of a repeated field). */
export function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
}

export function field(request: FastifyRequest, name: string): string {
  const value = (request.body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export const LANG_COOKIE = 'gomme_lang';

/** `?lang=` (remembered in a cookie), else the cookie, else the browser's language. */
export function staffLang(request: FastifyRequest, reply: FastifyReply): Lang {
  const query = (request.query as { lang?: unknown } | undefined)?.lang;
  if (query === 'en' || query === 'fr') {
    setCookie(reply, request, LANG_COOKIE, query, 365 * 86_400);
    return query;
  }
  const remembered = cookies(request)[LANG_COOKIE];
  if (remembered === 'en' || remembered === 'fr') return remembered;
  return pageLang(request);
}

/** The same path with `lang` set, for the language switch. */
export function withLang(url: string, lang: Lang): string {
  const [path, query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${path}?${params.toString()}`;
}

/** A local path to go back to after login; anything else (another site, //host) becomes the dashboard. */
export function safeNext(value: string): string {
  return /^\/(?![/\\])[\w\-./?=&%~+]*$/.test(value) && !value.startsWith('/login') ? value : '/staff';
}
