import { inflateSync } from 'node:zlib';

/**
 * Just enough PDF reading for what gomme itself writes (pdfkit: no object streams, direct /Length).
 * It is not a general parser: anything else is reported as "not a gomme certificate" by the caller.
 */
export class PdfText {
  readonly latin1: string;
  constructor(readonly bytes: Buffer) {
    this.latin1 = bytes.toString('latin1');
  }

  /** Body of `N 0 obj … endobj` (the last definition wins, as in an incremental update). */
  object(num: number): string | null {
    const re = new RegExp(`(?:^|[\\r\\n])${num} 0 obj\\s*([\\s\\S]*?)endobj`, 'g');
    let body: string | null = null;
    for (const match of this.latin1.matchAll(re)) body = match[1] ?? null;
    return body;
  }

  /** A string value of the Info dictionary, direct `(…)` or through an indirect reference. */
  infoString(key: string): string | null {
    const direct = new RegExp(`/${key}\\s*\\(([^)]*)\\)`).exec(this.latin1);
    if (direct) return direct[1] ?? null;
    const ref = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(this.latin1);
    if (!ref) return null;
    const body = this.object(Number(ref[1]));
    const literal = body === null ? null : /^\s*\(([^)]*)\)/.exec(body);
    return literal?.[1] ?? null;
  }

  /** The decoded bytes of the first embedded file stream, or null when the PDF carries none. */
  embeddedFile(): Buffer | null {
    const at = this.latin1.indexOf('/Type /EmbeddedFile');
    if (at < 0) return null;
    const streamAt = this.latin1.indexOf('stream', at);
    const dict = this.latin1.slice(at, streamAt);
    const length = /\/Length (\d+)/.exec(dict);
    if (streamAt < 0 || !length) return null;
    let start = streamAt + 'stream'.length;
    if (this.latin1[start] === '\r') start += 1;
    if (this.latin1[start] === '\n') start += 1;
    const raw = this.bytes.subarray(start, start + Number(length[1]));
    return /\/Filter\s*\/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
  }
}

export interface SignatureLocation {
  byteRange: [number, number, number, number];
  /** The CMS DER with the zero padding of the placeholder removed. */
  cms: Buffer;
  /** The bytes the signature covers: everything except the /Contents hex string. */
  signedBytes: Buffer;
  /** How many signature dictionaries the file holds (a gomme certificate has exactly one). */
  count: number;
}

export function locateSignature(pdf: PdfText): SignatureLocation | null {
  const matches = [...pdf.latin1.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const first = matches[0];
  if (!first) return null;
  const range = first.slice(1, 5).map(Number) as [number, number, number, number];
  const [a, b, c, d] = range;
  const bytes = pdf.bytes;
  if (b > bytes.length || c > bytes.length || c < b) return null;
  const hex = pdf.latin1.slice(b, c);
  if (!/^<[0-9a-fA-F]*>$/.test(hex)) return null;
  const padded = Buffer.from(hex.slice(1, -1), 'hex');
  const cms = padded.subarray(0, derLength(padded) ?? padded.length);
  const signedBytes = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  return { byteRange: range, cms, signedBytes, count: matches.length };
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
