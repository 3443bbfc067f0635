import type { FastifyInstance, FastifyRequest } from 'fastify';
import { asBuffer } from '../../db/database.js';
import {
  certificatesOfRecords,
  diagnosticsOf,
  listLots,
  lotCertificates,
  lotRecords,
  machineHistory,
  pdfBytes,
  recordRow,
  searchRecords,
} from '../../store/staff-queries.js';
import { DASHBOARD, GUARD, LOT, MACHINE, SEARCH } from '../../web/words.js';
import type { HubDeps } from '../deps.js';
import { dashboardBody } from '../pages/dashboard-page.js';
import { lotBody } from '../pages/lot-page.js';
import { machineBody } from '../pages/machine-page.js';
import { searchBody } from '../pages/search-page.js';
import { messagePage, staffPage } from '../pages/staff-layout.js';
import { staffContext, staffOnly } from '../staff-guard.js';

/** The address a donor's link starts with: the hub's public URL, else the one this browser used. */
export const publicBase = (deps: HubDeps, request: FastifyRequest): string =>
  (deps.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');

/** Read-only staff pages (viewer and up): dashboard, lot, machine, search, PDF downloads. */
export function registerStaffPages(app: FastifyInstance, deps: HubDeps): void {
  const viewer = { preHandler: staffOnly(deps, 'viewer') };

  app.get('/staff', viewer, async (request, reply) => {
    const { session, lang } = staffContext(request);
    const lots = await listLots(deps.db);
    return staffPage(reply, 200, {
      lang,
      session,
      title: DASHBOARD.title,
      url: request.url,
      body: dashboardBody(lots, lang),
    });
  });

  app.get<{ Params: { lot: string }; Querystring: { done?: string } }>(
    '/staff/lots/:lot',
    viewer,
    async (request, reply) => {
      const { session, lang } = staffContext(request);
      const lotId = request.params.lot;
      const records = await lotRecords(deps.db, lotId);
      if (records.length === 0)
        return messagePage(reply, 404, {
          lang,
          session,
          title: GUARD.notFoundTitle,
          message: GUARD.notFound,
        });
      const done = request.query.done;
      const body = lotBody(
        {
          lotId,
          records,
          certificates: await certificatesOfRecords(
            deps.db,
            records.map((r) => r.recordId),
          ),
          lotCertificates: await lotCertificates(deps.db, lotId),
          publicBase: publicBase(deps, request),
          flash: done === 'generated' || done === 'already' ? done : null,
        },
        lang,
        session,
      );
      return staffPage(reply, 200, {
        lang,
        session,
        title: LOT.title(lotId),
        url: `/staff/lots/${encodeURIComponent(lotId)}`,
        body,
      });
    },
  );

  app.get<{ Params: { record: string } }>('/staff/machines/:record', viewer, async (request, reply) => {
    const { session, lang } = staffContext(request);
    const row = await recordRow(deps.db, request.params.record);
    if (!row)
      return messagePage(reply, 404, { lang, session, title: GUARD.notFoundTitle, message: GUARD.notFound });
    const m = row.record.machine;
    const body = machineBody(
      {
        row,
        certificates: await certificatesOfRecords(deps.db, [row.recordId]),
        diagnostics: await diagnosticsOf(deps.db, { serial: m.serial, uuid: m.uuid }),
        history: m.serial
          ? await machineHistory(deps.db, m.serial)
          : [
              {
                recordId: row.recordId,
                completedAt: new Date(row.record.completedAt),
                result: row.record.result,
                lotId: row.record.lot.id,
                station: row.station,
              },
            ],
      },
      lang,
    );
    const name = [m.vendor, m.model, m.serial].filter(Boolean).join(' ') || row.recordId;
    return staffPage(reply, 200, { lang, session, title: MACHINE.title(name), url: request.url, body });
  });

  app.get<{ Querystring: { q?: string } }>('/staff/search', viewer, async (request, reply) => {
    const { session, lang } = staffContext(request);
    const q = (request.query.q ?? '').trim().slice(0, 200);
    const hits = q ? await searchRecords(deps.db, q) : null;
    // One machine found: go straight to it (a scanned sticker should open the machine).
    if (hits?.length === 1)
      return reply.redirect(`/staff/machines/${encodeURIComponent(hits[0]!.recordId)}`, 303);
    return staffPage(reply, 200, {
      lang,
      session,
      title: SEARCH.title,
      url: request.url,
      body: searchBody(q, hits, lang),
    });
  });

  app.get<{ Params: { sha: string } }>('/staff/pdf/:sha', viewer, async (request, reply) => {
    const { session, lang } = staffContext(request);
    const sha = request.params.sha;
    const found = /^[0-9a-f]{64}$/.test(sha) ? await pdfBytes(deps.db, sha) : null;
    if (!found)
      return messagePage(reply, 404, { lang, session, title: GUARD.notFoundTitle, message: GUARD.notFound });
    return sendPdf(reply, found.certificateId, asBuffer(found.pdf));
  });
}

export function sendPdf(reply: import('fastify').FastifyReply, certificateId: string, pdf: Buffer) {
  return reply
    .header('content-type', 'application/pdf')
    .header(
      'content-disposition',
      `attachment; filename="${certificateId.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`,
    )
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(pdf);
}
