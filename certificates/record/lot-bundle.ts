import * as v from 'valibot';
import { type Text, text } from '../../core/i18n.js';
import { check, list, literal, obj, say, str } from '../../core/schema.js';
import { RecordInvalidError } from '../errors.js';
import { type ErasureRecord, ErasureRecordSchema } from './schema.js';

/** What a lot certificate embeds: every record of one donation lot, sorted by record ID. */
export const LOT_BUNDLE_SCHEMA = 'gomme.lot-bundle/1' as const;

/** `completedAt`: the latest record completion, the lot certificate's date. */
export const LotBundleSchema = v.pipe(
  obj({
    schema: literal(LOT_BUNDLE_SCHEMA),
    lotId: str,
    donor: str,
    completedAt: str,
    records: list(ErasureRecordSchema),
  }),
  v.forward(
    v.check((b) => b.records.length > 0, say('vide', 'empty')),
    ['records'],
  ),
);
export type LotBundle = v.InferOutput<typeof LotBundleSchema>;

export function buildLotBundle(records: ErasureRecord[]): LotBundle {
  const first = records[0];
  if (!first) throw new RecordInvalidError([text('lot : aucun enregistrement', 'lot: no records')]);
  const others = records.filter((r) => r.lot.id !== first.lot.id);
  if (others.length > 0)
    throw new RecordInvalidError([
      text(
        `lot : enregistrements de plusieurs lots (${first.lot.id}, ${others[0]?.lot.id})`,
        `lot: records of several lots (${first.lot.id}, ${others[0]?.lot.id})`,
      ),
    ]);
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

export function isLotBundle(value: unknown): boolean {
  return (value as { schema?: unknown } | null)?.schema === LOT_BUNDLE_SCHEMA;
}

export function lotBundleIssues(value: unknown): Text[] {
  const result = check(LotBundleSchema, value, 'lot');
  return result.ok ? [] : result.issues;
}
