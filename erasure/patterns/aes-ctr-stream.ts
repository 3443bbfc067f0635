import { createCipheriv, randomBytes } from 'node:crypto';
import { BadInputError } from '../../core/errors.js';
import { checkPatternOffset, type PatternSource } from './pattern-source.js';

/** The random part of a PRNG pass, stored (hex) in the job record so the pass can be verified and resumed. */
export interface AesCtrSeed {
  /** AES-128 key, 32 hex digits. */
  key: string;
  /** Counter block for byte 0, 32 hex digits. */
  iv: string;
}

/**
 * Bytes handed to one cipher.update(). Each call allocates its output: from 4 MiB up glibc maps fresh pages every
 * time (throughput halves, stack.md §5), and input + output beyond the L2 cache cost another ~30 % (1 MiB vs
 * 256 KiB, measured interleaved here and in stack.md). The output is then copied into the caller's aligned buffer.
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
  private readonly key: Buffer;
  private readonly baseCounter: bigint;

  constructor(seed: AesCtrSeed) {
    this.key = parseHex128(seed.key, 'key');
    this.baseCounter = BigInt(`0x${parseHex128(seed.iv, 'iv').toString('hex')}`);
  }

  fill(target: Buffer, offset: number): void {
    checkPatternOffset(offset);
    const cipher = createCipheriv(
      'aes-128-ctr',
      this.key,
      this.counterBlock(Math.floor(offset / BLOCK_BYTES)),
    );
    // An offset inside a block: generate from the block start and drop the leading bytes.
    let skip = offset % BLOCK_BYTES;
    let written = 0;
    while (written < target.length) {
      const length = Math.min(GENERATE_CHUNK_BYTES, skip + target.length - written);
      written += cipher.update(zeroSource.subarray(0, length)).copy(target, written, skip);
      skip = 0;
    }
  }

  /** The counter block that encrypts byte offset block × 16. */
  counterBlock(block: number): Buffer {
    const counter = (this.baseCounter + BigInt(block)) % COUNTER_MODULUS;
    return Buffer.from(counter.toString(16).padStart(32, '0'), 'hex');
  }
}

function parseHex128(hex: string, field: 'key' | 'iv'): Buffer {
  if (!/^[0-9a-f]{32}$/i.test(hex)) {
    throw new BadInputError(`AES-CTR seed ${field}`, `expected 32 hex digits, got "${hex}"`);
  }
  return Buffer.from(hex, 'hex');
}
