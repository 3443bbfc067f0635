import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found from this file whether it runs from source (vitest) or from dist/. */
export const projectRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!statSafe(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

/** The shared real-output corpus, read in place (never copied into the project). */
export const fixturesRoot = resolve(projectRoot, '../shared/fixtures');

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function fixturePath(...parts: string[]): string {
  return join(fixturesRoot, ...parts);
}

/** Reads a corpus file as text (latin1 keeps non-UTF-8 bytes of broken IDENTIFY data one-to-one). */
export function readFixture(relative: string, encoding: BufferEncoding = 'utf8'): string {
  return readFileSync(fixturePath(relative), encoding);
}

/** Every file (relative path) under a corpus folder, optionally filtered by suffix. */
export function listFixtures(folder: string, suffix = ''): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(fixturePath(rel), { withFileTypes: true })) {
      const child = join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(suffix)) out.push(child);
    }
  };
  walk(folder);
  return out.sort();
}
