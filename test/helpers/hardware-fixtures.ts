import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { projectRoot } from './fixtures.js';

/** Real outputs captured in a QEMU guest (test/fixtures/captured/hardware/README.md says how each was made). */
export const hardwareFixtures = join(projectRoot, 'test/fixtures/captured/hardware');

export function hardwareText(relative: string): string {
  return readFileSync(join(hardwareFixtures, relative), 'utf8');
}

/** Bytes of a binary capture; `.gz` files are stored compressed and come back as captured. */
export function hardwareBytes(relative: string): Uint8Array {
  const raw = readFileSync(join(hardwareFixtures, relative));
  return new Uint8Array(relative.endsWith('.gz') ? gunzipSync(raw) : raw);
}
