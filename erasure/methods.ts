/**
 * The overwrite methods as data, run by one engine. Patterns follow nwipe `src/method.c` (fed3f18) and the
 * descriptions gathered in shared/notes/standards.md §6. Every software overwrite is NIST SP 800-88 "Clear".
 *
 * Pass kinds: a fixed byte sequence; `prng` (the seekable AES-CTR stream); `random-byte` (one byte drawn when the
 * job is planned, or its complement: DoD's c / ~c), resolved into a fixed pattern by the plan.
 */

export type PassSpec =
  | { kind: 'constant'; bytes: readonly number[]; verify?: 'always' }
  | { kind: 'prng'; verify?: 'always' }
  | { kind: 'random-byte'; slot: 'c' | 'd' | 'e' | 'r'; complement: boolean };

export interface OverwriteMethod {
  id: string;
  label: { fr: string; en: string };
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

export const METHODS: readonly OverwriteMethod[] = [
  {
    id: 'nist-clear',
    label: { fr: 'NIST 800-88 Clear (1 passe aléatoire)', en: 'NIST 800-88 Clear (1 random pass)' },
    source: 'NIST SP 800-88 Rev. 1 §2.4 / Rev. 2 §3.1.1: one overwrite pass suffices for Clear',
    passes: [prng],
  },
  {
    id: 'zero',
    label: { fr: 'Remplissage de zéros', en: 'Fill with zeros' },
    source: 'NIST SP 800-88 Rev. 1 Appendix A (ATA HDD Clear: one pass of a fixed value)',
    passes: [zero],
  },
  {
    id: 'one',
    label: { fr: 'Remplissage de uns (0xFF)', en: 'Fill with ones (0xFF)' },
    source: 'nwipe "one"',
    passes: [ones],
  },
  {
    id: 'random',
    label: { fr: 'Flux aléatoire', en: 'Random stream' },
    source: 'nwipe "random"',
    passes: [prng],
  },
  {
    id: 'random-then-zero',
    label: { fr: 'Aléatoire puis zéros', en: 'Random then zeros' },
    source: 'nwipe PRNG stream with its default zero blanking pass',
    passes: [prng, zero],
  },
  {
    id: 'dod-short',
    label: { fr: 'DoD 5220.22-M court (3 passes)', en: 'DoD 5220.22-M short (3 passes)' },
    source: 'DoD 5220.22-M passes 1, 2, 7 (nwipe "dodshort")',
    passes: [rnd('c'), rnd('c', true), prng],
  },
  {
    id: 'dod-7',
    label: { fr: 'DoD 5220.22-M (7 passes)', en: 'DoD 5220.22-M (7 passes)' },
    source: 'DoD 5220.22-M ECE (nwipe "dod522022m")',
    passes: [rnd('c'), rnd('c', true), prng, rnd('d'), rnd('e'), rnd('e', true), prng],
  },
  {
    id: 'gutmann',
    label: { fr: 'Gutmann (35 passes)', en: 'Gutmann (35 passes)' },
    source: 'P. Gutmann 1996, as nwipe "gutmann": 4 random, 27 shuffled fixed patterns, 4 random',
    passes: [...repeat(4, prng), ...gutmannConstants, ...repeat(4, prng)],
    shuffleConstants: true,
  },
  {
    id: 'hmg-is5-baseline',
    label: { fr: 'HMG IS5 de base', en: 'HMG IS5 Baseline' },
    source: 'HMG Infosec Standard 5 Baseline: one pass of zeros, verified (secondary descriptions)',
    passes: [{ kind: 'constant', bytes: [0x00], verify: 'always' }],
  },
  {
    id: 'hmg-is5-enhanced',
    label: { fr: 'HMG IS5 renforcé', en: 'HMG IS5 Enhanced' },
    source: 'HMG Infosec Standard 5 Enhanced (nwipe "is5enh"): zeros, ones, random (always verified)',
    passes: [zero, ones, { kind: 'prng', verify: 'always' }],
  },
  {
    id: 'rcmp-ops2',
    label: { fr: 'RCMP TSSIT OPS-II', en: 'RCMP TSSIT OPS-II' },
    source: 'RCMP TSSIT OPS-II (nwipe "ops2"): r, ~r ×4, then a final random pass, verified',
    passes: [
      ...Array.from({ length: 4 }, () => [rnd('r'), rnd('r', true)]).flat(),
      { kind: 'prng', verify: 'always' },
    ],
  },
  {
    id: 'bsi-vsitr',
    label: { fr: 'BSI VSITR (7 passes)', en: 'BSI VSITR (7 passes)' },
    source:
      'BSI VSITR as usually described: 0x00/0xFF alternating six times, then 0xAA (secondary descriptions)',
    passes: [zero, ones, zero, ones, zero, ones, { kind: 'constant', bytes: [0xaa] }],
  },
  {
    id: 'schneier',
    label: { fr: 'Bruce Schneier (7 passes)', en: 'Bruce Schneier (7 passes)' },
    source: 'B. Schneier, Applied Cryptography (nwipe "bruce7"): 0xFF, 0x00, 5 random',
    passes: [ones, zero, ...repeat(5, prng)],
  },
];

export const DEFAULT_METHOD = 'nist-clear';

export function findMethod(id: string): OverwriteMethod | undefined {
  return METHODS.find((m) => m.id === id);
}
