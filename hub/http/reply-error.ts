import type { FastifyReply, FastifyRequest } from 'fastify';
import { GommeError } from '../../core/errors.js';
import { type Text, text } from '../../core/i18n.js';
import { DatabaseFullError, DatabaseUnavailableError } from '../db/errors.js';
import { IngestReject } from '../ingest/reject.js';
import { insertReject } from '../store/rejects.js';
import type { HubDeps } from './deps.js';

export interface HttpFailure {
  status: number;
  code: string;
  reason: Text;
  signer: string | null;
}

/** Any error a route throws, as the status and words a station or a browser gets. */
export function failureOf(error: unknown): HttpFailure {
  if (error instanceof IngestReject)
    return { status: error.status, code: error.code, reason: error.reason, signer: error.signer };
  if (error instanceof DatabaseFullError)
    return { status: 507, code: 'disk-full', reason: error.text, signer: null };
  if (error instanceof DatabaseUnavailableError)
    return { status: 503, code: 'database-unavailable', reason: error.text, signer: null };
  if (error instanceof GommeError) return { status: 400, code: error.code, reason: error.text, signer: null };
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = String((error as { code?: unknown }).code ?? 'bad-request');
    return { status, code, reason: fastifyReason(status, (error as Error).message), signer: null };
  }
  return {
    status: 500,
    code: 'internal',
    reason: text('erreur interne du hub', 'hub internal error'),
    signer: null,
  };
}

function fastifyReason(status: number, message: string): Text {
  if (status === 413) return text('envoi trop gros', 'upload too large');
  if (status === 415) return text('type de contenu non accepté', 'content type not accepted');
  if (status === 429)
    return text('trop de requêtes : réessayez dans une minute', 'too many requests: try again in a minute');
  return text(`requête invalide (${message})`, `invalid request (${message})`);
}

/**
 * Every refused upload is logged and kept for the admins (table `rejects`), except when the database itself
 * is the problem (it could not keep it: the log line is the trace).
 */
export async function recordReject(
  deps: Pick<HubDeps, 'db'>,
  request: FastifyRequest,
  failure: HttpFailure,
  ref: string | null,
): Promise<void> {
  request.log.warn(
    { status: failure.status, code: failure.code, reason: failure.reason.en, ref, signer: failure.signer },
    'upload rejected',
  );
  if (failure.status === 503 || failure.status === 507 || failure.status >= 500) return;
  try {
    await insertReject(deps.db, {
      client: request.ip,
      route: request.routeOptions.url ?? request.url.slice(0, 200),
      status: failure.status,
      code: failure.code,
      reason: failure.reason,
      signer: failure.signer,
      ref,
    });
  } catch (error) {
    if (error instanceof DatabaseFullError || error instanceof DatabaseUnavailableError) return;
    throw error;
  }
}

export function sendFailure(reply: FastifyReply, failure: HttpFailure): FastifyReply {
  return reply
    .code(failure.status)
    .send({ error: { code: failure.code, status: failure.status, reason: failure.reason } });
}
