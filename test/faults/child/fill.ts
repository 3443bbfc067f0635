/** TEST-ONLY: fills the filesystem holding `dir`, the way a data partition fills up during an erasure. */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Fills a filesystem to the last byte: ever smaller writes, with fsync so ext4's delayed allocation settles. */
export function fill(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, `filler-${process.pid}-${Date.now()}`), 'w');
  try {
    for (let round = 0; round < 2; round++) {
      for (const size of [1 << 20, 1 << 16, 1 << 12, 512]) {
        const chunk = Buffer.alloc(size);
        try {
          for (;;) writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        }
      }
      fsyncSync(fd);
    }
  } finally {
    closeSync(fd);
  }
}
