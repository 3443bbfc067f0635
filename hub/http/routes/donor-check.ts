import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SAFE_NAME } from '../../../session/hub/wire.js';
import { asBuffer } from '../../db/database.js';
import { lotCertificateById, type SharedLotCertificate } from '../../store/lot-certificates.js';
import { pdfBytes } from '../../store/staff-queries.js';
import { certificateFacts } from '../../verify/certificate-facts.js';
import { checkDroppedPdf, type DonorCheck } from '../../web/donor-check.js';
import { DONOR } from '../../web/words-donor.js';
import type { HubDeps, HubLimits } from '../deps.js';
import { verdictClass, verdictText } from '../pages/donor-check-page.js';
import { pageLang, sendPage } from '../pages/html.js';
import { notFoundPage, verifyPage } from '../pages/verify-page.js';
import { sendPdf } from './staff-pages.js';

/** The lot certificate behind a donor's share link, when the token is the right one. */
export async function sharedLotPdf(
  deps: HubDeps,
  certificateId: string,
  token: string | undefined,
): Promise<SharedLotCertificate | null> {
  if (!token || !certificateId.startsWith('LOT-')) return null;
  const found = await lotCertificateById(deps.db, certificateId);
  return found && found.shareToken === token ? found : null;
}

/**
 * The donor's drop check on `/v/{id}` (public, rate-limited, the file never stored) and the share link's PDF
 * download. Multipart is parsed in this context only: station uploads keep their strict content types.
 */
export async function registerDonorCheck(
  app: FastifyInstance,
  deps: HubDeps,
  limits: HubLimits,
): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: limits.pdfBodyBytes, files: 1, fields: 5, parts: 6 },
    });
    const config = { rateLimit: { max: limits.publicPerMinute, timeWindow: 60_000 } };

    scope.post<{ Params: { id: string } }>(
      '/v/:id/check',
      { config, bodyLimit: limits.pdfBodyBytes + 64 * 1024 },
      async (request, reply) => {
        const lang = pageLang(request);
        const id = request.params.id;
        const facts = SAFE_NAME.test(id) ? await certificateFacts(deps.db, deps.readRecordFacts, id) : null;
        if (!facts) return sendPage(reply, 404, { lang, ...notFoundPage(id, lang) });
        const pdf = await uploadedPdf(request);
        if (pdf === 'too-large') {
          if (wantsJson(request))
            return reply.code(413).send({ ok: false, verdict: 'too-large', message: DONOR.tooLarge[lang] });
          return sendPage(reply, 413, {
            lang,
            ...verifyPage(facts, lang, { check: { message: DONOR.tooLarge[lang] } }),
          });
        }
        const check = pdf.length === 0 ? null : await checkDroppedPdf(deps, id, pdf, deps.now());
        request.log.info({ certificateId: id, verdict: check?.verdict ?? 'no-file' }, 'donor check');
        if (wantsJson(request))
          return reply.header('cache-control', 'no-store').send(jsonVerdict(check, lang));
        const result = check ? { check } : { message: DONOR.noFile[lang] };
        return sendPage(reply, 200, { lang, ...verifyPage(facts, lang, { check: result }) });
      },
    );

    scope.get<{ Params: { id: string }; Querystring: { k?: string } }>(
      '/v/:id/pdf',
      { config },
      async (request, reply) => {
        const lang = pageLang(request);
        const id = request.params.id;
        const shared = SAFE_NAME.test(id) ? await sharedLotPdf(deps, id, request.query.k) : null;
        const found = shared ? await pdfBytes(deps.db, shared.pdfSha256) : null;
        if (!found) return sendPage(reply, 404, { lang, ...notFoundPage(id, lang) });
        return sendPdf(reply, found.certificateId, asBuffer(found.pdf));
      },
    );
  });
}

/** The raw PDF (fetch from the drop zone) or the form's one file part; empty when none was chosen. */
async function uploadedPdf(request: FastifyRequest): Promise<Buffer | 'too-large'> {
  if (Buffer.isBuffer(request.body)) return request.body;
  if (!request.isMultipart()) return Buffer.alloc(0);
  try {
    const file = await request.file();
    return file ? await file.toBuffer() : Buffer.alloc(0);
  } catch (error) {
    if ((error as { statusCode?: unknown }).statusCode === 413) return 'too-large';
    throw error;
  }
}

const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? '').includes('application/json');

function jsonVerdict(check: DonorCheck | null, lang: 'fr' | 'en') {
  if (!check) return { ok: false, verdict: 'no-file', message: DONOR.noFile[lang] };
  return {
    ok: verdictClass(check) === 'ok',
    verdict: check.verdict,
    sha256: check.sha256,
    message: verdictText(check, lang),
  };
}
