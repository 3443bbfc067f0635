import type { FastifyInstance } from 'fastify';
import { text } from '../../../core/i18n.js';
import { SAFE_NAME } from '../../../session/hub/wire.js';
import { certificateFacts } from '../../verify/certificate-facts.js';
import type { HubDeps, HubLimits } from '../deps.js';
import { pageLang, sendPage } from '../pages/html.js';
import { notFoundPage, verifyPage } from '../pages/verify-page.js';
import { sendFailure } from '../reply-error.js';
import { withLang } from '../web-request.js';
import { sharedLotPdf } from './donor-check.js';

/** The donor's check: `GET /v/{id}` (HTML) and `GET /api/v1/certificates/{id}` (the same facts, JSON). */
export function registerPublic(app: FastifyInstance, deps: HubDeps, limits: HubLimits): void {
  const config = { rateLimit: { max: limits.publicPerMinute, timeWindow: 60_000 } };

  app.get<{ Params: { id: string }; Querystring: { k?: string } }>(
    '/v/:id',
    { config },
    async (request, reply) => {
      const lang = pageLang(request);
      const id = request.params.id;
      const facts = SAFE_NAME.test(id) ? await certificateFacts(deps.db, deps.readRecordFacts, id) : null;
      if (!facts) return sendPage(reply, 404, { lang, ...notFoundPage(id, lang) });
      const shared = await sharedLotPdf(deps, id, request.query.k);
      const downloadUrl = shared
        ? `/v/${encodeURIComponent(id)}/pdf?k=${encodeURIComponent(shared.shareToken)}`
        : null;
      const otherLangUrl = withLang(request.url, lang === 'fr' ? 'en' : 'fr');
      return sendPage(reply, 200, { lang, ...verifyPage(facts, lang, { downloadUrl, otherLangUrl }) });
    },
  );

  app.get<{ Params: { id: string } }>('/api/v1/certificates/:id', { config }, async (request, reply) => {
    const id = request.params.id;
    const facts = SAFE_NAME.test(id) ? await certificateFacts(deps.db, deps.readRecordFacts, id) : null;
    if (!facts)
      return sendFailure(reply, {
        status: 404,
        code: 'not-found',
        reason: text('certificat inconnu', 'unknown certificate'),
        signer: null,
      });
    return reply.header('cache-control', 'no-store').send(facts);
  });
}
