import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { EnrolRequestSchema, HUB_PATHS } from '../../../session/hub/wire.js';
import { malformed } from '../../ingest/reject.js';
import { enrolStation } from '../../pki/enrol.js';
import type { HubDeps, HubLimits } from '../deps.js';
import { failureOf, recordReject, sendFailure } from '../reply-error.js';

/** `POST /api/v1/enrol`: a one-time code and a CSR in, the station's certificate and chain out. */
export function registerEnrol(app: FastifyInstance, deps: HubDeps, limits: HubLimits): void {
  app.post(
    HUB_PATHS.enrol,
    { bodyLimit: 64 * 1024, config: { rateLimit: { max: limits.enrolPerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      try {
        const parsed = v.safeParse(EnrolRequestSchema, request.body);
        if (!parsed.success)
          throw malformed('demande d’inscription mal formée', 'malformed enrolment request');
        const { stationId, ...response } = await enrolStation(deps, parsed.output, deps.now());
        request.log.info({ stationId, station: parsed.output.stationName }, 'station enrolled');
        return reply.code(201).send(response);
      } catch (error) {
        const failure = failureOf(error);
        if (failure.status === 500) throw error;
        await recordReject(deps, request, failure, null);
        return sendFailure(reply, failure);
      }
    },
  );
}
