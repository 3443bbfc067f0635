import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { JournalError, type OutboxKind, openJournal } from '../core/journal/index.js';

/**
 * Queues a file written outside an erasure (a diagnostics report, a capture bundle) for the workshop hub. The
 * file is already safe on the data partition: a journal that cannot take the entry is reported, not fatal.
 */
export function queueFileForHub(
  dataDir: string,
  kind: Extract<OutboxKind, 'diagnostics' | 'capture'>,
  file: string,
  now: Date = new Date(),
): JournalError | null {
  const bytes = readFileSync(file);
  let journal: ReturnType<typeof openJournal> | null = null;
  try {
    journal = openJournal(dataDir);
    journal.outbox.enqueue(
      {
        kind,
        ref: basename(file),
        path: file,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
      },
      now.toISOString(),
    );
    return null;
  } catch (error) {
    if (error instanceof JournalError) return error;
    throw error;
  } finally {
    journal?.close();
  }
}
