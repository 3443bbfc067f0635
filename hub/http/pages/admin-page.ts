import type { Lang } from '../../../core/i18n.js';
import type { RejectRow } from '../../store/rejects.js';
import type { StationRow } from '../../store/stations.js';
import type { StaffSession } from '../../web/staff-session.js';
import { ADMIN } from '../../web/words-admin.js';
import { esc } from './html.js';
import { csrfField, table, when } from './staff-layout.js';

export interface AdminView {
  stations: StationRow[];
  rejects: RejectRow[];
  hubUrl: string;
  /** Just created: shown once, never stored in clear. */
  code: { code: string; expiresAt: string; uses: number } | null;
  flash: string | null;
  error: boolean;
}

/** Enrolment codes, stations (revoke), rejected uploads. */
export function adminBody(view: AdminView, lang: Lang, session: StaffSession): string {
  const t = (w: { fr: string; en: string }) => esc(w[lang]);
  const code = view.code
    ? `<div class="verdict ok" role="status"><p class="code" id="enrolment-code">${esc(view.code.code)}</p>
<p>${t(ADMIN.codeCreated(when(view.code.expiresAt, lang), view.code.uses))}</p>
<p>${t(ADMIN.codeCommand)} <code>gomme hub enrol ${esc(view.hubUrl)} --code ${esc(view.code.code)}</code></p></div>`
    : '';
  const flash = view.flash ? `<div class="verdict ok" role="status">${esc(view.flash)}</div>` : '';
  const error = view.error ? `<div class="verdict bad" role="alert">${t(ADMIN.badInput)}</div>` : '';
  const stations =
    view.stations.length === 0
      ? `<p>${t(ADMIN.noStations)}</p>`
      : table(
          [ADMIN.station, ADMIN.enrolled, ADMIN.lastSeen, ADMIN.status, ADMIN.revoke].map(t),
          view.stations.map((s) => [
            `${esc(s.name)} <span class="note">#${esc(s.stationId)}</span>`,
            when(s.enrolledAt, lang),
            when(s.lastSeenAt, lang),
            s.revokedAt
              ? `<span class="pill bad">${t(ADMIN.revokedOn(when(s.revokedAt, lang)))}</span>`
              : `<span class="pill ok">${t(ADMIN.active)}</span>`,
            s.revokedAt
              ? '—'
              : `<form class="row" method="post" action="/staff/admin/stations/${esc(s.stationId)}/revoke">${csrfField(session)}
<label for="reason-${esc(s.stationId)}">${t(ADMIN.revokeReason)}</label><input id="reason-${esc(s.stationId)}" name="reason" maxlength="200">
<button class="danger" type="submit">${t(ADMIN.revoke)} ${esc(s.name)}</button></form>`,
          ]),
        );
  const rejects =
    view.rejects.length === 0
      ? `<p>${t(ADMIN.noRejects)}</p>`
      : table(
          [ADMIN.at, ADMIN.route, ADMIN.status, ADMIN.code, ADMIN.reason, ADMIN.client].map(t),
          view.rejects.map((r) => [
            when(r.at, lang),
            `<code>${esc(r.route)}</code>${r.ref ? `<br><code>${esc(r.ref)}</code>` : ''}`,
            esc(r.status),
            `<code>${esc(r.code)}</code>`,
            esc(lang === 'fr' ? r.reasonFr : r.reasonEn),
            esc(r.client ?? '—'),
          ]),
        );
  return `${error}${flash}<h2>${t(ADMIN.codeTitle)}</h2><p class="note">${t(ADMIN.codeHint)}</p>${code}
<form class="row" method="post" action="/staff/admin/enrolment-codes">${csrfField(session)}
<label for="ttl">${t(ADMIN.ttl)}<input id="ttl" name="ttl" type="number" min="1" max="10080" value="60"></label>
<label for="uses">${t(ADMIN.uses)}<input id="uses" name="uses" type="number" min="1" max="1000" value="1"></label>
<button class="main" type="submit">${t(ADMIN.createCode)}</button></form>
<h2>${t(ADMIN.stations)}</h2><p class="note">${t(ADMIN.revokeHint)}</p>${stations}
<h2>${t(ADMIN.rejects)}</h2>${rejects}`;
}
