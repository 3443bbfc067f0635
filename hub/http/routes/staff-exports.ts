import type { FastifyInstance } from 'fastify';
import { recordsFor } from '../../store/staff-queries.js';
import { buildExport, type ExportFormat, type ExportKind } from '../../web/exports.js';
import { EXPORTS } from '../../web/words-admin.js';
import type { HubDeps } from '../deps.js';
import { exportsBody } from '../pages/exports-page.js';
import { staffPage } from '../pages/staff-layout.js';
import { staffContext, staffOnly } from '../staff-guard.js';

type ExportQuery = {
  from?: string;
  to?: string;
  lot?: string;
  donor?: string;
  kind?: string;
  format?: string;
};

const day = (value: string | undefined): Date | null | 'bad' => {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'bad';
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? 'bad' : date;
};

/** CSV and JSON exports per period, lot or donor (viewer and up: statistics, no erasure power). */
export function registerStaffExports(app: FastifyInstance, deps: HubDeps): void {
  const viewer = { preHandler: staffOnly(deps, 'viewer') };

  app.get('/staff/exports', viewer, async (request, reply) => {
    const { session, lang } = staffContext(request);
    return staffPage(reply, 200, {
      lang,
      session,
      title: EXPORTS.title,
      url: request.url,
      body: exportsBody(lang, false),
    });
  });

  app.get<{ Querystring: ExportQuery }>('/staff/exports/download', viewer, async (request, reply) => {
    const { session, lang } = staffContext(request);
    const q = request.query;
    const from = day(q.from);
    const to = day(q.to);
    if (from === 'bad' || to === 'bad')
      return staffPage(reply, 400, {
        lang,
        session,
        title: EXPORTS.title,
        url: '/staff/exports',
        body: exportsBody(lang, true),
      });
    const kind: ExportKind = q.kind === 'machines' || q.kind === 'drives' ? q.kind : 'summary';
    const format: ExportFormat = q.format === 'json' ? 'json' : 'csv';
    const lotId = q.lot?.trim() || null;
    const donor = q.donor?.trim() || null;
    const rows = await recordsFor(deps.db, { from, to, lotId, donor });
    const name = [lotId, donor, q.from, q.to].filter(Boolean).join('_') || 'all';
    const file = buildExport(rows, kind, format, name);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'private, no-store')
      .send(file.body);
  });
}
