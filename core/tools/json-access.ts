/**
 * Tiny safe readers over parsed tool JSON (`unknown`). A missing key, a wrong type or an out-of-range number
 * reads as `null` (unknown), so parsers never throw on odd tool versions or garbage.
 */

export type JsonRecord = Record<string, unknown>;
type Key = string | number;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The top-level JSON object of a tool's stdout, or null for non-JSON, truncated output, arrays, `null`. */
export function parseJsonRecord(text: unknown): JsonRecord | null {
  if (typeof text !== 'string') return null;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** Follows a path of object keys / array indexes; undefined as soon as a step is missing. */
export function at(root: unknown, ...path: Key[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[key];
    } else {
      if (!isRecord(cur) || !Object.hasOwn(cur, key)) return undefined;
      cur = cur[key];
    }
  }
  return cur;
}

/** An integer JSON number. Unsafe integers (> 2^53) lost precision in JSON.parse: they are unknown, not rounded. */
export function int(root: unknown, ...path: Key[]): number | null {
  const value = at(root, ...path);
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/** A non-negative integer JSON number (registers, counters, sizes). */
export function uint(root: unknown, ...path: Key[]): number | null {
  const value = int(root, ...path);
  return value !== null && value >= 0 ? value : null;
}

export function str(root: unknown, ...path: Key[]): string | null {
  const value = at(root, ...path);
  return typeof value === 'string' ? value : null;
}

/** A string with padding (spaces, NULs from fixed-width IDENTIFY fields) removed; empty reads as unknown. */
export function text(root: unknown, ...path: Key[]): string | null {
  const value = str(root, ...path);
  if (value === null) return null;
  const trimmed = value.replace(/^[\s\0]+|[\s\0]+$/g, '');
  return trimmed === '' ? null : trimmed;
}

export function bool(root: unknown, ...path: Key[]): boolean | null {
  const value = at(root, ...path);
  return typeof value === 'boolean' ? value : null;
}

export function rec(root: unknown, ...path: Key[]): JsonRecord | null {
  const value = at(root, ...path);
  return isRecord(value) ? value : null;
}

/** An array, or empty when absent: callers map over entries and narrow each one. */
export function list(root: unknown, ...path: Key[]): unknown[] {
  const value = at(root, ...path);
  return Array.isArray(value) ? value : [];
}

/** Bit `index` of a register value read from JSON; null when the register is unknown. Works past bit 31. */
export function bit(value: number | null, index: number): boolean | null {
  if (value === null || !Number.isSafeInteger(value) || value < 0) return null;
  return Math.floor(value / 2 ** index) % 2 === 1;
}

/** Bits `low`..`low + width - 1` of a register value as a number; null when the register is unknown. */
export function bits(value: number | null, low: number, width: number): number | null {
  if (value === null || !Number.isSafeInteger(value) || value < 0) return null;
  return Math.floor(value / 2 ** low) % 2 ** width;
}
