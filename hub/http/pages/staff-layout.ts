import type { FastifyReply } from 'fastify';
import { formatDate } from '../../../certificates/pdf/format.js';
import type { Lang, Text } from '../../../core/i18n.js';
import type { StaffSession } from '../../web/staff-session.js';
import { GRADE, GUARD, NAV, RESULT, ROLE } from '../../web/words.js';
import { withLang } from '../web-request.js';
import { esc, sendPage } from './html.js';

/** The staff pages' frame: a skip link, the navigation, the language switch, who is signed in, sign-out. */
export function staffPage(
  reply: FastifyReply,
  status: number,
  page: {
    lang: Lang;
    session: StaffSession | null;
    title: Text;
    body: string;
    url?: string;
    script?: string;
  },
): FastifyReply {
  const { lang, session } = page;
  const t = (w: Text) => esc(w[lang]);
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const links = session
    ? [
        `<a href="/staff">${t(NAV.dashboard)}</a>`,
        `<a href="/staff/search">${t(NAV.search)}</a>`,
        `<a href="/staff/exports">${t(NAV.exports)}</a>`,
        ...(session.role === 'admin' ? [`<a href="/staff/admin">${t(NAV.admin)}</a>`] : []),
      ]
    : [];
  const who = session
    ? `<span class="who">${t(NAV.signedIn(session.name, ROLE[session.role]!))}
<form method="post" action="/logout">${csrfField(session)}<button type="submit">${t(NAV.signOut)}</button></form></span>`
    : '';
  const header = `<a class="skip" href="#main">${t(NAV.skip)}</a><header class="bar"><strong>gomme hub</strong>
<nav aria-label="${t(NAV.menu)}">${links.join('')}<a href="${esc(withLang(page.url ?? '/staff', other))}" hreflang="${other}" lang="${other}">${t(NAV.otherLang)}</a></nav>${who}</header>`;
  return sendPage(reply, status, {
    lang,
    title: `${page.title[lang]} — gomme hub`,
    header,
    body: `<h1>${t(page.title)}</h1>${page.body}`,
    wide: true,
    ...(page.script ? { script: page.script } : {}),
  });
}

export function messagePage(
  reply: FastifyReply,
  status: number,
  page: { lang: Lang; session: StaffSession | null; title: Text; message: Text },
): FastifyReply {
  return staffPage(reply, status, {
    ...page,
    body: `<div class="verdict warn" role="alert">${esc(page.message[page.lang])}</div>
<p><a href="/staff">${esc(GUARD.back[page.lang])}</a></p>`,
  });
}

export const csrfField = (session: StaffSession): string =>
  `<input type="hidden" name="_csrf" value="${esc(session.csrfToken)}">`;

export const when = (date: Date | string | null, lang: Lang): string =>
  date ? esc(formatDate(new Date(date).toISOString(), lang)) : '—';

export function resultPill(result: string, lang: Lang): string {
  const kind = result === 'ERASED' ? 'ok' : result === 'ERASED_WITH_EXCEPTIONS' ? 'warn' : 'bad';
  return `<span class="pill ${kind}">${esc(RESULT[result]?.[lang] ?? result)}</span>`;
}

export function gradePill(grade: string | null, lang: Lang): string {
  const key = grade ?? 'ungraded';
  const kind = key === 'pass' ? 'ok' : key === 'fail' ? 'bad' : 'warn';
  return `<span class="pill ${kind}">${esc(GRADE[key]?.[lang] ?? key)}</span>`;
}

/** A table whose header cells are `th scope=col`, in a scrolling box so a phone can read it sideways. */
export function table(headers: string[], rows: string[][], caption?: string): string {
  return `<div class="scroll"><table>${caption ? `<caption class="note">${caption}</caption>` : ''}<thead><tr>${headers
    .map((h) => `<th scope="col">${h}</th>`)
    .join(
      '',
    )}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}
