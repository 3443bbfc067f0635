import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../../core/i18n.js';

/** Escapes text for HTML content and attribute values. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** `?lang=en`, else the browser's first choice (Accept-Language), else French. */
export function pageLang(request: FastifyRequest): Lang {
  const query = (request.query as { lang?: unknown } | undefined)?.lang;
  if (query === 'en' || query === 'fr') return query;
  const first = (request.headers['accept-language'] ?? '').split(',')[0]?.trim() ?? '';
  return /^en\b/i.test(first) ? 'en' : 'fr';
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f5f2;color:#1b1b1b;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
.verdict{border-radius:.5rem;padding:1rem;margin:1rem 0;font-size:1.15rem;font-weight:600}
.ok{background:#dff3e4;border:2px solid #1e7b34}.bad{background:#fbe3e1;border:2px solid #b3261e}.warn{background:#fff4d6;border:2px solid #8a6100}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;background:#fff;padding:1rem;border-radius:.5rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
code{font-size:.85rem;overflow-wrap:anywhere}
nav{font-size:.9rem;margin-top:2rem;color:#555}a{color:#0b57d0}
#match{margin:.5rem 0;font-weight:600}
`;

/**
 * A whole page: no external resource (no CDN, no font), a strict Content-Security-Policy, the inline style and
 * script allowed by a per-response nonce. Readable on a phone.
 */
export function sendPage(
  reply: FastifyReply,
  status: number,
  page: { lang: Lang; title: string; body: string; script?: string },
): FastifyReply {
  const nonce = randomBytes(16).toString('base64');
  const script = page.script ? `<script nonce="${nonce}">${page.script}</script>` : '';
  const html = `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${esc(page.title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main>${page.body}</main>${script}</body></html>`;
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(html);
}
