/**
 * Streams in a capture bundle: the optional `streams` key (bundle version 1 unchanged; readers that do not know
 * it ignore it). Each entry is one streamed program, its stdout as timestamped chunks, UTF-8 text when it is
 * text (evtest, udevadm monitor) and base64 otherwise (a WAV recording, a webcam frame).
 */
import * as v from 'valibot';
import { list, obj, say, str } from '../schema.js';
import type { StreamChunk } from './runner.js';

const number = v.number(say('attendu : un nombre', 'expected a number'));
const ONE_OF = say('attendu : "text" ou "base64", un seul des deux', 'expected one of "text" or "base64"');

const BundleStreamChunkSchema = v.pipe(
  obj({
    /** Milliseconds after the program started. */
    atMs: number,
    text: v.optional(str),
    base64: v.optional(str),
  }),
  v.check((c) => (c.text === undefined) !== (c.base64 === undefined), ONE_OF),
);
export type BundleStreamChunk = v.InferOutput<typeof BundleStreamChunkSchema>;

export const BundleStreamSchema = obj({
  argv: list(str),
  chunks: list(BundleStreamChunkSchema),
  /** null while running; 127 (empty chunks) when the program was not installed. */
  exitCode: v.nullable(number),
  stderr: str,
  /** Set when gomme stopped the program itself (the end of a key test), not the program's own exit. */
  stoppedAtMs: v.optional(number),
});
export type BundleStream = v.InferOutput<typeof BundleStreamSchema>;

const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeChunk(chunk: StreamChunk): BundleStreamChunk {
  try {
    const text = decoder.decode(chunk.data);
    // Text that does not survive a round trip (NUL bytes, a split multi-byte character) is kept as bytes.
    if (!text.includes('\u0000') && Buffer.from(text, 'utf8').equals(Buffer.from(chunk.data))) {
      return { atMs: chunk.atMs, text };
    }
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  return { atMs: chunk.atMs, base64: Buffer.from(chunk.data).toString('base64') };
}

export function decodeChunk(chunk: BundleStreamChunk): StreamChunk {
  const data =
    chunk.text !== undefined ? Buffer.from(chunk.text, 'utf8') : Buffer.from(chunk.base64 ?? '', 'base64');
  return { atMs: chunk.atMs, data: new Uint8Array(data) };
}
