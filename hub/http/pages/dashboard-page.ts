import type { Lang } from '../../../core/i18n.js';
import type { LotRow } from '../../store/staff-queries.js';
import { DASHBOARD, SEARCH } from '../../web/words.js';
import { esc } from './html.js';
import { resultPill, table, when } from './staff-layout.js';

/** Lots in progress (no lot certificate yet) and finished (signed), newest first; a search box on top. */
export function dashboardBody(lots: LotRow[], lang: Lang): string {
  const t = (w: { fr: string; en: string }) => esc(w[lang]);
  const section = (title: string, hint: string, rows: LotRow[], id: string) =>
    `<h2 id="${id}">${title}</h2><p class="note">${hint}</p>${
      rows.length === 0
        ? `<p>${t(DASHBOARD.none)}</p>`
        : table(
            [
              DASHBOARD.lot,
              DASHBOARD.donor,
              DASHBOARD.machines,
              DASHBOARD.drives,
              DASHBOARD.results,
              DASHBOARD.last,
            ].map(t),
            rows.map((l) => [
              `<a href="/staff/lots/${encodeURIComponent(l.lotId)}">${esc(l.lotId)}</a>`,
              esc(l.donor ?? '—'),
              esc(l.machines),
              esc(l.drives),
              [...l.results]
                .sort()
                .map((r) => resultPill(r, lang))
                .join(' '),
              when(l.lastCompletedAt, lang),
            ]),
          )
    }`;
  return `<form class="row" method="get" action="/staff/search" role="search">
<label for="q">${t(SEARCH.label)}</label><input id="q" name="q" size="30"><button class="main" type="submit">${t(SEARCH.submit)}</button></form>
${section(
  t(DASHBOARD.inProgress),
  t(DASHBOARD.inProgressHint),
  lots.filter((l) => !l.certificateId),
  'en-cours',
)}
${section(
  t(DASHBOARD.done),
  t(DASHBOARD.doneHint),
  lots.filter((l) => l.certificateId),
  'termines',
)}`;
}
