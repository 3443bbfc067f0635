import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { DEFAULT_LIMITS, type HubDeps, type HubLimits } from './deps.js';
import { failureOf, recordReject, sendFailure } from './reply-error.js';
import { registerAdmin } from './routes/admin.js';
import { registerDonorCheck } from './routes/donor-check.js';
import { registerEnrol } from './routes/enrol.js';
import { registerHealth } from './routes/health.js';
import { registerIngest } from './routes/ingest.js';
import { registerPublic } from './routes/public.js';
import { registerStaffAdmin } from './routes/staff-admin.js';
import { registerStaffAuth } from './routes/staff-auth.js';
import { registerStaffExports } from './routes/staff-exports.js';
import { registerStaffLotCertificate } from './routes/staff-lot-certificate.js';
import { registerStaffPages } from './routes/staff-pages.js';
import { registerFormParser } from './web-request.js';

/** A route module: `register(app, deps, limits)`. The web UI adds its own to `extraRoutes`. */
export type RouteModule = (app: FastifyInstance, deps: HubDeps, limits: HubLimits) => void | Promise<void>;

export interface ServerOptions {
  logger?: FastifyServerOptions['logger'];
  limits?: Partial<HubLimits>;
  /** Behind a reverse proxy: the addresses whose X-Forwarded-For is believed (rate limits per real client). */
  trustProxy?: FastifyServerOptions['trustProxy'];
  extraRoutes?: RouteModule[];
}

/**
 * The hub's HTTP server (Fastify): structured JSON logs (pino), body limits per route (413), a JSON error
 * shape for every refusal, rate limits per client address (a bounded LRU). Pages and routes live one concern
 * per file in routes/ and pages/.
 */
export async function buildServer(deps: HubDeps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = Fastify({
    logger: options.logger ?? { level: 'info' },
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    requestTimeout: 120_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  await app.register(rateLimit, { global: false, cache: 10_000 });
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  app.setErrorHandler(async (error, request, reply) => {
    const failure = failureOf(error);
    if (failure.status >= 500 && failure.status !== 503 && failure.status !== 507)
      request.log.error({ err: error }, 'request failed');
    else if (
      request.url.startsWith('/api/v1/push') ||
      request.url.includes('/pdf') ||
      request.url.startsWith('/api/v1/enrol')
    )
      await recordReject(deps, request, failure, null);
    return sendFailure(reply, failure);
  });
  registerHealth(app, deps);
  registerIngest(app, deps, limits);
  registerEnrol(app, deps, limits);
  registerPublic(app, deps, limits);
  registerAdmin(app, deps);
  await registerDonorCheck(app, deps, limits);
  // The staff web UI, with its own form parser: station routes keep their strict content types.
  await app.register(async (web) => {
    registerFormParser(web);
    registerStaffAuth(web, deps);
    registerStaffPages(web, deps);
    registerStaffLotCertificate(web, deps);
    registerStaffExports(web, deps);
    registerStaffAdmin(web, deps);
  });
  for (const route of options.extraRoutes ?? []) await route(app, deps, limits);
  return app;
}
