import { execFileSync } from 'node:child_process';
import { createCipheriv, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../core/errors.js';
import { loadAesCtrNative } from '../../../../erasure/patterns/aes-ctr-native.js';
import {
  type AesCtrBackend,
  AesCtrStream,
  GENERATE_CHUNK_BYTES,
  newSeed,
} from '../../../../erasure/patterns/aes-ctr-stream.js';

const MiB = 1 << 20;

/** Reference: one sequential CTR run from byte 0, without any of the stream's offset arithmetic. */
function sequential(seed: { key: string; iv: string }, length: number): Buffer {
  const cipher = createCipheriv('aes-128-ctr', Buffer.from(seed.key, 'hex'), Buffer.from(seed.iv, 'hex'));
  return cipher.update(Buffer.alloc(length));
}

function generate(stream: AesCtrStream, offset: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  stream.fill(out, offset);
  return out;
}

describe.each<AesCtrBackend>(['native', 'node-crypto'])('AesCtrStream, %s backend', (backend) => {
  it('regenerates any chunk at a random offset as the slice of one long sequential run', () => {
    const seed = newSeed();
    const stream = new AesCtrStream(seed, { backend });
    expect(stream.backend).toBe(backend);
    const total = 8 * MiB + 777;
    const reference = sequential(seed, total);
    expect(generate(stream, 0, total).equals(reference)).toBe(true);
    for (let i = 0; i < 200; i++) {
      // Mostly 16-byte-aligned offsets (how the engine asks), some not; lengths across the 1 MiB update size.
      const aligned = i % 4 !== 0;
      const length = randomInt(1, i % 10 === 0 ? 3 * GENERATE_CHUNK_BYTES : 70_000);
      let offset = randomInt(0, total - length);
      if (aligned) offset -= offset % 16;
      const chunk = generate(stream, offset, length);
      expect(
        chunk.equals(reference.subarray(offset, offset + length)),
        `offset ${offset} length ${length}`,
      ).toBe(true);
    }
  });

  it('matches `openssl enc -aes-128-ctr` on zeros, including across the 2^128 counter wrap', () => {
    // The IV sits 3 blocks below the wrap: OpenSSL's CTR carries through all 128 bits and wraps to 0.
    const seed = { key: '000102030405060708090a0b0c0d0e0f', iv: 'fffffffffffffffffffffffffffffffd' };
    const length = 100_000;
    const openssl = execFileSync('openssl', ['enc', '-aes-128-ctr', '-K', seed.key, '-iv', seed.iv], {
      input: Buffer.alloc(length),
      maxBuffer: 2 * length,
    });
    expect(openssl.length).toBe(length);
    const stream = new AesCtrStream(seed, { backend });
    expect(generate(stream, 0, length).equals(openssl)).toBe(true);
    expect(generate(stream, 4096, 8192).equals(openssl.subarray(4096, 4096 + 8192))).toBe(true);
    expect(generate(stream, 48, 32).equals(openssl.subarray(48, 80))).toBe(true); // just past the wrap
  });

  it('encrypts block iv + X/16 at byte X, carrying into the high 64 bits, checked with AES-ECB', () => {
    // Low 64 bits all ones: a 64-bit-counter implementation would get every block below wrong.
    const seed = { key: '2b7e151628aed2a6abf7158809cf4f3c', iv: '0123456789abcdefffffffffffffff00' };
    const stream = new AesCtrStream(seed, { backend });
    const ecb = createCipheriv('aes-128-ecb', Buffer.from(seed.key, 'hex'), null).setAutoPadding(false);
    for (const offset of [0, 16 * 255, 16 * 256, 2 ** 45 + 16 * 7, Number.MAX_SAFE_INTEGER - 15]) {
      const block = (BigInt(`0x${seed.iv}`) + BigInt(Math.floor(offset / 16))) % (1n << 128n);
      const expected = ecb.update(Buffer.from(block.toString(16).padStart(32, '0'), 'hex'));
      expect(generate(stream, offset, 16).equals(expected), `offset ${offset}`).toBe(true);
    }
  });

  it('fillAsync (off the main thread for native) writes the same bytes as fill, several at once', async () => {
    const seed = newSeed();
    const stream = new AesCtrStream(seed, { backend });
    const reference = sequential(seed, 16 * MiB);
    const offsets = [0, 3 * MiB + 16, 7 * MiB + 5, 12 * MiB];
    const targets = offsets.map(() => Buffer.alloc(MiB + 7));
    await Promise.all(offsets.map((offset, i) => stream.fillAsync(targets[i]!, offset)));
    for (const [i, offset] of offsets.entries()) {
      expect(targets[i]!.equals(reference.subarray(offset, offset + MiB + 7)), `offset ${offset}`).toBe(true);
    }
  });

  it('writes only inside the view it is given (a slot cut from a larger buffer)', () => {
    const seed = newSeed();
    const big = Buffer.alloc(3 * 4096, 0xa5);
    const slot = big.subarray(4096, 2 * 4096);
    new AesCtrStream(seed, { backend }).fill(slot, 8192);
    expect(slot.equals(sequential(seed, 3 * 4096).subarray(8192))).toBe(true);
    expect(big.subarray(0, 4096).every((byte) => byte === 0xa5)).toBe(true);
    expect(big.subarray(2 * 4096).every((byte) => byte === 0xa5)).toBe(true);
  });
});

describe('AesCtrStream', () => {
  it('uses the native backend by default once `npm ci` has built it', () => {
    const load = loadAesCtrNative();
    expect(load.module, load.module ? '' : load.problem).not.toBeNull();
    expect(new AesCtrStream(newSeed()).backend).toBe('native');
    expect(load.module?.opensslVersion()).toMatch(/^OpenSSL 3\./);
  });

  it('native fill rejects arguments that would make it write out of bounds or use a wrong key', () => {
    const native = loadAesCtrNative().module;
    if (!native) throw new Error('native AES-CTR module not built');
    const key = Buffer.alloc(16);
    expect(() => native.fill(Buffer.alloc(32), Buffer.alloc(15), key, 0)).toThrow(TypeError);
    expect(() => native.fill(Buffer.alloc(32), key, Buffer.alloc(17), 0)).toThrow(TypeError);
    expect(() => native.fill(Buffer.alloc(32), key, key, 16)).toThrow(TypeError);
    expect(() => native.fill(new Uint16Array(8) as unknown as Uint8Array, key, key, 0)).toThrow(TypeError);
  });

  it('is a pure function of the seed', () => {
    const seed = newSeed();
    expect(
      generate(new AesCtrStream(seed), 12345, 5000).equals(generate(new AesCtrStream(seed), 12345, 5000)),
    ).toBe(true);
    expect(generate(new AesCtrStream(newSeed()), 0, 64).equals(generate(new AesCtrStream(seed), 0, 64))).toBe(
      false,
    );
  });

  it('newSeed gives 32-hex-digit key and iv; malformed seeds are bad input', () => {
    const seed = newSeed();
    expect(seed.key).toMatch(/^[0-9a-f]{32}$/);
    expect(seed.iv).toMatch(/^[0-9a-f]{32}$/);
    expect(seed.key).not.toBe(seed.iv);
    expect(() => new AesCtrStream({ key: 'abc', iv: seed.iv })).toThrow(BadInputError);
    expect(() => new AesCtrStream({ key: seed.key, iv: `${seed.iv}00` })).toThrow(BadInputError);
  });

  it('refuses negative or fractional offsets and accepts an empty target', () => {
    const stream = new AesCtrStream(newSeed());
    expect(() => stream.fill(Buffer.alloc(16), -16)).toThrow(RangeError);
    expect(() => stream.fill(Buffer.alloc(16), 1.5)).toThrow(RangeError);
    expect(() => stream.fill(Buffer.alloc(0), 32)).not.toThrow();
  });
});
