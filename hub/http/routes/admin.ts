import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import {
  addUser,
  createEnrolmentCode,
  rejects,
  revokeStation,
  stations,
  trustOrganisation,
} from '../../admin/operations.js';
import { malformed } from '../../ingest/reject.js';
import { ROLES } from '../../store/users.js';
import { requireRole, staffOf } from '../auth.js';
import type { HubDeps } from '../deps.js';
import { failureOf, sendFailure } from '../reply-error.js';

const CodeRequest = v.object({
  ttlMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7 * 24 * 60))),
  uses: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
});
const UserRequest = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
  role: v.picklist(ROLES),
  password: v.pipe(v.string(), v.maxLength(1024)),
});
const RevokeRequest = v.object({
  at: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  reason: v.optional(v.pipe(v.string(), v.maxLength(500))),
});
const TrustRequest = v.object({
  pem: v.pipe(v.string(), v.maxLength(64 * 1024)),
  name: v.optional(v.string()),
});

/**
 * The admin API (admin role): what `gomme hub admin` does through a running hub, and what the staff web UI's
 * buttons will call. Everything is in hub/admin/operations.ts; these routes only check and translate.
 */
export function registerAdmin(app: FastifyInstance, deps: HubDeps): void {
  const admin = { preHandler: requireRole(deps, 'admin') };
  const body = <S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> => {
    const parsed = v.safeParse(schema, value ?? {});
    if (!parsed.success) throw malformed('demande mal formée', 'malformed request');
    return parsed.output;
  };
  const guard = <T>(fn: () => Promise<T>) =>
    fn().catch((error: unknown) => {
      const failure = failureOf(error);
      if (failure.status === 500) throw error;
      return { failure };
    });

  app.post('/api/v1/admin/enrolment-codes', admin, async (request, reply) => {
    const out = await guard(async () => {
      const options = body(CodeRequest, request.body);
      return createEnrolmentCode(deps, { ...options, by: staffOf(request)?.name ?? null }, deps.now());
    });
    return 'failure' in out ? sendFailure(reply, out.failure) : reply.code(201).send(out);
  });

  app.post('/api/v1/admin/users', admin, async (request, reply) => {
    const out = await guard(async () => ({ status: await addUser(deps, body(UserRequest, request.body)) }));
    return 'failure' in out ? sendFailure(reply, out.failure) : reply.code(201).send(out);
  });

  app.post<{ Params: { station: string } }>(
    '/api/v1/admin/stations/:station/revoke',
    admin,
    async (request, reply) => {
      const out = await guard(async () => {
        const options = body(RevokeRequest, request.body);
        return revokeStation(
          deps,
          {
            station: request.params.station,
            ...(options.at ? { at: new Date(options.at) } : {}),
            reason: options.reason ?? null,
            by: staffOf(request)?.name ?? null,
          },
          deps.now(),
        );
      });
      return 'failure' in out ? sendFailure(reply, out.failure) : reply.send(out);
    },
  );

  app.post('/api/v1/admin/organisations', admin, async (request, reply) => {
    const out = await guard(async () => {
      const { pem, name } = body(TrustRequest, request.body);
      return trustOrganisation(deps, pem, name);
    });
    return 'failure' in out ? sendFailure(reply, out.failure) : reply.code(201).send(out);
  });

  app.get('/api/v1/admin/stations', admin, async () => ({ stations: await stations(deps) }));
  app.get('/api/v1/admin/rejects', admin, async () => ({ rejects: await rejects(deps) }));
}
