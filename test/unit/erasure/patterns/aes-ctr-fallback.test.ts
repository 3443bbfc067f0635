import { createCipheriv } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

// What a machine without the native build sees: the loader reports why, and the stream falls back.
vi.mock('../../../../erasure/patterns/aes-ctr-native.js', () => ({
  loadAesCtrNative: () => ({ module: null, problem: 'gomme_aes_ctr.node is not built (test)' }),
}));

const { AesCtrStream, newSeed } = await import('../../../../erasure/patterns/aes-ctr-stream.js');

describe('AesCtrStream without the native module', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('falls back to node:crypto with one warning on stderr, and still writes the right keystream', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const seed = newSeed();
    const first = new AesCtrStream(seed);
    const second = new AesCtrStream(seed);
    expect(first.backend).toBe('node-crypto');
    expect(second.backend).toBe('node-crypto');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('is not built (test)');
    const out = Buffer.alloc(1000);
    first.fill(out, 32);
    const reference = createCipheriv(
      'aes-128-ctr',
      Buffer.from(seed.key, 'hex'),
      Buffer.from(seed.iv, 'hex'),
    );
    expect(out.equals(reference.update(Buffer.alloc(1032)).subarray(32))).toBe(true);
  });

  it('refuses to run when the native backend is demanded', () => {
    expect(() => new AesCtrStream(newSeed(), { backend: 'native' })).toThrow(/is not built \(test\)/);
  });
});
