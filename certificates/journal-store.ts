import type { Database } from 'better-sqlite3';
import { getRecordRow, insertRecord, listRecordRows, type RecordFilter } from '../core/journal/records.js';
import { RecordNotFoundError } from './errors.js';
import { canonicalJson, sha256Hex } from './record/canonical-json.js';
import type { ErasureRecord } from './record/schema.js';
import { validateRecord } from './record/validate.js';

export interface CommitResult {
  recordId: string;
  sha256: string;
  outcome: 'inserted' | 'already-present';
}

/**
 * Stores a record in the journal before any PDF exists: the certificate can always be rendered again from it.
 * Idempotent for the same record, so the engine may retry after a crash.
 */
export function commitRecord(db: Database, record: ErasureRecord, now: Date = new Date()): CommitResult {
  const valid = validateRecord(record);
  const json = canonicalJson(valid);
  const sha256 = sha256Hex(json);
  const outcome = insertRecord(db, {
    recordId: valid.recordId,
    schema: valid.schema,
    lotId: valid.lot.id,
    donor: valid.donor.name,
    machineSerial: valid.machine.serial,
    completedAt: valid.completedAt,
    result: valid.result,
    driveCount: valid.drives.length,
    sha256,
    json,
    committedAt: now.toISOString(),
  });
  return { recordId: valid.recordId, sha256, outcome };
}

export function loadRecord(db: Database, recordId: string): ErasureRecord {
  const row = getRecordRow(db, recordId);
  if (!row) throw new RecordNotFoundError(recordId);
  return validateRecord(JSON.parse(row.json));
}

export function listRecords(db: Database, filter: RecordFilter = {}): ErasureRecord[] {
  return listRecordRows(db, filter).map((row) => validateRecord(JSON.parse(row.json)));
}

export function loadLotRecords(db: Database, lotId: string): ErasureRecord[] {
  const records = listRecords(db, { lotId });
  if (records.length === 0) throw new RecordNotFoundError(lotId);
  return records;
}
