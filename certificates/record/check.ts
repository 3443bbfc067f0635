/**
 * Tiny structural checkers for untrusted JSON (a record read back from a file or a PDF).
 * Each checker appends "path: problem" strings instead of throwing, so one pass reports every problem.
 */
export type Check = (value: unknown, path: string, issues: string[]) => void;

export const str: Check = (v, p, issues) => {
  if (typeof v !== 'string') issues.push(`${p}: expected a string`);
};

export const nonEmpty: Check = (v, p, issues) => {
  if (typeof v !== 'string' || v.trim() === '') issues.push(`${p}: expected a non-empty string`);
};

export const isoDate: Check = (v, p, issues) => {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    issues.push(`${p}: expected an ISO 8601 date-time`);
  }
};

export const count: Check = (v, p, issues) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    issues.push(`${p}: expected an integer ≥ 0`);
};

export function range(min: number, max: number): Check {
  return (v, p, issues) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      issues.push(`${p}: expected a number in [${min}, ${max}]`);
    }
  };
}

export const bool: Check = (v, p, issues) => {
  if (typeof v !== 'boolean') issues.push(`${p}: expected true or false`);
};

export function literal(expected: string): Check {
  return (v, p, issues) => {
    if (v !== expected) issues.push(`${p}: expected "${expected}"`);
  };
}

export function oneOf(values: readonly string[]): Check {
  return (v, p, issues) => {
    if (typeof v !== 'string' || !values.includes(v))
      issues.push(`${p}: expected one of ${values.join(', ')}`);
  };
}

export function nullable(inner: Check): Check {
  return (v, p, issues) => {
    if (v !== null) inner(v, p, issues);
  };
}

export function list(item: Check): Check {
  return (v, p, issues) => {
    if (!Array.isArray(v)) {
      issues.push(`${p}: expected a list`);
      return;
    }
    v.forEach((x, i) => {
      item(x, `${p}[${i}]`, issues);
    });
  };
}

/** An object with exactly these keys: unknown keys are refused so a typo cannot hide a missing field. */
export function obj(shape: Record<string, Check>): Check {
  return (v, p, issues) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      issues.push(`${p}: expected an object`);
      return;
    }
    const record = v as Record<string, unknown>;
    for (const [key, check] of Object.entries(shape)) {
      if (!(key in record)) issues.push(`${p}.${key}: missing`);
      else check(record[key], `${p}.${key}`, issues);
    }
    for (const key of Object.keys(record)) {
      if (!(key in shape)) issues.push(`${p}.${key}: unknown field`);
    }
  };
}
