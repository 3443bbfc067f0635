import type { Journal, RecordFilter } from '../core/journal/index.js';
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
 * Stores a record in the journal before any PDF exists (the certificate can always be rendered again from it)
 * and queues it for the hub in the same transaction. Idempotent for the same record, so a retry after a crash
 * commits nothing twice.
 */
export function commitRecord(journal: Journal, record: ErasureRecord, now: Date = new Date()): CommitResult {
  const valid = validateRecord(record);
  const json = canonicalJson(valid);
  const sha256 = sha256Hex(json);
  const outcome = journal.transaction(() => {
    const inserted = journal.records.insert({
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
    journal.outbox.enqueue(
      { kind: 'record', ref: valid.recordId, path: null, sha256, bytes: Buffer.byteLength(json) },
      now.toISOString(),
    );
    return inserted;
  });
  return { recordId: valid.recordId, sha256, outcome };
}

export function loadRecord(journal: Journal, recordId: string): ErasureRecord {
  const row = journal.records.get(recordId);
  if (!row) throw new RecordNotFoundError(recordId);
  return validateRecord(JSON.parse(row.json));
}

export function listRecords(journal: Journal, filter: RecordFilter = {}): ErasureRecord[] {
  return journal.records.list(filter).map((row) => validateRecord(JSON.parse(row.json)));
}

export function loadLotRecords(journal: Journal, lotId: string): ErasureRecord[] {
  const records = listRecords(journal, { lotId });
  if (records.length === 0) throw new RecordNotFoundError(lotId);
  return records;
}
