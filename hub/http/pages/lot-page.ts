import type { Lang } from '../../../core/i18n.js';
import type { CertificateRow, LotCertificateRow, RecordRow } from '../../store/staff-queries.js';
import type { StaffSession } from '../../web/staff-session.js';
import { hasRole } from '../../web/staff-session.js';
import { LOT } from '../../web/words.js';
import { esc } from './html.js';
import { csrfField, gradePill, resultPill, table, when } from './staff-layout.js';

export interface LotView {
  lotId: string;
  records: RecordRow[];
  certificates: Array<CertificateRow & { recordId?: string }>;
  lotCertificates: LotCertificateRow[];
  /** The address the donor's link starts with (the hub's public URL, else this request's origin). */
  publicBase: string;
  flash: 'generated' | 'already' | null;
}

/** Machines of a lot (grade, each drive's result, certificates), the lot certificate and its donor link. */
export function lotBody(view: LotView, lang: Lang, session: StaffSession): string {
  const t = (w: { fr: string; en: string }) => esc(w[lang]);
  const byRecord = new Map<string, CertificateRow[]>();
  for (const c of view.certificates) {
    const list = byRecord.get(c.recordId ?? '') ?? [];
    list.push(c);
    byRecord.set(c.recordId ?? '', list);
  }
  const rows = view.records.map((r) => {
    const m = r.record.machine;
    const name = [m.vendor, m.model].filter(Boolean).join(' ') || r.recordId;
    return [
      `<a href="/staff/machines/${encodeURIComponent(r.recordId)}">${esc(name)}</a>${r.revokedAt ? ` <span class="pill bad">${t(LOT.revoked)}</span>` : ''}`,
      esc(m.serial ?? '—'),
      gradePill(r.grade, lang),
      r.record.drives
        .map((d) => `${esc(d.index)}. ${esc(d.model ?? '—')} ${resultPill(d.result, lang)}`)
        .join('<br>'),
      (byRecord.get(r.recordId) ?? [])
        .map(
          (c) =>
            `<a href="/staff/pdf/${esc(c.pdfSha256)}" download>${esc(c.certificateId.slice(r.recordId.length + 1))}</a>`,
        )
        .join(' ') || '—',
      esc(r.station ?? '—'),
    ];
  });
  const flash =
    view.flash === null
      ? ''
      : `<div class="verdict ok" role="status">${t(view.flash === 'generated' ? LOT.generated : LOT.alreadyGenerated)}</div>`;
  const latest = view.lotCertificates[0];
  const certificate = latest
    ? `<dl><dt>${t(LOT.lotCertificate)}</dt><dd><code>${esc(latest.certificateId)}</code> — ${t(LOT.records(latest.recordCount))}, ${when(latest.receivedAt, lang)}</dd>
<dt>PDF</dt><dd><a class="button" href="/staff/pdf/${esc(latest.pdfSha256)}" download>${t(LOT.download)}</a></dd>
<dt><label for="share">${t(LOT.share)}</label></dt><dd><input id="share" class="full" readonly value="${esc(shareLink(view.publicBase, latest))}"><br><span class="note">${t(LOT.shareHint)}</span></dd></dl>`
    : `<p>${t(LOT.noLotCertificate)}</p>`;
  const generate = hasRole(session, 'technician')
    ? `<form method="post" action="/staff/lots/${encodeURIComponent(view.lotId)}/certificate">${csrfField(session)}
<p class="note">${t(LOT.generateHint)}</p><button class="main" type="submit">${t(LOT.generate)}</button></form>`
    : '';
  return `${flash}<h2>${t(LOT.machines)} (${view.records.length})</h2>
${table([LOT.machine, LOT.serial, LOT.grade, LOT.driveResults, LOT.certificates, LOT.station].map(t), rows)}
<h2>${t(LOT.lotCertificate)}</h2>${certificate}${generate}
<p><a href="/staff/exports/download?lot=${encodeURIComponent(view.lotId)}&amp;kind=machines&amp;format=csv">${t(LOT.exportLot)}</a></p>`;
}

export const shareLink = (base: string, c: { certificateId: string; shareToken: string }): string =>
  `${base}/v/${encodeURIComponent(c.certificateId)}?k=${encodeURIComponent(c.shareToken)}`;
