import { createCipheriv, randomBytes } from 'node:crypto';
import { BadInputError } from '../../core/errors.js';
import { type AesCtrNative, loadAesCtrNative } from './aes-ctr-native.js';
import { checkPatternOffset, type PatternSource } from './pattern-source.js';

/** The random part of a PRNG pass, stored (hex) in the job record so the pass can be verified and resumed. */
export interface AesCtrSeed {
  /** AES-128 key, 32 hex digits. */
  key: string;
  /** Counter block for byte 0, 32 hex digits. */
  iv: string;
}

/**
 * How the keystream is made. `native` (OpenSSL in place, into the caller's buffer) runs at about twice the speed
 * of `node-crypto` (cipher.update + copy), which stays as the fallback and as the reference the tests compare to.
 */
export type AesCtrBackend = 'native' | 'node-crypto';

/**
 * Bytes handed to one cipher.update() on the node-crypto path. Each call allocates its output: from 4 MiB up glibc
 * maps fresh pages every time (throughput halves, stack.md §5), and input + output beyond the L2 cache cost another
 * ~30 % (1 MiB vs 256 KiB, measured interleaved here and in stack.md). The output is then copied into the caller's
 * aligned buffer.
 */
export const GENERATE_CHUNK_BYTES = 64 << 10;

const BLOCK_BYTES = 16;
const COUNTER_MODULUS = 1n << 128n;
/** Plaintext for the keystream: CTR output over zeros is the keystream itself. Never written to. */
const zeroSource = Buffer.alloc(GENERATE_CHUNK_BYTES);

export function newSeed(): AesCtrSeed {
  return { key: randomBytes(16).toString('hex'), iv: randomBytes(16).toString('hex') };
}

/**
 * AES-128-CTR keystream, addressable by byte offset: the counter block for byte X is iv + floor(X / 16) as a
 * 128-bit big-endian integer (wrapping), exactly what a sequential `openssl enc -aes-128-ctr` run produces, so
 * any chunk can be regenerated on its own.
 */
export class AesCtrStream implements PatternSource {
  readonly backend: AesCtrBackend;
  private readonly key: Buffer;
  private readonly baseCounter: bigint;
  private readonly native: AesCtrNative | null;

  /** `backend` forces one path (tests, benchmark); by default the native one when it is built. */
  constructor(seed: AesCtrSeed, options: { backend?: AesCtrBackend } = {}) {
    this.key = parseHex128(seed.key, 'key');
    this.baseCounter = BigInt(`0x${parseHex128(seed.iv, 'iv').toString('hex')}`);
    this.native = options.backend === 'node-crypto' ? null : nativeModule(options.backend === 'native');
    this.backend = this.native ? 'native' : 'node-crypto';
  }

  fill(target: Buffer, offset: number): void {
    checkPatternOffset(offset);
    const counter = this.counterBlock(Math.floor(offset / BLOCK_BYTES));
    if (this.native) {
      this.native.fill(target, this.key, counter, offset % BLOCK_BYTES);
      return;
    }
    const cipher = createCipheriv('aes-128-ctr', this.key, counter);
    // An offset inside a block: generate from the block start and drop the leading bytes.
    let skip = offset % BLOCK_BYTES;
    let written = 0;
    while (written < target.length) {
      const length = Math.min(GENERATE_CHUNK_BYTES, skip + target.length - written);
      written += cipher.update(zeroSource.subarray(0, length)).copy(target, written, skip);
      skip = 0;
    }
  }

  /**
   * fill() off the calling thread (native backend: a libuv pool thread), so the engine's main thread keeps handing
   * finished chunks to the drive while the next one is generated. The node-crypto fallback fills synchronously.
   */
  fillAsync(target: Buffer, offset: number): Promise<void> {
    checkPatternOffset(offset);
    // A module built before fillAsync existed (an old build/ left in place) still fills, on this thread.
    if (!this.native || typeof this.native.fillAsync !== 'function') {
      this.fill(target, offset);
      return Promise.resolve();
    }
    const counter = this.counterBlock(Math.floor(offset / BLOCK_BYTES));
    return this.native.fillAsync(target, this.key, counter, offset % BLOCK_BYTES);
  }

  /** The counter block that encrypts byte offset block × 16. */
  counterBlock(block: number): Buffer {
    const counter = (this.baseCounter + BigInt(block)) % COUNTER_MODULUS;
    return Buffer.from(counter.toString(16).padStart(32, '0'), 'hex');
  }
}

let warnedFallback = false;

/** The native module, or null with a one-time warning on stderr (never stdout: `--json` stays clean). */
function nativeModule(required: boolean): AesCtrNative | null {
  const load = loadAesCtrNative();
  if (load.module) return load.module;
  if (required) throw new Error(`AES-CTR native backend unavailable: ${load.problem}`);
  if (!warnedFallback) {
    warnedFallback = true;
    process.emitWarning(`${load.problem}; random passes use node:crypto at about half the speed`, {
      code: 'GOMME_AES_CTR_FALLBACK',
    });
  }
  return null;
}

function parseHex128(hex: string, field: 'key' | 'iv'): Buffer {
  if (!/^[0-9a-f]{32}$/i.test(hex)) {
    throw new BadInputError(`AES-CTR seed ${field}`, `expected 32 hex digits, got "${hex}"`);
  }
  return Buffer.from(hex, 'hex');
}
