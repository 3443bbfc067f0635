/**
 * What an overwrite pass writes. Plans and jobs hold the pattern as data (bytes, or the seed of the random
 * stream); records keep a canonical English label (`describePattern` in erasure/plan). Both are named here.
 */
import { type Text, text, textOf } from '../i18n.js';

export const RANDOM_STREAM = text('flux aléatoire (AES-128-CTR)', 'random stream (AES-128-CTR)');

/** The canonical record label of the random stream (erasure/plan/resolve-passes.ts writes it). */
export const RANDOM_STREAM_RECORD_LABEL = 'AES-128-CTR random stream';

const NAMED_BYTES: Record<number, Text> = {
  0: text('zéros', 'zeros'),
  255: text('uns', 'ones'),
};

const hex = (b: number) => `0x${b.toString(16).padStart(2, '0').toUpperCase()}`;

/** A fixed pattern: "0x00 (zéros)", "0x92 0x49 0x24". */
export function constantPatternWords(bytes: readonly number[]): Text {
  const raw = bytes.map(hex).join(' ');
  const named = bytes.length === 1 ? NAMED_BYTES[bytes[0] as number] : undefined;
  return named ? textOf((lang) => `${raw} (${named[lang]})`) : text(raw, raw);
}

/** A record's pass label in words: the random stream, hex bytes, or "device: …" (the drive's command). */
export function recordPatternWords(label: string, command: Text | null): Text {
  if (label === RANDOM_STREAM_RECORD_LABEL || /^PRNG\b/.test(label)) return RANDOM_STREAM;
  if (/^(0x[0-9A-F]{2})( 0x[0-9A-F]{2})*$/i.test(label)) {
    return constantPatternWords(label.split(' ').map((b) => Number.parseInt(b, 16)));
  }
  if (label.startsWith('device: ')) {
    const what = command ?? text(label.slice(8), label.slice(8));
    return textOf((lang) => `${DRIVE_COMMAND[lang]} (${what[lang]})`);
  }
  return text(label, label);
}

export const DRIVE_COMMAND = text('commande du disque', 'drive command');
