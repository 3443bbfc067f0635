import type { FastifyInstance } from 'fastify';
import { HUB_PATHS } from '../../../session/hub/wire.js';
import { ingestPdf } from '../../ingest/ingest-pdf.js';
import { ingestPush } from '../../ingest/ingest-push.js';
import type { HubDeps, HubLimits } from '../deps.js';
import { failureOf, recordReject, sendFailure } from '../reply-error.js';

/** Station uploads: `POST /api/v1/push` (signed records and files), `PUT /api/v1/certificates/{id}/pdf`. */
export function registerIngest(app: FastifyInstance, deps: HubDeps, limits: HubLimits): void {
  const rateLimit = { max: limits.ingestPerMinute, timeWindow: 60_000 };

  app.post(
    HUB_PATHS.push,
    { bodyLimit: limits.pushBodyBytes, config: { rateLimit } },
    async (request, reply) => {
      try {
        const outcome = await ingestPush(deps, request.body, deps.now());
        for (const item of outcome.results.filter((r) => r.status === 'rejected'))
          await recordReject(
            deps,
            request,
            {
              status: item.httpStatus,
              code: item.code ?? 'rejected',
              reason: item.reason ?? { fr: '', en: '' },
              signer: outcome.signer,
            },
            item.ref,
          );
        return reply.code(outcome.status).send({ results: outcome.results });
      } catch (error) {
        const failure = failureOf(error);
        if (failure.status === 500) throw error;
        await recordReject(deps, request, failure, null);
        return sendFailure(reply, failure);
      }
    },
  );

  app.put<{ Params: { id: string } }>(
    '/api/v1/certificates/:id/pdf',
    { bodyLimit: limits.pdfBodyBytes, config: { rateLimit } },
    async (request, reply) => {
      const body = request.body;
      try {
        if (!Buffer.isBuffer(body))
          throw Object.assign(new Error('expected application/pdf'), { statusCode: 415 });
        const result = await ingestPdf(deps, request.params.id, body, deps.now());
        return reply.code(200).send({ results: [result] });
      } catch (error) {
        const failure = failureOf(error);
        if (failure.status === 500) throw error;
        await recordReject(deps, request, failure, request.params.id.slice(0, 200));
        return sendFailure(reply, failure);
      }
    },
  );
}
