/**
 * The journal's public face. Everything gomme keeps on the data partition goes through these typed stores;
 * no SQL is written anywhere else (test/unit/core/journal/no-sql-outside.test.ts checks it).
 */
export type { BatchesStore } from './batches.js';
export type { CertificateRow, CertificatesStore } from './certificates.js';
export { type JournalHooks, WRITE_POINTS, type WritePoint } from './db.js';
export {
  classifyJournalError,
  freeBytes,
  JournalBusyError,
  JournalCorruptError,
  JournalError,
  JournalFullError,
  JournalIoError,
  JournalReadOnlyError,
  JournalTooNewError,
} from './errors.js';
export type {
  Interruption,
  JobFigures,
  JobOwner,
  JobRefusal,
  JobState,
  JobsStore,
  StoredJob,
} from './jobs.js';
export {
  type IntegrityReport,
  JOURNAL_FILE,
  Journal,
  type JournalOptions,
  openJournal,
} from './open-journal.js';
export { type OutboxItem, type OutboxKind, type OutboxStore, retryDelayMs } from './outbox.js';
export type { PasswordsStore } from './passwords.js';
export { RecordConflictError, type RecordFilter, type RecordRow, type RecordsStore } from './records.js';
