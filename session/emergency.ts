import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErasureRecordInput } from '../certificates/record/input.js';
import type { EraseResult } from '../core/events.js';
import type { JournalError } from '../core/journal/index.js';
import { reportedWritten } from '../erasure/jobs/written-bytes.js';
import type { SessionFacts } from './facts.js';
import { type JournaledJob, recordInputFor } from './record-input.js';

/** What reached one drive, when the journal could not say it any more. */
export interface ReachedDrive {
  jobId: string;
  device: string;
  serial: string | null;
  result: EraseResult;
  /** Passes written completely (verified where the plan asks). */
  passesCompleted: number;
  /** The last point known to be on the drive: pass (0-based) and byte offset. */
  checkpoint: { pass: number; offset: number };
  bytesWritten: number;
}

export interface EmergencyCopy {
  code: string;
  message: JournalError['text'];
  journal: string;
  drives: ReachedDrive[];
  /** One record input per batch, every drive of the run in it (stopped ones ABORTED): `gomme cert issue FILE`. */
  records: ErasureRecordInput[];
  /** Where the copies were written; `failures` says where they could not be. */
  files: string[];
  failures: string[];
}

/**
 * The journal failed during or right after an erasure: what this process knows is written somewhere else,
 * first beside the journal, else in the temporary folder. The front end also prints it (stdout, and the serial
 * console in unattended mode). The outbox lives inside the journal, so it cannot serve here.
 */
export function writeEmergencyCopy(
  jobs: readonly JournaledJob[],
  facts: ReadonlyMap<string, SessionFacts>,
  fault: JournalError,
  dataDir: string,
  now: Date,
): EmergencyCopy {
  const at = now.toISOString();
  // A refused job never touched its drive: no record to keep, nothing reached it.
  const reached = jobs.filter((j) => j.job.state !== 'refused');
  const records: ErasureRecordInput[] = [];
  for (const [batchId, batchFacts] of facts) {
    const group = reached
      .filter((j) => j.job.batchId === batchId)
      .map((j) => ({
        ...j,
        job: {
          ...j.job,
          discarded: null,
          // The note travels with the record: where the drive was when the journal failed.
          ...(j.job.state === 'finished' ? {} : { endedAt: at }),
        },
      }));
    if (group.length === 0) continue;
    const input = recordInputFor(group, batchFacts, at);
    input.drives.forEach((d, i) => {
      const job = group[i]?.job;
      if (job)
        d.notes = `journal failure (${fault.code}): last checkpoint pass ${job.checkpoint.pass + 1}, byte ${job.checkpoint.offset}`;
    });
    records.push(input);
  }
  const copy: EmergencyCopy = {
    code: fault.code,
    message: fault.text,
    journal: fault.file,
    drives: reached.map(({ job }) => ({
      jobId: job.jobId,
      device: job.drive.path,
      serial: job.drive.serial,
      result: job.state === 'finished' ? (job.result ?? 'FAILED') : 'ABORTED',
      passesCompleted: job.outcome?.passesCompleted ?? job.checkpoint.pass,
      checkpoint: job.checkpoint,
      bytesWritten: reportedWritten(job.figures, job.outcome, job.checkpoint).bytesWritten,
    })),
    records,
    files: [],
    failures: [],
  };
  const stamp = at.replace(/[:.]/g, '-');
  for (const dir of [join(dataDir, 'emergency'), join(tmpdir(), 'gomme-emergency')]) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const files = records.map((input, i) => {
        const file = join(dir, `record-input-${stamp}-${i + 1}.json`);
        writeFileSync(file, `${JSON.stringify(input, null, 2)}\n`, { mode: 0o600 });
        return file;
      });
      copy.files.push(...files);
      break;
    } catch (error) {
      // The data partition may be the very thing that failed: note it and try the next place.
      if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
      copy.failures.push(`${dir}: ${(error as Error).message}`);
    }
  }
  return copy;
}
