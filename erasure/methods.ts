/**
 * The overwrite methods as data, run by one engine. Patterns follow nwipe `src/method.c` (fed3f18) and the
 * descriptions gathered in shared/notes/standards.md §6. Every software overwrite is NIST SP 800-88 "Clear".
 *
 * Pass kinds: a fixed byte sequence; `prng` (the seekable AES-CTR stream); `random-byte` (one byte drawn when the
 * job is planned, or its complement: DoD's c / ~c), resolved into a fixed pattern by the plan.
 */

import type { Text } from '../core/i18n.js';
import { OVERWRITE_METHOD_WORDS, type OverwriteMethodId, PURGE_ENGINE_WORDS } from '../core/words/methods.js';
import type { PurgeEngineId } from './purge/engine.js';

export type PassSpec =
  | { kind: 'constant'; bytes: readonly number[]; verify?: 'always' }
  | { kind: 'prng'; verify?: 'always' }
  | { kind: 'random-byte'; slot: 'c' | 'd' | 'e' | 'r'; complement: boolean };

export interface OverwriteMethod {
  id: OverwriteMethodId;
  /** Its name in words (core/words/methods.ts); `label.en` is what records keep as `methodLabel`. */
  label: Text;
  /** Standard or source the pass list comes from. */
  source: string;
  passes: readonly PassSpec[];
  /** Shuffle the fixed patterns between the PRNG bookends (Gutmann, as nwipe does). */
  shuffleConstants?: boolean;
}

const zero: PassSpec = { kind: 'constant', bytes: [0x00] };
const ones: PassSpec = { kind: 'constant', bytes: [0xff] };
const prng: PassSpec = { kind: 'prng' };
const rnd = (slot: 'c' | 'd' | 'e' | 'r', complement = false): PassSpec => ({
  kind: 'random-byte',
  slot,
  complement,
});
const repeat = (times: number, pass: PassSpec): PassSpec[] => Array.from({ length: times }, () => pass);

/** Gutmann's 27 fixed 3-byte patterns (passes 5–31). */
const gutmannConstants: PassSpec[] = [
  [0x55, 0x55, 0x55],
  [0xaa, 0xaa, 0xaa],
  [0x92, 0x49, 0x24],
  [0x49, 0x24, 0x92],
  [0x24, 0x92, 0x49],
  ...Array.from({ length: 16 }, (_, i) => [i * 0x11, i * 0x11, i * 0x11]),
  [0x92, 0x49, 0x24],
  [0x49, 0x24, 0x92],
  [0x24, 0x92, 0x49],
  [0x6d, 0xb6, 0xdb],
  [0xb6, 0xdb, 0x6d],
  [0xdb, 0x6d, 0xb6],
].map((bytes) => ({ kind: 'constant', bytes }));

const CATALOGUE: ReadonlyArray<Omit<OverwriteMethod, 'label'>> = [
  {
    id: 'nist-clear',
    source: 'NIST SP 800-88 Rev. 1 §2.4 / Rev. 2 §3.1.1: one overwrite pass suffices for Clear',
    passes: [prng],
  },
  {
    id: 'zero',
    source: 'NIST SP 800-88 Rev. 1 Appendix A (ATA HDD Clear: one pass of a fixed value)',
    passes: [zero],
  },
  {
    id: 'one',
    source: 'nwipe "one"',
    passes: [ones],
  },
  {
    id: 'random',
    source: 'nwipe "random"',
    passes: [prng],
  },
  {
    id: 'random-then-zero',
    source: 'nwipe PRNG stream with its default zero blanking pass',
    passes: [prng, zero],
  },
  {
    id: 'dod-short',
    source: 'DoD 5220.22-M passes 1, 2, 7 (nwipe "dodshort")',
    passes: [rnd('c'), rnd('c', true), prng],
  },
  {
    id: 'dod-7',
    source: 'DoD 5220.22-M ECE (nwipe "dod522022m")',
    passes: [rnd('c'), rnd('c', true), prng, rnd('d'), rnd('e'), rnd('e', true), prng],
  },
  {
    id: 'gutmann',
    source: 'P. Gutmann 1996, as nwipe "gutmann": 4 random, 27 shuffled fixed patterns, 4 random',
    passes: [...repeat(4, prng), ...gutmannConstants, ...repeat(4, prng)],
    shuffleConstants: true,
  },
  {
    id: 'hmg-is5-baseline',
    source: 'HMG Infosec Standard 5 Baseline: one pass of zeros, verified (secondary descriptions)',
    passes: [{ kind: 'constant', bytes: [0x00], verify: 'always' }],
  },
  {
    id: 'hmg-is5-enhanced',
    source: 'HMG Infosec Standard 5 Enhanced (nwipe "is5enh"): zeros, ones, random (always verified)',
    passes: [zero, ones, { kind: 'prng', verify: 'always' }],
  },
  {
    id: 'rcmp-ops2',
    source: 'RCMP TSSIT OPS-II (nwipe "ops2"): r, ~r ×4, then a final random pass, verified',
    passes: [
      ...Array.from({ length: 4 }, () => [rnd('r'), rnd('r', true)]).flat(),
      { kind: 'prng', verify: 'always' },
    ],
  },
  {
    id: 'bsi-vsitr',
    source:
      'BSI VSITR as usually described: 0x00/0xFF alternating six times, then 0xAA (secondary descriptions)',
    passes: [zero, ones, zero, ones, zero, ones, { kind: 'constant', bytes: [0xaa] }],
  },
  {
    id: 'schneier',
    source: 'B. Schneier, Applied Cryptography (nwipe "bruce7"): 0xFF, 0x00, 5 random',
    passes: [ones, zero, ...repeat(5, prng)],
  },
];

export const METHODS: readonly OverwriteMethod[] = CATALOGUE.map((m) => ({
  ...m,
  label: OVERWRITE_METHOD_WORDS[m.id],
}));

/** Every firmware engine has a name in core/words/methods.ts: this fails to compile when one is added without. */
export const ENGINE_WORDS: Record<PurgeEngineId, Text> = PURGE_ENGINE_WORDS;

export const DEFAULT_METHOD = 'nist-clear';

export function findMethod(id: string): OverwriteMethod | undefined {
  return METHODS.find((m) => m.id === id);
}
