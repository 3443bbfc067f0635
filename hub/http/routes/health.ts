import type { FastifyInstance } from 'fastify';
import type { HubDeps } from '../deps.js';

/**
 * `GET /health`: 200 once the database answers (a load balancer's or systemd's check), 503 otherwise.
 * `GET /ready`: 200 while the hub takes uploads; 503 while it starts or drains at shutdown.
 */
export function registerHealth(app: FastifyInstance, deps: HubDeps): void {
  app.get('/health', async (_request, reply) => {
    try {
      await withTimeout(deps.db.ping(), 2_000);
      return { status: 'ok', database: deps.db.kind };
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      return reply.code(503).send({ status: 'unavailable', database: deps.db.kind, reason: error.message });
    }
  });
  app.get('/ready', async (_request, reply) => {
    const ready = deps.state.ready && !deps.state.draining;
    return reply.code(ready ? 200 : 503).send({ ready, draining: deps.state.draining });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
