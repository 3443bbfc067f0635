import type { FastifyInstance } from 'fastify';
import { certifyLot } from '../../web/lot-certificate.js';
import { GUARD } from '../../web/words.js';
import type { HubDeps } from '../deps.js';
import { messagePage } from '../pages/staff-layout.js';
import { staffContext, staffOnly } from '../staff-guard.js';

/** Technicians make the lot's certificate; the lot page then shows its PDF and the donor's link. */
export function registerStaffLotCertificate(app: FastifyInstance, deps: HubDeps): void {
  app.post<{ Params: { lot: string } }>(
    '/staff/lots/:lot/certificate',
    { preHandler: staffOnly(deps, 'technician') },
    async (request, reply) => {
      const { session, lang } = staffContext(request);
      const lotId = request.params.lot;
      const made = await certifyLot(deps, lotId, session.name, lang);
      if (!made)
        return messagePage(reply, 404, {
          lang,
          session,
          title: GUARD.notFoundTitle,
          message: GUARD.notFound,
        });
      request.log.info(
        { lot: lotId, certificateId: made.certificateId, by: session.name },
        'lot certificate signed',
      );
      return reply.redirect(
        `/staff/lots/${encodeURIComponent(lotId)}?done=${made.created ? 'generated' : 'already'}`,
        303,
      );
    },
  );
}
