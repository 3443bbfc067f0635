import type { Text } from '../../core/i18n.js';
import { check } from '../../core/schema.js';
import { RecordInvalidError } from '../errors.js';
import { type ErasureRecord, ErasureRecordSchema } from './schema.js';

/** Structural issues of an untrusted value ("record.drives[0].serial: …"), empty when it is a well-formed record. */
export function recordIssues(value: unknown): Text[] {
  const result = check(ErasureRecordSchema, value, 'record');
  return result.ok ? [] : result.issues;
}

export function validateRecord(value: unknown): ErasureRecord {
  const result = check(ErasureRecordSchema, value, 'record');
  if (!result.ok) throw new RecordInvalidError(result.issues);
  return result.value;
}
