import { describe, expect, it } from 'vitest';
import { findMethod, METHODS } from '../../../../erasure/methods.js';
import { type Randomness, resolvePasses } from '../../../../erasure/plan/resolve-passes.js';

/** Deterministic randomness so the resolved patterns can be asserted. */
const fixed = (bytes: number[]): Randomness => {
  let i = 0;
  let seeds = 0;
  return {
    byte: () => bytes[i++ % bytes.length] as number,
    seed: () => ({ key: '00'.repeat(16), iv: String(seeds++).padStart(32, '0') }),
    shuffle: (items) => [...items].reverse(),
  };
};

describe('resolvePasses', () => {
  it('DoD short: c, ~c, random', () => {
    const passes = resolvePasses(findMethod('dod-short')!, 'none', fixed([0x3c]));
    expect(passes.map((p) => p.pattern)).toEqual([
      { type: 'constant', bytes: [0x3c] },
      { type: 'constant', bytes: [0xc3] },
      { type: 'prng', seed: expect.any(Object) },
    ]);
  });

  it('DoD 7: c, ~c, random, d, e, ~e, random with distinct draws', () => {
    const passes = resolvePasses(findMethod('dod-7')!, 'none', fixed([0x01, 0x02, 0x04]));
    expect(passes.map((p) => (p.pattern.type === 'constant' ? p.pattern.bytes[0] : 'R'))).toEqual([
      0x01,
      0xfe,
      'R',
      0x02,
      0x04,
      0xfb,
      'R',
    ]);
  });

  it('OPS-II draws a new r each round and ends with a verified random pass', () => {
    const passes = resolvePasses(findMethod('rcmp-ops2')!, 'none', fixed([0x10, 0x20, 0x30, 0x40]));
    expect(passes.slice(0, 8).map((p) => (p.pattern.type === 'constant' ? p.pattern.bytes[0] : 'R'))).toEqual(
      [0x10, 0xef, 0x20, 0xdf, 0x30, 0xcf, 0x40, 0xbf],
    );
    expect(passes[8]).toMatchObject({ pattern: { type: 'prng' }, verify: 'full' });
  });

  it('Gutmann: 35 passes, 4 random bookends each side, the 27 constants shuffled', () => {
    const passes = resolvePasses(findMethod('gutmann')!, 'none', fixed([0]));
    expect(passes).toHaveLength(35);
    expect(passes.slice(0, 4).every((p) => p.pattern.type === 'prng')).toBe(true);
    expect(passes.slice(31).every((p) => p.pattern.type === 'prng')).toBe(true);
    const middle = passes
      .slice(4, 31)
      .map((p) => (p.pattern.type === 'constant' ? p.pattern.bytes.join(',') : ''));
    expect(middle[0]).toBe('219,109,182'); // reversed by the test's shuffle: DB 6D B6 first
    expect(new Set(middle).size).toBe(22); // 27 patterns, 5 of which repeat (92 49 24 family and 00/FF… overlap)
  });

  it('maps --verify onto passes: sample/last on the last pass, all on every pass, mandated passes always', () => {
    const dod = findMethod('dod-short')!;
    expect(resolvePasses(dod, 'sample', fixed([1])).map((p) => p.verify)).toEqual(['none', 'none', 'sample']);
    expect(resolvePasses(dod, 'last', fixed([1])).map((p) => p.verify)).toEqual(['none', 'none', 'full']);
    expect(resolvePasses(dod, 'all', fixed([1])).map((p) => p.verify)).toEqual(['full', 'full', 'full']);
    expect(resolvePasses(findMethod('hmg-is5-enhanced')!, 'none', fixed([1])).map((p) => p.verify)).toEqual([
      'none',
      'none',
      'full',
    ]);
  });

  it('every method in the table resolves to its declared number of passes', () => {
    for (const method of METHODS) {
      expect(resolvePasses(method, 'sample', fixed([7])), method.id).toHaveLength(method.passes.length);
    }
    expect(METHODS.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        'zero',
        'one',
        'random',
        'random-then-zero',
        'dod-short',
        'dod-7',
        'gutmann',
        'hmg-is5-baseline',
        'hmg-is5-enhanced',
        'rcmp-ops2',
        'bsi-vsitr',
        'schneier',
        'nist-clear',
      ]),
    );
  });
});
