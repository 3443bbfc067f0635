import { GommeError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { text } from '../i18n.js';
import type { JournalDb } from './db.js';

/** One committed erasure record. `json` holds the canonical bytes; the other columns index it. */
export interface RecordRow {
  recordId: string;
  schema: string;
  lotId: string;
  donor: string;
  machineSerial: string | null;
  completedAt: string;
  result: string;
  driveCount: number;
  sha256: string;
  json: string;
  committedAt: string;
}

export interface RecordFilter {
  lotId?: string;
  /** Inclusive ISO bounds on completed_at; a bare date "2026-03-14" works as a prefix bound. */
  from?: string;
  to?: string;
}

export class RecordConflictError extends GommeError {
  constructor(id: string) {
    super(
      'record-conflict',
      text(
        `Le journal contient déjà un enregistrement ${id} différent : il n'est pas remplacé.`,
        `The journal already holds a different record ${id}: it is not replaced.`,
      ),
      { exitCode: ExitCode.REFUSED },
    );
  }
}

const COLUMNS = `record_id AS recordId, schema, lot_id AS lotId, donor, machine_serial AS machineSerial,
  completed_at AS completedAt, result, drive_count AS driveCount, sha256, json, committed_at AS committedAt`;

export class RecordsStore {
  constructor(private readonly db: JournalDb) {}

  /** Idempotent: the same bytes twice is a no-op; different bytes under the same ID are refused. */
  insert(row: RecordRow): 'inserted' | 'already-present' {
    return this.db.transaction(() => {
      const existing = this.db.get<{ sha256: string }>(
        'SELECT sha256 FROM records WHERE record_id = ?',
        row.recordId,
      );
      if (existing) {
        if (existing.sha256 === row.sha256) return 'already-present';
        throw new RecordConflictError(row.recordId);
      }
      this.db.write('record-committed', () =>
        this.db.run(
          `INSERT INTO records (record_id, schema, lot_id, donor, machine_serial, completed_at, result, drive_count,
            sha256, json, committed_at)
           VALUES (@recordId, @schema, @lotId, @donor, @machineSerial, @completedAt, @result, @driveCount, @sha256,
            @json, @committedAt)`,
          row,
        ),
      );
      return 'inserted';
    });
  }

  get(recordId: string): RecordRow | undefined {
    return this.db.get<RecordRow>(`SELECT ${COLUMNS} FROM records WHERE record_id = ?`, recordId);
  }

  list(filter: RecordFilter = {}): RecordRow[] {
    const where: string[] = [];
    const params: Record<string, string> = {};
    if (filter.lotId !== undefined) {
      where.push('lot_id = @lotId');
      params.lotId = filter.lotId;
    }
    if (filter.from !== undefined) {
      where.push('completed_at >= @from');
      params.from = filter.from;
    }
    if (filter.to !== undefined) {
      // A bare day as upper bound means "until the end of that day".
      where.push('completed_at <= @to');
      params.to = /^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? `${filter.to}T\uffff` : filter.to;
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    return this.db.all<RecordRow>(
      `SELECT ${COLUMNS} FROM records ${clause} ORDER BY completed_at, record_id`,
      params,
    );
  }
}
