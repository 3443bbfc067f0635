import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, writeSync } from 'node:fs';
import { type PatternSpec, patternSource } from '../../erasure/plan/resolve-passes.js';

/** Known data written on every target before the boot: position-stamped so a stale block is recognisable. */
export function knownBlock(offset: number, size = 4096): Buffer {
  const block = Buffer.alloc(size);
  const stamp = Buffer.from(`GOMME-KNOWN-DATA@${offset.toString(16).padStart(12, '0')}|`);
  for (let i = 0; i < size; i += stamp.length) stamp.copy(block, i);
  return block;
}

/** A raw disk image filled end to end with knownBlock(). Raw, so the host reads it back without QEMU tools. */
export function makeFilledDisk(path: string, sizeBytes: number): void {
  const fd = openSync(path, 'w');
  try {
    const chunk = 1 << 20;
    for (let offset = 0; offset < sizeBytes; offset += chunk) {
      const buffers: Buffer[] = [];
      for (let o = offset; o < offset + chunk; o += 4096) buffers.push(knownBlock(o));
      writeSync(fd, Buffer.concat(buffers), 0, chunk, offset);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The GOMME-DATA disk: a whole-disk ext4 made with mkfs on an image file (no loop device, no mount), populated
 * from `content` (mkfs.ext4 -d) when given, e.g. with an organisation key so the erasure signs certificates.
 */
export function makeDataDisk(path: string, sizeBytes: number, content?: string): void {
  execFileSync('truncate', ['-s', String(sizeBytes), path]);
  execFileSync('mkfs.ext4', ['-q', '-F', '-L', 'GOMME-DATA', ...(content ? ['-d', content] : []), path]);
}

export interface ErasureCheck {
  blocks: number;
  /** Offsets of blocks that do not hold what the method writes last. */
  wrong: number[];
  /** Offsets of blocks still holding the known data. */
  stale: number[];
}

/**
 * Reads a target back: every 4 KiB block must hold the method's final pattern (zero → 0x00, one → 0xFF);
 * for random final passes, no block may still hold the known data.
 */
export function checkErased(
  path: string,
  sizeBytes: number,
  method: string,
  last?: PatternSpec,
): ErasureCheck {
  const finalByte =
    method === 'zero' || method === 'random-then-zero' || method === 'nvme-format-user-data'
      ? 0x00
      : method === 'one'
        ? 0xff
        : null;
  // Any other method: the journal's last pattern, regenerated (the AES-CTR stream is seekable by offset).
  const source = finalByte === null && last ? patternSource(last) : null;
  const expected = Buffer.alloc(4096);
  const fd = openSync(path, 'r');
  const block = Buffer.alloc(4096);
  const result: ErasureCheck = { blocks: 0, wrong: [], stale: [] };
  try {
    for (let offset = 0; offset < sizeBytes; offset += 4096) {
      readSync(fd, block, 0, 4096, offset);
      result.blocks++;
      if (block.equals(knownBlock(offset))) result.stale.push(offset);
      if (finalByte !== null && !block.every((b) => b === finalByte)) result.wrong.push(offset);
      if (source) {
        source.fill(expected, offset);
        if (!block.equals(expected)) result.wrong.push(offset);
      }
    }
  } finally {
    closeSync(fd);
  }
  return result;
}

export async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
