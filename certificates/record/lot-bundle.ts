import { RecordInvalidError } from '../errors.js';
import type { ErasureRecord } from './schema.js';
import { recordIssues } from './validate.js';

/** What a lot certificate embeds: every record of one donation lot, sorted by record ID. */
export const LOT_BUNDLE_SCHEMA = 'gomme.lot-bundle/1' as const;

export interface LotBundle {
  schema: typeof LOT_BUNDLE_SCHEMA;
  lotId: string;
  donor: string;
  /** Latest record completion: the lot certificate's date. */
  completedAt: string;
  records: ErasureRecord[];
}

export function buildLotBundle(records: ErasureRecord[]): LotBundle {
  const first = records[0];
  if (!first) throw new RecordInvalidError(['lot: no records']);
  const others = records.filter((r) => r.lot.id !== first.lot.id);
  if (others.length > 0)
    throw new RecordInvalidError([`lot: records of several lots (${first.lot.id}, ${others[0]?.lot.id})`]);
  const sorted = [...records].sort((a, b) => (a.recordId < b.recordId ? -1 : 1));
  const completedAt = sorted
    .map((r) => r.completedAt)
    .reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
  return {
    schema: LOT_BUNDLE_SCHEMA,
    lotId: first.lot.id,
    donor: first.donor.name,
    completedAt,
    records: sorted,
  };
}

export function isLotBundle(value: unknown): value is LotBundle {
  return (value as { schema?: unknown } | null)?.schema === LOT_BUNDLE_SCHEMA;
}

export function lotBundleIssues(value: unknown): string[] {
  const v = value as Partial<LotBundle>;
  if (typeof v.lotId !== 'string' || typeof v.donor !== 'string' || typeof v.completedAt !== 'string') {
    return ['lot: lotId, donor and completedAt must be strings'];
  }
  if (!Array.isArray(v.records) || v.records.length === 0) return ['lot.records: expected a non-empty list'];
  return v.records.flatMap((r, i) => recordIssues(r).map((issue) => `lot.records[${i}] ${issue}`));
}
