import { describe, expect, it } from 'vitest';
import { parseHdparmDco } from '../../../../../core/tools/hdparm/parse-dco.js';
import { parseHdparmIdentify } from '../../../../../core/tools/hdparm/parse-identify.js';
import { parseHdparmNativeMax } from '../../../../../core/tools/hdparm/parse-native-max.js';
import { parseHdparmSanitizeStatus } from '../../../../../core/tools/hdparm/parse-sanitize-status.js';
import { listFixtures, readFixture } from '../../../../helpers/fixtures.js';

const parsers = {
  identify: parseHdparmIdentify,
  nativeMax: parseHdparmNativeMax,
  dco: parseHdparmDco,
  sanitizeStatus: parseHdparmSanitizeStatus,
} as const;

/** Every real hdparm capture: the public corpus and every QEMU hdparm stdout. */
const corpus = [
  ...listFixtures('hdparm'),
  ...listFixtures('qemu').filter((f) => /\/hdparm-[^/]*\.out$/.test(f)),
];

const runAll = (text: string) => {
  for (const parse of Object.values(parsers)) expect(() => parse(text)).not.toThrow();
};

/** Deterministic pseudo-random bytes (xorshift32), so a failure reproduces. */
function randomText(seed: number, length: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += String.fromCharCode((x >>> 0) & 0xff);
  }
  return s;
}

describe('hdparm parsers never throw', () => {
  it('the corpus is there', () => {
    expect(listFixtures('hdparm').length).toBe(7);
    expect(corpus.length).toBeGreaterThan(20);
  });

  it.each(corpus)('%s goes through every parser', (file) => {
    const text = readFixture(file, 'latin1');
    for (const [name, parse] of Object.entries(parsers)) {
      expect(() => parse(text), name).not.toThrow();
    }
  });

  it.each(corpus)('%s: truncated halves go through every parser', (file) => {
    const text = readFixture(file, 'latin1');
    const mid = Math.floor(text.length / 2);
    runAll(text.slice(0, mid));
    runAll(text.slice(mid));
  });

  it('empty input gives unknowns, never a guess', () => {
    runAll('');
    const id = parseHdparmIdentify('');
    expect(id).toMatchObject({ identified: false, model: null, security: null, trustworthy: false });
    expect(parseHdparmNativeMax('').nativeMaxSectors).toBeNull();
    expect(parseHdparmDco('').realMaxSectors).toBeNull();
    expect(parseHdparmSanitizeStatus('')).toMatchObject({ state: null, notSupported: false });
  });

  it('random bytes', () => {
    for (let seed = 1; seed <= 50; seed++) runAll(randomText(seed, 4096));
  });

  it('random bytes spliced into a real capture', () => {
    const text = readFixture('hdparm/crucial-mx100-512g-FROZEN-enhanced-sanitize-4kphys.txt', 'latin1');
    for (let seed = 1; seed <= 20; seed++) {
      const at = (seed * 997) % text.length;
      runAll(text.slice(0, at) + randomText(seed, 64) + text.slice(at));
    }
  });
});
