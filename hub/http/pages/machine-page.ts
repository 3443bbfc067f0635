import { formatShortBytes } from '../../../certificates/pdf/format.js';
import type { Lang } from '../../../core/i18n.js';
import { asBuffer } from '../../db/database.js';
import type { CertificateRow, DiagnosticsRow, HistoryRow, RecordRow } from '../../store/staff-queries.js';
import { DESTINATION, MACHINE } from '../../web/words.js';
import { esc } from './html.js';
import { gradePill, resultPill, table, when } from './staff-layout.js';

export interface MachineView {
  row: RecordRow;
  certificates: CertificateRow[];
  diagnostics: DiagnosticsRow[];
  history: HistoryRow[];
}

/** One erasure session of a machine: inventory, diagnostics, drives, certificates, and the machine's history. */
export function machineBody(view: MachineView, lang: Lang): string {
  const t = (w: { fr: string; en: string }) => esc(w[lang]);
  const { record } = view.row;
  const m = record.machine;
  const dl = (pairs: Array<[string, string]>) =>
    `<dl>${pairs.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
  const revoked = view.row.revokedAt
    ? `<div class="verdict bad" role="alert">${t(MACHINE.revoked(when(view.row.revokedAt, lang)))}</div>`
    : '';
  const session = dl([
    [t(MACHINE.record), `<code>${esc(record.recordId)}</code> ${resultPill(record.result, lang)}`],
    [t(MACHINE.lot), `<a href="/staff/lots/${encodeURIComponent(record.lot.id)}">${esc(record.lot.id)}</a>`],
    [t(MACHINE.donor), esc(record.donor.name)],
    [t(MACHINE.operator), esc(record.operator.name)],
    [t(MACHINE.station), esc(view.row.station ?? '—')],
    [t(MACHINE.completed), when(record.completedAt, lang)],
    [t(MACHINE.received), when(view.row.receivedAt, lang)],
  ]);
  const inventory = dl([
    [t(MACHINE.vendor), esc(m.vendor ?? '—')],
    [t(MACHINE.model), esc(m.model ?? '—')],
    [t(MACHINE.serial), esc(m.serial ?? '—')],
    [t(MACHINE.assetTag), esc(m.assetTag ?? '—')],
    [t(MACHINE.uuid), `<code>${esc(m.uuid ?? '—')}</code>`],
    [t(MACHINE.type), esc(view.row.formFactor ?? '—')],
    [t(MACHINE.cpu), esc(m.inventory?.cpu ?? '—')],
    [
      t(MACHINE.memory),
      m.inventory?.memoryBytes ? esc(formatShortBytes(m.inventory.memoryBytes, lang)) : '—',
    ],
    [t(MACHINE.notes), esc(m.inventory?.notes ?? '—')],
  ]);
  const diagnostics =
    view.diagnostics.length === 0
      ? `<p>${t(MACHINE.noDiagnostics)}</p>`
      : view.diagnostics
          .slice(0, 1)
          .map((d) =>
            dl([
              [t(MACHINE.grade), gradePill(d.grade, lang)],
              [t(MACHINE.cosmetic), esc(d.cosmetic ?? '—')],
              [t(MACHINE.received), when(d.receivedAt, lang)],
              [t(MACHINE.findings), findings(d.content, lang)],
            ]),
          )
          .join('');
  const drives = table(
    [
      MACHINE.drive,
      MACHINE.model,
      MACHINE.serial,
      MACHINE.size,
      MACHINE.method,
      MACHINE.level,
      MACHINE.verification,
      MACHINE.result,
      MACHINE.destination,
    ].map(t),
    record.drives.map((d) => [
      esc(d.index),
      esc([d.manufacturer, d.model].filter(Boolean).join(' ') || '—'),
      esc(d.serial ?? '—'),
      esc(formatShortBytes(d.sizeBytes, lang)),
      esc(d.sanitization.methodLabel),
      esc(d.sanitization.nistLevel),
      esc(`${d.verification.method} ${d.verification.coveragePercent} %`),
      resultPill(d.result, lang),
      esc(DESTINATION[d.destination]?.[lang] ?? d.destination),
    ]),
  );
  const certificates =
    view.certificates.length === 0
      ? `<p>${t(MACHINE.noCertificates)}</p>`
      : `<ul>${view.certificates
          .map(
            (c) =>
              `<li><a href="/staff/pdf/${esc(c.pdfSha256)}" download>${esc(c.certificateId)}.pdf</a> (${esc(Math.round(c.bytes / 1024))} ko) — <a href="/v/${encodeURIComponent(c.certificateId)}">${t(MACHINE.publicPage)}</a></li>`,
          )
          .join('')}</ul>`;
  const history = table(
    [MACHINE.record, MACHINE.completed, MACHINE.result, MACHINE.lot, MACHINE.station].map(t),
    view.history.map((h) => [
      h.recordId === record.recordId
        ? `<strong>${esc(h.recordId)}</strong>`
        : `<a href="/staff/machines/${encodeURIComponent(h.recordId)}">${esc(h.recordId)}</a>`,
      when(h.completedAt, lang),
      resultPill(h.result, lang),
      esc(h.lotId ?? '—'),
      esc(h.station ?? '—'),
    ]),
  );
  return `${revoked}<h2>${t(MACHINE.session)}</h2>${session}<h2>${t(MACHINE.inventory)}</h2>${inventory}
<h2>${t(MACHINE.diagnostics)}</h2>${diagnostics}<h2>${t(MACHINE.drives)}</h2>${drives}
<h2>${t(MACHINE.certificates)}</h2>${certificates}<h2>${t(MACHINE.history)}</h2>${history}`;
}

/** The grade's reasons from a gomme-diag report, in the page's language; a dash when there are none. */
function findings(content: unknown, lang: Lang): string {
  let report: { grade?: { functional?: { reasons?: Array<{ fr?: unknown; en?: unknown }> } } };
  try {
    report = JSON.parse(asBuffer(content).toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return '—';
    throw error;
  }
  const reasons = (report.grade?.functional?.reasons ?? [])
    .map((r) => r[lang])
    .filter((r): r is string => typeof r === 'string');
  return reasons.length === 0
    ? '—'
    : `<ul>${reasons
        .slice(0, 30)
        .map((r) => `<li>${esc(r)}</li>`)
        .join('')}</ul>`;
}
