import type { JournalDb } from './db.js';

/**
 * One batch per erasure started: the facts its record needs besides the jobs (organisation, operator, donor,
 * lot, destination, machine, software), committed with the jobs before the first byte is written.
 */
export class BatchesStore<Facts = unknown> {
  constructor(private readonly db: JournalDb) {}

  /** Idempotent: a batch keeps the facts it was created with. */
  create(batchId: string, facts: Facts, createdAt: string): void {
    this.db.write('batch-created', () =>
      this.db.run(
        'INSERT OR IGNORE INTO erase_batches (batch_id, created_at, facts_json) VALUES (?, ?, ?)',
        batchId,
        createdAt,
        JSON.stringify(facts),
      ),
    );
  }

  facts(batchId: string): Facts | null {
    const row = this.db.get<{ facts_json: string }>(
      'SELECT facts_json FROM erase_batches WHERE batch_id = ?',
      batchId,
    );
    return row ? (JSON.parse(row.facts_json) as Facts) : null;
  }
}
