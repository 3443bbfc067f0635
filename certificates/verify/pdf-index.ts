import { inflateSync } from 'node:zlib';

/**
 * A linear-time index of a PDF's objects, for verifying gomme certificates however they were rewritten
 * (pdfkit's output, qpdf's, an incremental update, object streams). Every search moves forward through the
 * file with cursors that never rescan, and every per-object parse stays inside that object, so a hostile file
 * costs time proportional to its size (the old per-object regexes rescanned the whole file per occurrence).
 * It is not a general PDF parser: what it cannot read, the verifier reports, never guesses.
 */
export interface PdfObject {
  num: number;
  /** The dictionary/body text (latin1), up to `stream` or `endobj`. */
  body: string;
  /** The raw stream data range in the file, for stream objects. */
  stream: { start: number; end: number } | null;
}

/** Limits on what a certificate may make gomme inflate: real ones hold a few kB. */
const MAX_INFLATE = 16 * 1024 * 1024;
const MAX_OBJECT_STREAM_MEMBERS = 100_000;

export class PdfIndex {
  readonly latin1: string;
  /** Objects in file order; members of object streams follow the stream that holds them. */
  readonly objects: PdfObject[] = [];
  readonly #byNumber = new Map<number, PdfObject>();

  constructor(readonly bytes: Buffer) {
    this.latin1 = bytes.toString('latin1');
    this.#scan();
  }

  /** The last definition of object `num` (as in an incremental update). */
  object(num: number): PdfObject | null {
    return this.#byNumber.get(num) ?? null;
  }

  /** The first direct object whose body has `key`, and the position right after the key. */
  findKey(key: string): { object: PdfObject; at: number } | null {
    const pattern = new RegExp(`/${key}(?![A-Za-z0-9#._-])`);
    for (const object of this.objects) {
      const match = pattern.exec(object.body);
      if (match) return { object, at: match.index + match[0].length };
    }
    return null;
  }

  /** A stream's decoded bytes: raw or FlateDecode (bounded), else null. Throws zlib errors (Z_*) on bad data. */
  streamData(object: PdfObject): Buffer | null {
    if (!object.stream) return null;
    const declared = numberOrRef(this, /\/Length\s+/.exec(object.body), object.body);
    const { start, end } = object.stream;
    const stop = declared !== null && start + declared <= this.bytes.length ? start + declared : end;
    const raw = this.bytes.subarray(start, stop);
    const filter = /\/Filter\s*(\[\s*)?\/(\w+)/.exec(object.body)?.[2];
    if (filter === undefined) return Buffer.from(raw);
    if (filter !== 'FlateDecode') return null;
    return inflateSync(raw, { maxOutputLength: MAX_INFLATE });
  }

  #add(object: PdfObject): void {
    this.objects.push(object);
    this.#byNumber.set(object.num, object);
  }

