import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The native keystream writer built from native/aes-ctr-fill.c by `npm ci` (package.json "install"). */
export interface AesCtrNative {
  /** Writes into target the keystream that starts `skip` bytes into the block whose counter is `counter`. */
  fill(target: Uint8Array, key: Uint8Array, counter: Uint8Array, skip: number): void;
  /** The same on a libuv pool thread; target must not be touched until the promise settles. */
  fillAsync(target: Uint8Array, key: Uint8Array, counter: Uint8Array, skip: number): Promise<void>;
  /** The OpenSSL doing the work (Node's own, or the system's when Node links it). */
  opensslVersion(): string;
}

export type AesCtrNativeLoad = { module: AesCtrNative; path: string } | { module: null; problem: string };

const MODULE_FILE = 'native/build/Release/gomme_aes_ctr.node';

/**
 * Where the module sits: beside this file in the source tree (tests run from source), or at the same place in
 * the source tree when this file runs from dist/erasure/patterns/ (tsc does not copy build outputs) or from the
 * live image's bundle in dist/bundle/ (iso-build/bundle-app.mjs).
 */
function candidatePaths(): string[] {
  return [
    new URL(`./${MODULE_FILE}`, import.meta.url),
    new URL(`../../../erasure/patterns/${MODULE_FILE}`, import.meta.url),
    new URL(`../../erasure/patterns/${MODULE_FILE}`, import.meta.url),
  ].map((url) => fileURLToPath(url));
}

let loaded: AesCtrNativeLoad | undefined;

/** Loads the module once. A missing or broken build is reported, not thrown: node:crypto still works, slower. */
export function loadAesCtrNative(): AesCtrNativeLoad {
  if (loaded) return loaded;
  const path = candidatePaths().find((candidate) => existsSync(candidate));
  if (!path) {
    loaded = {
      module: null,
      problem: `${MODULE_FILE} is not built (run npm ci, which needs gcc, make and python3)`,
    };
    return loaded;
  }
  try {
    loaded = { module: createRequire(import.meta.url)(path) as AesCtrNative, path };
  } catch (error) {
    loaded = { module: null, problem: `${path} does not load: ${(error as Error).message}` };
  }
  return loaded;
}
