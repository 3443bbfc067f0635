import type { Text } from '../../core/i18n.js';
import { isLotBundle, type LotBundle, lotBundleIssues } from '../record/lot-bundle.js';
import { type ErasureRecord, RECORD_SCHEMA } from '../record/schema.js';
import { recordIssues } from '../record/validate.js';

export type Payload = ErasureRecord | LotBundle;

/**
 * The embedded file read back: a gomme record or lot bundle (by its `schema` field, well-formed or not), or
 * something else. A gomme payload marks the PDF as a gomme certificate even when its Info dictionary is gone.
 */
export function parsePayload(
  bytes: Buffer,
): { kind: 'gomme'; value: Payload; issues: Text[] } | { kind: 'other' } {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return { kind: 'other' };
    throw error;
  }
  if (isLotBundle(value)) return { kind: 'gomme', value: value as LotBundle, issues: lotBundleIssues(value) };
  if ((value as { schema?: unknown } | null)?.schema === RECORD_SCHEMA)
    return { kind: 'gomme', value: value as ErasureRecord, issues: recordIssues(value) };
  return { kind: 'other' };
}
