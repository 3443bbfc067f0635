import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AdminInputError,
  createEnrolmentCode,
  rejects,
  revokeStation,
  stations,
} from '../../admin/operations.js';
import { ADMIN } from '../../web/words-admin.js';
import type { HubDeps } from '../deps.js';
import { type AdminView, adminBody } from '../pages/admin-page.js';
import { staffPage } from '../pages/staff-layout.js';
import { staffContext, staffOnly } from '../staff-guard.js';
import { field } from '../web-request.js';
import { publicBase } from './staff-pages.js';

/** Admin pages: enrolment codes, revoking a station, rejected uploads (hub/admin/operations.ts does the work). */
export function registerStaffAdmin(app: FastifyInstance, deps: HubDeps): void {
  const admin = { preHandler: staffOnly(deps, 'admin') };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: Partial<Pick<AdminView, 'code' | 'flash' | 'error'>> = {},
  ) => {
    const { session, lang } = staffContext(request);
    const view: AdminView = {
      stations: await stations(deps),
      rejects: await rejects(deps, 200),
      hubUrl: publicBase(deps, request),
      code: extra.code ?? null,
      flash: extra.flash ?? null,
      error: extra.error ?? false,
    };
    return staffPage(reply, status, {
      lang,
      session,
      title: ADMIN.title,
      url: '/staff/admin',
      body: adminBody(view, lang, session),
    });
  };

  app.get('/staff/admin', admin, (request, reply) => render(request, reply, 200));

  app.post('/staff/admin/enrolment-codes', admin, async (request, reply) => {
    const { session } = staffContext(request);
    const ttl = Number(field(request, 'ttl') || '60');
    const uses = Number(field(request, 'uses') || '1');
    if (
      !Number.isInteger(ttl) ||
      ttl < 1 ||
      ttl > 10_080 ||
      !Number.isInteger(uses) ||
      uses < 1 ||
      uses > 1000
    )
      return render(request, reply, 400, { error: true });
    const code = await createEnrolmentCode(deps, { ttlMinutes: ttl, uses, by: session.name }, deps.now());
    request.log.info({ by: session.name, uses, expiresAt: code.expiresAt }, 'enrolment code created');
    return render(request, reply, 200, { code });
  });

  app.post<{ Params: { station: string } }>(
    '/staff/admin/stations/:station/revoke',
    admin,
    async (request, reply) => {
      const { session, lang } = staffContext(request);
      try {
        const done = await revokeStation(
          deps,
          {
            station: request.params.station,
            reason: field(request, 'reason').slice(0, 200) || null,
            by: session.name,
          },
          deps.now(),
        );
        request.log.info({ by: session.name, station: done.station.name }, 'station revoked');
        return render(request, reply, 200, { flash: ADMIN.revokedDone(done.station.name)[lang] });
      } catch (error) {
        if (error instanceof AdminInputError) return render(request, reply, 400, { error: true });
        throw error;
      }
    },
  );
}
