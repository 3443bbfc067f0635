import type { JournalDb } from './db.js';

export type OutboxKind = 'record' | 'certificate' | 'diagnostics' | 'capture';

/** Something to push to the workshop hub. Queued in the transaction that commits it; no network code here. */
export interface OutboxItem {
  itemId: number;
  kind: OutboxKind;
  /** Record ID, certificate ID, or the report/bundle file name. */
  ref: string;
  /** The file to send; null when the payload is in the journal (a record's canonical JSON). */
  path: string | null;
  sha256: string;
  /** null when unknown. */
  bytes: number | null;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastError: string | null;
  acknowledgedSha256: string | null;
  acknowledgedAt: string | null;
}

const COLUMNS = `item_id AS itemId, kind, ref, path, sha256, bytes, created_at AS createdAt, attempts,
  next_attempt_at AS nextAttemptAt, last_attempt_at AS lastAttemptAt, last_error AS lastError,
  acknowledged_sha256 AS acknowledgedSha256, acknowledged_at AS acknowledgedAt`;

/** Retry delay after `attempts` failures: 1 min, doubling, at most 6 h (a hub may be off for a weekend). */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

export class OutboxStore {
  constructor(private readonly db: JournalDb) {}

  /** Idempotent for the same kind, ref and content. */
  enqueue(
    item: { kind: OutboxKind; ref: string; path: string | null; sha256: string; bytes: number | null },
    at: string,
  ) {
    this.db.write('outbox-queued', () =>
      this.db.run(
        `INSERT OR IGNORE INTO outbox (kind, ref, path, sha256, bytes, created_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        item.kind,
        item.ref,
        item.path,
        item.sha256,
        item.bytes,
        at,
        at,
      ),
    );
  }

  /** What a pusher should send now: not acknowledged, next attempt due, oldest first. */
  due(now: string, limit = 20): OutboxItem[] {
    return this.db.all<OutboxItem>(
      `SELECT ${COLUMNS} FROM outbox WHERE acknowledged_at IS NULL AND next_attempt_at <= ?
       ORDER BY next_attempt_at, item_id LIMIT ?`,
      now,
      limit,
    );
  }

  /** A failed push: counted, and tried again later. */
  failed(itemId: number, error: string, at: Date): void {
    this.db.write('outbox-attempt', () => {
      const row = this.db.get<{ attempts: number }>('SELECT attempts FROM outbox WHERE item_id = ?', itemId);
      const attempts = (row?.attempts ?? 0) + 1;
      this.db.run(
        `UPDATE outbox SET attempts = ?, last_attempt_at = ?, last_error = ?, next_attempt_at = ? WHERE item_id = ?`,
        attempts,
        at.toISOString(),
        error,
        new Date(at.getTime() + retryDelayMs(attempts)).toISOString(),
        itemId,
      );
    });
  }

  /**
   * The hub says it holds `sha256`. Only the same digest closes the item: a hub holding other bytes (an older
   * rendering, a damaged upload) leaves it queued, with the reason.
   */
  acknowledge(itemId: number, sha256: string, at: Date): boolean {
    return this.db.write('outbox-acknowledged', () => {
      const row = this.db.get<{ sha256: string }>('SELECT sha256 FROM outbox WHERE item_id = ?', itemId);
      if (!row) return false;
      if (row.sha256 !== sha256) {
        this.db.run(
          'UPDATE outbox SET acknowledged_sha256 = ?, last_error = ? WHERE item_id = ?',
          sha256,
          `hub holds ${sha256}, expected ${row.sha256}`,
          itemId,
        );
        return false;
      }
      this.db.run(
        'UPDATE outbox SET acknowledged_sha256 = ?, acknowledged_at = ?, last_error = NULL WHERE item_id = ?',
        sha256,
        at.toISOString(),
        itemId,
      );
      return true;
    });
  }

  list(filter: { pending?: boolean } = {}): OutboxItem[] {
    const where = filter.pending ? 'WHERE acknowledged_at IS NULL' : '';
    return this.db.all<OutboxItem>(`SELECT ${COLUMNS} FROM outbox ${where} ORDER BY item_id`);
  }
}
