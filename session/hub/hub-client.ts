import * as v from 'valibot';
import { type Text, text } from '../../core/i18n.js';
import {
  type EnrolRequest,
  type EnrolResponse,
  EnrolResponseSchema,
  ErrorResponseSchema,
  HUB_PATHS,
  type PushEnvelope,
  type PushResponse,
  PushResponseSchema,
} from './wire.js';

/**
 * What the hub answered. `refused`: it will say the same next time unless something changes (a bad signature,
 * an unknown station); `unavailable`: try again later (hub or its database down, disk full, network).
 */
export type HubAnswer<T> =
  | { kind: 'ok'; status: number; body: T }
  | { kind: 'refused'; status: number; code: string; reason: Text }
  | { kind: 'unavailable'; status: number | null; reason: Text };

/** The station's only way to the hub: tests give a fake, production fetch (below). */
export interface HubClient {
  push(envelope: PushEnvelope): Promise<HubAnswer<PushResponse>>;
  putPdf(certificateId: string, pdf: Buffer): Promise<HubAnswer<PushResponse>>;
  enrol(request: EnrolRequest): Promise<HubAnswer<EnrolResponse>>;
}

const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504, 507]);

/** Node's fetch, one request at a time per call, each bounded by `timeoutMs`. */
export function fetchHubClient(baseUrl: string, options: { timeoutMs?: number } = {}): HubClient {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 60_000;
  async function call<T>(
    path: string,
    init: { method: string; body: string | Buffer; contentType: string },
    schema: v.GenericSchema<unknown, T>,
  ): Promise<HubAnswer<T>> {
    let response: Response;
    let raw: unknown;
    try {
      response = await fetch(`${base}${path}`, {
        method: init.method,
        headers: { 'content-type': init.contentType, accept: 'application/json' },
        body: init.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      raw = await response.json().catch(() => null);
    } catch (error) {
      const why =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
      return {
        kind: 'unavailable',
        status: null,
        reason: text(`hub injoignable (${why})`, `hub unreachable (${why})`),
      };
    }
    const parsed = v.safeParse(schema, raw);
    if (parsed.success && response.status < 500)
      return { kind: 'ok', status: response.status, body: parsed.output };
    const error = v.safeParse(ErrorResponseSchema, raw);
    const reason = error.success
      ? error.output.error.reason
      : text(`réponse HTTP ${response.status} inattendue`, `unexpected HTTP ${response.status} answer`);
    if (TRANSIENT.has(response.status) || response.status >= 500)
      return { kind: 'unavailable', status: response.status, reason };
    return {
      kind: 'refused',
      status: response.status,
      code: error.success ? error.output.error.code : 'unexpected',
      reason,
    };
  }
  return {
    push: (envelope) =>
      call(
        HUB_PATHS.push,
        { method: 'POST', body: JSON.stringify(envelope), contentType: 'application/json' },
        PushResponseSchema,
      ),
    putPdf: (certificateId, pdf) =>
      call(
        HUB_PATHS.certificatePdf(certificateId),
        { method: 'PUT', body: pdf, contentType: 'application/pdf' },
        PushResponseSchema,
      ),
    enrol: (request) =>
      call(
        HUB_PATHS.enrol,
        { method: 'POST', body: JSON.stringify(request), contentType: 'application/json' },
        EnrolResponseSchema,
      ),
  };
}
