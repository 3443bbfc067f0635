import { randomBytes, randomInt } from 'node:crypto';
import type { Text } from '../../core/i18n.js';
import {
  constantPatternWords,
  RANDOM_STREAM,
  RANDOM_STREAM_RECORD_LABEL,
} from '../../core/words/patterns.js';
import type { OverwriteMethod, PassSpec } from '../methods.js';
import { type AesCtrSeed, AesCtrStream, newSeed } from '../patterns/aes-ctr-stream.js';
import { ConstantPattern } from '../patterns/constant-pattern.js';
import type { PatternSource } from '../patterns/pattern-source.js';

import type { VerifyMode } from './verify-modes.js';

export { VERIFY_MODES, type VerifyMode } from './verify-modes.js';

/** A pass with everything random already drawn: stored in the job so it can be verified and resumed. */
export type PatternSpec = { type: 'constant'; bytes: number[] } | { type: 'prng'; seed: AesCtrSeed };

export interface PlannedPass {
  pattern: PatternSpec;
  /** How this pass is read back after it is written. */
  verify: 'none' | 'sample' | 'full';
}

export interface Randomness {
  byte(): number;
  seed(): AesCtrSeed;
  shuffle<T>(items: T[]): T[];
}

export const cryptoRandomness: Randomness = {
  byte: () => randomBytes(1)[0] as number,
  seed: newSeed,
  shuffle(items) {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
    }
    return out;
  },
};

/** Turns a method's pass list into concrete patterns, and the verify mode into a per-pass decision. */
export function resolvePasses(
  method: OverwriteMethod,
  verify: VerifyMode,
  random: Randomness,
): PlannedPass[] {
  let specs = [...method.passes];
  if (method.shuffleConstants) {
    const constants = random.shuffle(specs.filter((p) => p.kind === 'constant'));
    specs = specs.map((p) => (p.kind === 'constant' ? (constants.shift() as PassSpec) : p));
  }
  const slots = new Map<string, number>();
  const last = specs.length - 1;
  return specs.map((spec, index) => {
    const pattern = toPattern(spec, slots, random);
    // Passes a standard always verifies are read in full whatever was asked.
    const mandated = spec.kind !== 'random-byte' && spec.verify === 'always';
    let mode: PlannedPass['verify'] = 'none';
    if (mandated || verify === 'all' || (verify === 'last' && index === last)) mode = 'full';
    else if (verify === 'sample' && index === last) mode = 'sample';
    return { pattern, verify: mode };
  });
}

function toPattern(spec: PassSpec, slots: Map<string, number>, random: Randomness): PatternSpec {
  switch (spec.kind) {
    case 'constant':
      return { type: 'constant', bytes: [...spec.bytes] };
    case 'prng':
      return { type: 'prng', seed: random.seed() };
    case 'random-byte': {
      // c and ~c share one draw; a new round (r after ~r) draws again.
      let value = slots.get(spec.slot);
      if (value === undefined || (!spec.complement && spec.slot === 'r')) {
        value = random.byte();
        slots.set(spec.slot, value);
      }
      return { type: 'constant', bytes: [spec.complement ? ~value & 0xff : value] };
    }
  }
}

export function patternSource(spec: PatternSpec): PatternSource {
  return spec.type === 'prng' ? new AesCtrStream(spec.seed) : new ConstantPattern(spec.bytes);
}

/** The canonical label records, events and `--json` keep for a pass (data, in English: never translated). */
export function describePattern(spec: PatternSpec): string {
  if (spec.type === 'prng') return RANDOM_STREAM_RECORD_LABEL;
  return spec.bytes.map((b) => `0x${b.toString(16).padStart(2, '0').toUpperCase()}`).join(' ');
}

/** A pass's pattern in words, for people: "flux aléatoire (AES-128-CTR)", "0x00 (zéros)". */
export function patternWords(spec: PatternSpec): Text {
  return spec.type === 'prng' ? RANDOM_STREAM : constantPatternWords(spec.bytes);
}