  #scan(): void {
    const text = this.latin1;
    const obj = new Cursor(text, 'obj');
    const endobj = new Cursor(text, 'endobj');
    const stream = new Cursor(text, 'stream');
    const endstream = new Cursor(text, 'endstream');
    let pos = 0;
    while (pos < text.length) {
      const k = obj.next(pos);
      if (k < 0) break;
      const num = headerBefore(text, k);
      const bodyStart = k + 3;
      pos = bodyStart;
      if (num === null || isRegular(text.charCodeAt(bodyStart))) continue;
      const e = endobj.next(bodyStart);
      let s = stream.next(bodyStart);
      while (s >= 0 && text.startsWith('end', s - 3)) s = stream.next(s + 6);
      if (s >= 0 && (e < 0 || s < e)) {
        let start = s + 6;
        if (text[start] === '\r') start += 1;
        if (text[start] === '\n') start += 1;
        const body = text.slice(bodyStart, s);
        const direct = /\/Length\s+(\d{1,12})(?!\d)(?!\s+\d+\s+R)/.exec(body);
        const length = direct ? Number(direct[1]) : null;
        let end: number;
        if (
          length !== null &&
          start + length <= text.length &&
          text.startsWith('endstream', skipEol(text, start + length))
        ) {
          end = start + length;
        } else {
          const es = endstream.next(start);
          if (es < 0) continue;
          end = es;
        }
        this.#add({ num, body, stream: { start, end } });
        const close = endobj.next(end);
        pos = close < 0 ? end : close + 6;
        if (/\/Type\s*\/ObjStm\b/.test(body))
          this.#objectStream(this.objects[this.objects.length - 1] as PdfObject);
      } else if (e >= 0) {
        this.#add({ num, body: text.slice(bodyStart, e), stream: null });
        pos = e + 6;
      }
    }
  }

  /** Members of an object stream (PDF 1.5 §7.5.7): "num offset" pairs, then the objects from /First on. */
  #objectStream(holder: PdfObject): void {
    let data: string;
    try {
      data = this.streamData(holder)?.toString('latin1') ?? '';
    } catch (error) {
      if (isZlibError(error)) return; // a corrupt object stream is reported by the checks that needed it
      throw error;
    }
    const n = Number(/\/N\s+(\d{1,7})/.exec(holder.body)?.[1] ?? 0);
    const first = Number(/\/First\s+(\d{1,9})/.exec(holder.body)?.[1] ?? 0);
    const header = data.slice(0, Math.min(first, data.length)).trim().split(/\s+/).map(Number);
    const count = Math.min(n, MAX_OBJECT_STREAM_MEMBERS, Math.floor(header.length / 2));
    for (let i = 0; i < count; i++) {
      const num = header[2 * i] ?? Number.NaN;
      const from = first + (header[2 * i + 1] ?? Number.NaN);
      const to = i + 1 < count ? first + (header[2 * i + 3] ?? Number.NaN) : data.length;
      if (!Number.isSafeInteger(num) || !(from >= first && from <= to && to <= data.length)) break;
      this.#add({ num, body: data.slice(from, to), stream: null });
    }
  }
}

/** Finds `needle` from nondecreasing positions without scanning any byte twice. */
class Cursor {
  #from = -1;
  #found = -1;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  next(position: number): number {
    if (position >= this.#from && (this.#found < 0 ? this.#from >= 0 : this.#found >= position))
      return this.#found;
    this.#from = position;
    this.#found = this.text.indexOf(this.needle, position);
    return this.#found;
  }
}

/** "12 0 obj": the object number when `obj` at `k` ends a header, by looking back a bounded distance. */
function headerBefore(text: string, k: number): number | null {
  const match = /(?:^|[^0-9])(\d{1,10})[ \t\r\n\f\0]+\d{1,5}[ \t\r\n\f\0]+$/.exec(
    text.slice(Math.max(0, k - 32), k),
  );
  return match ? Number(match[1]) : null;
}

function skipEol(text: string, at: number): number {
  let i = at;
  while (i < at + 2 && (text[i] === '\r' || text[i] === '\n')) i += 1;
  return i;
}

/** PDF "regular" characters: anything but whitespace and delimiters. */
function isRegular(code: number): boolean {
  return !Number.isNaN(code) && !' \t\r\n\f\0()<>[]{}/%'.includes(String.fromCharCode(code));
}

/** A direct integer, or `N G R` resolved to an integer object, following a regex match on `body`. */
function numberOrRef(index: PdfIndex, match: RegExpExecArray | null, body: string): number | null {
  if (!match) return null;
  const rest = body.slice(match.index + match[0].length, match.index + match[0].length + 32);
  const ref = /^(\d{1,10})\s+\d{1,5}\s+R/.exec(rest);
  if (ref) {
    const target = index.object(Number(ref[1]))?.body.trim() ?? '';
    return /^\d{1,12}$/.test(target) ? Number(target) : null;
  }
  const direct = /^\d{1,12}/.exec(rest);
  return direct ? Number(direct[0]) : null;
}

export function isZlibError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (String(error.code).startsWith('Z_') || error.code === 'ERR_BUFFER_TOO_LARGE')
  );
}
