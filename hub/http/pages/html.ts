import { randomFillSync } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../../core/i18n.js';

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values (most texts have nothing to escape: returned as they are). */
export function esc(value: string | number | null | undefined): string {
  const text = String(value ?? '');
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITY[c] ?? c) : text;
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
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.3rem 1rem;background:#fff;padding:1rem;border-radius:.5rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
code{font-size:.85rem;overflow-wrap:anywhere}
nav{font-size:.9rem;margin-top:2rem;color:#555}a{color:#0b57d0}
#match{margin:.5rem 0;font-weight:600}
main.wide{max-width:72rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
header.bar{background:#1f3b57;color:#fff;padding:.4rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
header.bar a,header.bar button{color:#fff}header.bar nav{margin:0;font-size:1rem;color:#fff;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
header.bar .who{margin-left:auto;font-size:.9rem}header.bar form{display:inline}
header.bar button{background:none;border:1px solid #fff;border-radius:.3rem;padding:.15rem .5rem;cursor:pointer;font:inherit;font-size:.9rem}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #e8a400;outline-offset:2px}
.scroll{overflow-x:auto;background:#fff;border-radius:.5rem}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}th{background:#eef1f4}
form.stack{display:grid;gap:.6rem;max-width:28rem;background:#fff;padding:1rem;border-radius:.5rem}
form.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
label{font-weight:600;display:grid;gap:.2rem}
input,select{max-width:100%;font:inherit;padding:.45rem;border:1px solid #888;border-radius:.3rem;min-height:2.4rem;box-sizing:border-box}
button.main,a.button{font:inherit;font-weight:600;background:#0b57d0;color:#fff;border:0;border-radius:.4rem;padding:.55rem 1rem;cursor:pointer;text-decoration:none;display:inline-block;line-height:1.4}
button.danger{font:inherit;background:#fff;color:#b3261e;border:2px solid #b3261e;border-radius:.4rem;padding:.3rem .7rem;cursor:pointer}
.pill{display:inline-block;border-radius:1rem;padding:0 .5rem;font-size:.85rem;border:1px solid}
.pill.ok{background:#dff3e4;border-color:#1e7b34}.pill.bad{background:#fbe3e1;border-color:#b3261e}.pill.warn{background:#fff4d6;border-color:#8a6100}
.note{color:#444;font-size:.95rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.drop{border:3px dashed #5b6b7b;border-radius:.6rem;padding:1rem;background:#fff;margin:1rem 0}
.drop.over{border-color:#0b57d0;background:#e8f0fe}
.drop input[type=file]{max-width:100%}
.full{width:100%}
.code{font-family:ui-monospace,monospace;font-size:1.3rem;font-weight:700;letter-spacing:.1rem}
@media (max-width:36rem){dl{grid-template-columns:minmax(0,1fr);gap:0}dd{margin-bottom:.5rem}main{padding:.75rem}h1{font-size:1.25rem}}
`;

// 128 random bits per page, taken from a pool refilled every 256 pages: one getrandom() call, not one per page.
const NONCE_BYTES = 16;
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let nonceOffset = noncePool.length;

function nextNonce(): string {
  if (nonceOffset === noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  nonceOffset += NONCE_BYTES;
  return noncePool.toString('base64', nonceOffset - NONCE_BYTES, nonceOffset);
}

/**
 * A whole page: no external resource (no CDN, no font), a strict Content-Security-Policy, the inline style and
 * script allowed by a per-response nonce. Readable on a phone.
 */
export function sendPage(
  reply: FastifyReply,
  status: number,
  page: { lang: Lang; title: string; body: string; script?: string; header?: string; wide?: boolean },
): FastifyReply {
  const nonce = nextNonce();
  const script = page.script ? `<script nonce="${nonce}">${page.script}</script>` : '';
  const html = `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${esc(page.title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body>${page.header ?? ''}<main id="main"${page.wide ? ' class="wide"' : ''}>${page.body}</main>${script}</body></html>`;
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(html);
}
