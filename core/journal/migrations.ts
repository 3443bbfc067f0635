import type { Database } from 'better-sqlite3';

/**
 * Ordered schema migrations. Migration N (1-based position) brings the database to PRAGMA user_version N.
 * Append only: never edit or reorder a shipped entry (journals on donated-PC USB sticks are already at it).
 * The erasure engine's jobs/checkpoints tables go in a new entry at the end.
 */
export interface Migration {
  name: string;
  up(db: Database): void;
}

export const migrations: readonly Migration[] = [
  {
    name: 'records and certificates',
    up(db) {
      db.exec(`
        CREATE TABLE records (
          record_id     TEXT PRIMARY KEY,
          schema        TEXT NOT NULL,
          lot_id        TEXT NOT NULL,
          donor         TEXT NOT NULL,
          machine_serial TEXT,
          completed_at  TEXT NOT NULL,
          result        TEXT NOT NULL,
          drive_count   INTEGER NOT NULL,
          sha256        TEXT NOT NULL,
          -- The canonical JSON bytes, exactly as hashed and embedded in PDFs.
          json          TEXT NOT NULL,
          committed_at  TEXT NOT NULL
        ) STRICT;
        CREATE INDEX records_lot ON records (lot_id);
        CREATE INDEX records_completed ON records (completed_at);

        CREATE TABLE certificates (
          certificate_id TEXT NOT NULL,
          kind          TEXT NOT NULL CHECK (kind IN ('drive', 'machine', 'lot')),
          record_id     TEXT REFERENCES records (record_id),
          lot_id        TEXT NOT NULL,
          payload_sha256 TEXT NOT NULL,
          pdf_sha256    TEXT NOT NULL,
          pdf_path      TEXT NOT NULL,
          signer        TEXT NOT NULL,
          rendered_at   TEXT NOT NULL,
          PRIMARY KEY (certificate_id, pdf_sha256)
        ) STRICT;
        CREATE INDEX certificates_record ON certificates (record_id);
      `);
    },
  },
  {
    name: 'erasure jobs, checkpoints and errors',
    up(db) {
      db.exec(`
        CREATE TABLE erase_jobs (
          job_id        TEXT PRIMARY KEY,
          batch_id      TEXT NOT NULL,
          device        TEXT NOT NULL,
          -- The drive's facts when the job started: a resume must find the same drive (serial, size).
          drive_json    TEXT NOT NULL,
          method        TEXT NOT NULL,
          -- Resolved passes with their seeds and the sampling seed: enough to resume and to re-verify.
          plan_json     TEXT NOT NULL,
          state         TEXT NOT NULL CHECK (state IN ('running', 'aborted', 'finished')),
          checkpoint_pass   INTEGER NOT NULL DEFAULT 0,
          checkpoint_offset INTEGER NOT NULL DEFAULT 0,
          checkpointed_at   TEXT,
          pid           INTEGER,
          started_at    TEXT NOT NULL,
          ended_at      TEXT,
          result        TEXT,
          outcome_json  TEXT,
          -- [{detectedAt, pass, offset, reason}] each time the job was found dead or stopped and taken up again.
          interruptions_json TEXT NOT NULL DEFAULT '[]'
        ) STRICT;
        CREATE INDEX erase_jobs_state ON erase_jobs (state);

        -- Errors are written as they happen, so a crash cannot turn a failed job into a clean one.
        CREATE TABLE erase_job_errors (
          job_id    TEXT NOT NULL REFERENCES erase_jobs (job_id),
          seq       INTEGER NOT NULL,
          operation TEXT NOT NULL,
          pass      INTEGER,
          offset    INTEGER NOT NULL,
          length    INTEGER NOT NULL,
          code      TEXT NOT NULL,
          message   TEXT NOT NULL,
          at        TEXT NOT NULL,
          PRIMARY KEY (job_id, seq)
        ) STRICT;
      `);
    },
  },
  {
    name: 'temporary ATA passwords',
    up(db) {
      db.exec(`
        -- The password ATA Security Erase sets, kept until hdparm -I shows "not enabled" again: if gomme dies in
        -- between, it is the only way to unlock the donated drive.
        CREATE TABLE drive_passwords (
          serial    TEXT PRIMARY KEY,
          password  TEXT NOT NULL,
          set_at    TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];
