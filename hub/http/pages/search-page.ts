import type { Lang } from '../../../core/i18n.js';
import type { SearchHit } from '../../store/staff-queries.js';
import { LOT, MACHINE, SEARCH } from '../../web/words.js';
import { esc } from './html.js';
import { resultPill, table, when } from './staff-layout.js';

export function searchBody(query: string, hits: SearchHit[] | null, lang: Lang): string {
  const t = (w: { fr: string; en: string }) => esc(w[lang]);
  const form = `<form class="row" method="get" action="/staff/search" role="search">
<label for="q">${t(SEARCH.label)}</label><input id="q" name="q" size="30" value="${esc(query)}" autofocus>
<button class="main" type="submit">${t(SEARCH.submit)}</button></form>`;
  if (hits === null) return form;
  if (hits.length === 0) return `${form}<p role="status">${t(SEARCH.none(query))}</p>`;
  return `${form}<p role="status">${t(SEARCH.count(hits.length))}</p>${table(
    [
      MACHINE.record,
      LOT.serial,
      MACHINE.assetTag,
      MACHINE.donor,
      MACHINE.lot,
      MACHINE.completed,
      MACHINE.result,
    ].map(t),
    hits.map((h) => [
      `<a href="/staff/machines/${encodeURIComponent(h.recordId)}">${esc(h.recordId)}</a>`,
      esc(h.machineSerial ?? '—'),
      esc(h.assetTag ?? '—'),
      esc(h.donor ?? '—'),
      h.lotId ? `<a href="/staff/lots/${encodeURIComponent(h.lotId)}">${esc(h.lotId)}</a>` : '—',
      when(h.completedAt, lang),
      resultPill(h.result, lang),
    ]),
  )}`;
}
