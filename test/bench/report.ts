/**
 * Collected figures and their rendering. A Series keeps every run (the JSON has them all) and prints its
 * median; a series whose tool failed keeps the reason instead, printed where the number would be.
 */
import { median } from './measure.js';

export class Series {
  readonly runs: number[] = [];
  error: string | undefined;

  add(value: number): void {
    this.runs.push(value);
  }

  fail(error: unknown): void {
    this.error ??= error instanceof Error ? error.message : String(error);
  }

  get median(): number | null {
    return this.error === undefined && this.runs.length > 0 ? median(this.runs) : null;
  }

  get max(): number | null {
    return this.error === undefined && this.runs.length > 0 ? Math.max(...this.runs) : null;
  }

  toJSON(): { median: number | null; runs: number[]; error?: string } {
    return {
      median: this.median,
      runs: this.runs,
      ...(this.error === undefined ? {} : { error: this.error }),
    };
  }
}

export interface Check {
  name: string;
  value: number | null;
  /** e.g. "≥ 0.97" */
  target: string;
  pass: boolean | null;
  /** Why there is no value, when there is none. */
  note?: string;
}

export function atLeast(name: string, value: number | null, min: number, note?: string): Check {
  return { name, value, target: `≥ ${min}`, pass: value === null ? null : value >= min, ...noted(note) };
}

export function atMost(name: string, value: number | null, max: number, note?: string): Check {
  return { name, value, target: `≤ ${max}`, pass: value === null ? null : value <= max, ...noted(note) };
}

export function below(name: string, value: number | null, max: number, note?: string): Check {
  return { name, value, target: `< ${max}`, pass: value === null ? null : value < max, ...noted(note) };
}

function noted(note: string | undefined): { note?: string } {
  return note === undefined ? {} : { note };
}

export function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

export function verdict(check: Check): string {
  if (check.pass === null) return 'n/a';
  return check.pass ? 'PASS' : 'MISS';
}

/** "1234 (1200 1234 1301)", or the failure, shortened. */
export function cell(series: Series, digits = 0, aggregate: 'median' | 'max' = 'median'): string {
  if (series.error !== undefined) return `n/a: ${shorten(series.error, 60)}`;
  const value = aggregate === 'median' ? series.median : series.max;
  if (value === null) return 'n/a';
  const runs = series.runs.map((r) => r.toFixed(digits)).join(' ');
  return `${value.toFixed(digits)} (${runs})`;
}

export function num(value: number | null, digits: number): string {
  return value === null ? 'n/a' : value.toFixed(digits);
}

/** Left-aligned first column, the others too; columns separated by two spaces. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, c] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, c.length);
  }
  return rows
    .map((row) =>
      row
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
