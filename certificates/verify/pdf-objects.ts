import { isZlibError, type PdfIndex, type PdfObject } from './pdf-index.js';

/** What gomme reads from a certificate PDF, through the linear index (pdf-index.ts). */

/** A string value of the Info dictionary (`/Key (…)`, `/Key <hex>` or `/Key N 0 R`), or null. */
export function infoString(pdf: PdfIndex, key: string): string | null {
  const found = pdf.findKey(key);
  if (!found) return null;
  const rest = found.object.body.slice(found.at).trimStart();
  const ref = /^(\d{1,10})\s+\d{1,5}\s+R/.exec(rest);
  if (ref) return readString(pdf.object(Number(ref[1]))?.body.trimStart() ?? '');
  return readString(rest);
}

/**
 * The decoded bytes of the first embedded file stream, or null when the PDF carries none or it cannot be
 * decoded (a corrupted stream is evidence of tampering, reported by the hash check; it must not abort).
 */
export function embeddedFile(pdf: PdfIndex): Buffer | null {
  const object = pdf.objects.find((o) => o.stream && /\/Type\s*\/EmbeddedFile\b/.test(o.body));
  if (!object) return null;
  try {
    return pdf.streamData(object);
  } catch (error) {
    if (isZlibError(error)) return null;
    throw error;
  }
}

export interface SignatureField {
  /** [a, b, c, d] as written, or null when missing or not four integers. */
  byteRange: [number, number, number, number] | null;
  /** The CMS DER with the placeholder's zero padding removed, or null when /Contents is not a hex string. */
  cms: Buffer | null;
  /** The bytes the ByteRange names, or null when it points outside the file. */
  signedBytes: Buffer | null;
  /** The ByteRange gap is exactly this dictionary's /Contents string: the signature sits where it claims. */
  contentsInGap: boolean;
  /** /M, the signing time the signer claimed, or null. */
  signedAt: Date | null;
}

/** Every signature dictionary (any object with a /ByteRange), in file order. */
export function signatureFields(pdf: PdfIndex): SignatureField[] {
  return pdf.objects.filter((o) => /\/ByteRange\b/.test(o.body)).map((o) => signatureField(pdf, o));
}

function signatureField(pdf: PdfIndex, object: PdfObject): SignatureField {
  const range = /\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(object.body);
  const byteRange = range ? (range.slice(1, 5).map(Number) as [number, number, number, number]) : null;
  const contents = /\/Contents\s*<([0-9a-fA-F\s]*)>/.exec(object.body);
  const hex = contents?.[1]?.replace(/\s+/g, '') ?? null;
  const padded = hex !== null && hex.length % 2 === 0 ? Buffer.from(hex, 'hex') : null;
  const cms = padded ? padded.subarray(0, derLength(padded) ?? padded.length) : null;
  let signedBytes: Buffer | null = null;
  let contentsInGap = false;
  if (byteRange) {
    const [a, b, c, d] = byteRange;
    const size = pdf.bytes.length;
    if (a + b <= size && c + d <= size && a + b <= c) {
      signedBytes = Buffer.concat([pdf.bytes.subarray(a, a + b), pdf.bytes.subarray(c, c + d)]);
      const gap = pdf.latin1.slice(a + b, c);
      contentsInGap =
        hex !== null && /^<[0-9a-fA-F]*>$/.test(gap) && gap.slice(1, -1).toLowerCase() === hex.toLowerCase();
    }
  }
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(object.body);
  return { byteRange, cms, signedBytes, contentsInGap, signedAt: m ? pdfDate(m) : null };
}

function pdfDate(m: RegExpExecArray): Date | null {
  const zone = m[7] && m[7] !== 'Z' ? `${m[7].slice(0, 3)}:${m[7].replaceAll("'", '').slice(3, 5)}` : 'Z';
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A PDF literal `( … )` (escapes, balanced parentheses) or hex `< … >` string at the start of `text`, bounded. */
export function readString(text: string, max = 4096): string | null {
  if (text.startsWith('<') && !text.startsWith('<<')) {
    const end = text.indexOf('>');
    if (end < 0 || end > 2 * max) return null;
    const hex = text.slice(1, end).replace(/\s+/g, '');
    return /^[0-9a-fA-F]*$/.test(hex)
      ? Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1')
      : null;
  }
  if (!text.startsWith('(')) return null;
  let out = '';
  let depth = 1;
  for (let i = 1; i < text.length && i <= max; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      const next = text[++i] ?? '';
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
      if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))?.[0] ?? next;
        out += String.fromCharCode(Number.parseInt(octal, 8) & 0xff);
        i += octal.length - 1;
      } else if (next === '\r' || next === '\n') {
        if (next === '\r' && text[i + 1] === '\n') i += 1;
      } else out += simple[next] ?? next;
    } else if (ch === '(') {
      depth += 1;
      out += ch;
    } else if (ch === ')') {
      depth -= 1;
      if (depth === 0) return out;
      out += ch;
    } else out += ch;
  }
  return null;
}

/** Total length of the outer DER element, so the placeholder's zero padding is cut without guessing. */
function derLength(der: Buffer): number | null {
  const first = der[1];
  if (der[0] !== 0x30 || first === undefined) return null;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || der.length < 2 + n) return null;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + (der[2 + i] ?? 0);
  return 2 + n + length;
}
