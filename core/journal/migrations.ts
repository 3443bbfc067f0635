import type { Database } from 'better-sqlite3';

/**
 * Ordered schema migrations. Migration N (1-based position) brings the database to PRAGMA user_version N.
 * Append only: never edit or reorder a shipped entry (journals on donated-PC USB sticks are already at it).
 * Every version has a fixture journal made by the code of its time (test/fixtures/journal/): a new entry comes
 * with a test that migrates each older fixture and keeps every row.
 */
export interface Migration {
  name: string;
  /**
   * The step rebuilds a table that others reference (SQLite cannot change a CHECK in place): it runs with foreign
   * keys off, as SQLite's procedure for schema changes says, and PRAGMA foreign_key_check must find nothing
   * before it commits.
   */
  rebuildsTables?: boolean;
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
  {
    name: 'erase sessions: batch facts, job owners, cumulative figures, record links, discarded jobs',
    up(db) {
      db.exec(`
        -- What a record needs besides the jobs (organisation, operator, donor, lot, destination, machine,
        -- software), written before the first byte: a record can be rebuilt from the journal alone.
        CREATE TABLE erase_batches (
          batch_id    TEXT PRIMARY KEY,
          created_at  TEXT NOT NULL,
          facts_json  TEXT NOT NULL
        ) STRICT;

        -- "<boot id>:<start time in clock ticks>" of the owning process: a PID alone can be reused.
        ALTER TABLE erase_jobs ADD COLUMN owner_start TEXT;
        -- Active time: closed segments in prior_seconds, the open one from segment_started_at.
        ALTER TABLE erase_jobs ADD COLUMN segment_started_at TEXT;
        ALTER TABLE erase_jobs ADD COLUMN prior_seconds REAL NOT NULL DEFAULT 0;
        -- Bytes known to have reached the drive (flushed before a checkpoint), in total and per pass.
        ALTER TABLE erase_jobs ADD COLUMN bytes_written INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE erase_jobs ADD COLUMN pass_bytes_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE erase_jobs ADD COLUMN record_id TEXT REFERENCES records (record_id);
        ALTER TABLE erase_jobs ADD COLUMN discarded_at TEXT;
        ALTER TABLE erase_jobs ADD COLUMN discard_reason TEXT;

        UPDATE erase_jobs SET segment_started_at = started_at WHERE state = 'running';
        UPDATE erase_jobs
          SET prior_seconds = COALESCE(json_extract(outcome_json, '$.seconds'), 0),
              bytes_written = COALESCE(json_extract(outcome_json, '$.bytesWritten'), 0)
          WHERE outcome_json IS NOT NULL;
        CREATE INDEX erase_jobs_record ON erase_jobs (record_id);
      `);
    },
  },
  {
    name: 'outbox for the hub',
    up(db) {
      db.exec(`
        -- Everything a workshop hub should receive, queued in the same transaction that commits it. A row is
        -- done when the hub acknowledges the same SHA-256; until then it is retried (attempts, next_attempt_at).
        CREATE TABLE outbox (
          item_id       INTEGER PRIMARY KEY AUTOINCREMENT,
          kind          TEXT NOT NULL CHECK (kind IN ('record', 'certificate', 'diagnostics', 'capture')),
          -- record ID, certificate ID, or the report/bundle file name
          ref           TEXT NOT NULL,
          -- the file to push (PDF, report, bundle); NULL when the payload is in the journal (a record's JSON)
          path          TEXT,
          sha256        TEXT NOT NULL,
          -- NULL when unknown (PDFs queued by this migration: their size was never logged)
          bytes         INTEGER,
          created_at    TEXT NOT NULL,
          attempts      INTEGER NOT NULL DEFAULT 0,
          next_attempt_at TEXT NOT NULL,
          last_attempt_at TEXT,
          last_error    TEXT,
          acknowledged_sha256 TEXT,
          acknowledged_at TEXT,
          UNIQUE (kind, ref, sha256)
        ) STRICT;
        CREATE INDEX outbox_due ON outbox (acknowledged_at, next_attempt_at);

        -- What was committed before the outbox existed is queued too: the hub gets the whole history.
        INSERT INTO outbox (kind, ref, path, sha256, bytes, created_at, next_attempt_at)
          SELECT 'record', record_id, NULL, sha256, length(CAST(json AS BLOB)), committed_at, committed_at
          FROM records ORDER BY committed_at, record_id;
        INSERT OR IGNORE INTO outbox (kind, ref, path, sha256, bytes, created_at, next_attempt_at)
          SELECT 'certificate', certificate_id, pdf_path, pdf_sha256, NULL, rendered_at, rendered_at
          FROM certificates ORDER BY rendered_at, certificate_id;
      `);
    },
  },
  {
    name: 'password tries per drive',
    up(db) {
      db.exec(`
        -- Password tries gomme sent to a locked drive (ATA allows 5 per power-on, TCG authorities have their own
        -- limit): counted before each try is sent, so no crash or second run can ever make gomme exceed it.
        CREATE TABLE drive_password_attempts (
          attempt_key TEXT PRIMARY KEY,
          attempts    INTEGER NOT NULL,
          last_at     TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    name: 'refused jobs: closed before any write, never resumed, never recorded',
    rebuildsTables: true,
    up(db) {
      db.exec(`
        CREATE TABLE erase_jobs_v7 (
          job_id        TEXT PRIMARY KEY,
          batch_id      TEXT NOT NULL,
          device        TEXT NOT NULL,
          -- The drive's facts when the job started: a resume must find the same drive (serial, size).
          drive_json    TEXT NOT NULL,
          method        TEXT NOT NULL,
          -- Resolved passes with their seeds and the sampling seed: enough to resume and to re-verify.
          plan_json     TEXT NOT NULL,
          -- refused: the command was refused before anything was written to any drive (its target was busy,
          -- protected, gone…): nothing to resume, nothing to record.
          state         TEXT NOT NULL CHECK (state IN ('running', 'aborted', 'finished', 'refused')),
          checkpoint_pass   INTEGER NOT NULL DEFAULT 0,
          checkpoint_offset INTEGER NOT NULL DEFAULT 0,
          checkpointed_at   TEXT,
          pid           INTEGER,
          started_at    TEXT NOT NULL,
          ended_at      TEXT,
          result        TEXT,
          outcome_json  TEXT,
          -- [{detectedAt, pass, offset, reason}] each time the job was found dead or stopped and taken up again.
          interruptions_json TEXT NOT NULL DEFAULT '[]',
          -- "<boot id>:<start time in clock ticks>" of the owning process: a PID alone can be reused.
          owner_start   TEXT,
          -- Active time: closed segments in prior_seconds, the open one from segment_started_at.
          segment_started_at TEXT,
          prior_seconds REAL NOT NULL DEFAULT 0,
          -- Bytes known to have reached the drive (flushed before a checkpoint), in total and per pass.
          bytes_written INTEGER NOT NULL DEFAULT 0,
          pass_bytes_json TEXT NOT NULL DEFAULT '[]',
          record_id     TEXT REFERENCES records (record_id),
          discarded_at  TEXT,
          discard_reason TEXT,
          -- Why a refused job was refused: {"code", "errno", "detail": {"fr", "en"} | null}.
          refusal_json  TEXT,
          CHECK ((state = 'refused') = (refusal_json IS NOT NULL))
        ) STRICT;

        INSERT INTO erase_jobs_v7 (job_id, batch_id, device, drive_json, method, plan_json, state, checkpoint_pass,
            checkpoint_offset, checkpointed_at, pid, started_at, ended_at, result, outcome_json, interruptions_json,
            owner_start, segment_started_at, prior_seconds, bytes_written, pass_bytes_json, record_id, discarded_at,
            discard_reason)
          SELECT job_id, batch_id, device, drive_json, method, plan_json, state, checkpoint_pass, checkpoint_offset,
            checkpointed_at, pid, started_at, ended_at, result, outcome_json, interruptions_json, owner_start,
            segment_started_at, prior_seconds, bytes_written, pass_bytes_json, record_id, discarded_at,
            discard_reason
          FROM erase_jobs ORDER BY rowid;
        DROP TABLE erase_jobs;
        ALTER TABLE erase_jobs_v7 RENAME TO erase_jobs;
        CREATE INDEX erase_jobs_state ON erase_jobs (state);
        CREATE INDEX erase_jobs_record ON erase_jobs (record_id);

        -- Jobs an earlier gomme closed as FAILED when the claim refused its command (schema 4 to 6: one 'command'
        -- error with the claim's code, nothing written, no record yet): refused. Left FAILED, the next command
        -- would commit a record of a failed erasure for drives never touched. Recorded ones stay as signed.
        UPDATE erase_jobs
          SET state = 'refused', result = NULL,
            refusal_json = (
              SELECT json_object(
                'code', CASE e.code
                  WHEN 'EBUSY' THEN 'busy' WHEN 'BUSY' THEN 'busy'
                  WHEN 'EROFS' THEN 'read-only' WHEN 'READ-ONLY' THEN 'read-only'
                  WHEN 'ENOENT' THEN 'gone' WHEN 'ENXIO' THEN 'gone' WHEN 'GONE' THEN 'gone'
                  WHEN 'PROTECTED' THEN 'protected' WHEN 'STALLED' THEN 'stalled'
                  WHEN 'REFUSED' THEN 'other-target' WHEN 'RECHECK' THEN 'recheck-failed'
                  ELSE 'open-failed' END,
                'errno', CASE WHEN e.code GLOB 'E[A-Z]*' THEN e.code END,
                -- The old message was English only; it stays in erase_job_errors.
                'detail', NULL)
              FROM erase_job_errors e WHERE e.job_id = erase_jobs.job_id)
          WHERE state = 'finished' AND result = 'FAILED' AND record_id IS NULL AND outcome_json IS NULL
            AND bytes_written = 0 AND checkpoint_pass = 0 AND checkpoint_offset = 0
            AND batch_id IN (SELECT batch_id FROM erase_batches)
            AND (SELECT count(*) FROM erase_job_errors e WHERE e.job_id = erase_jobs.job_id) = 1
            AND EXISTS (SELECT 1 FROM erase_job_errors e WHERE e.job_id = erase_jobs.job_id
              AND e.operation = 'command' AND e.offset = 0 AND e.length = 0
              AND e.code NOT IN ('OPEN', 'ENGINE_EXITED'));
      `);
    },
  },
];
