/**
 * The erase session: what every front end (gomme erase, the guide, unattended mode, the demo, and next the
 * hub and netboot) does to erase drives and keep the proof, as plain functions over the event stream, with
 * no terminal in them. Read (discovery, by the caller) → pure plan → checks → apply → certify → report:
 *
 *   const targets = planTargets(drives, devices, request);        // pure
 *   const plans = plansOrRefuse(targets);                           // every refusal before any write
 *   const opened = openSession(settings);                           // journal whole, config, key
 *   requireRoom(opened, plans.length);                              // statfs
 *   await checkTargets(opened, plans.map((p) => p.drive));          // no second job on a drive
 *   const facts = await factsFor(opened, request, system);
 *   const outcome = await runStarted(opened, startJobs(opened, plans, facts), io);
 *   const certified = await certifyRecords(opened.journal, opened.signing, lang, ids);
 */
import type { Drive } from '../core/drive.js';
import type { JournalAccess } from './open-session.js';
import { refuseDrivesWithJobs } from './start-jobs.js';

export { type Certified, certifyRecords, drivePdfs, machinePdfs } from './certify-session.js';
export { type CommittedRecord, commitRecords } from './commit-records.js';
export type { EmergencyCopy, ReachedDrive } from './emergency.js';
export { DEFAULT_DESTINATION, type FactsRequest, resolveFacts, type SessionFacts } from './facts.js';
export { refuseDrivesInUse } from './in-use.js';
export { forgetJob, type JobSummary, listJobs, type RefusedAttempt, refusedAttempts } from './job-list.js';
export { type SecretKind, type SecretNeed, secretKindFor, secretNeeds, triesLeft } from './locked-drives.js';
export {
  type JournalAccess,
  type OpenedSession,
  openJournalAccess,
  openSession,
  requireRoom,
  type SessionConfig,
} from './open-session.js';
export { currentOwner, ownerAlive, type ProcReader, parseStartTicks } from './owner.js';
export { plansOrRefuse, planTargets, type TargetPlan, type TargetRequest } from './plan-targets.js';
export { exitCodeFor, faultWithCopy, recordIdsOf } from './report.js';
export {
  claimJobs,
  missingNotice,
  planResume,
  ResumeDrivesMissingError,
  type ResumePlan,
  resumePlanFor,
} from './resume.js';
export { type DriveOutcome, type RunIo, runStarted, type SessionOutcome } from './run-session.js';
export {
  openPrompt,
  type SecretIntent,
  type SecretOutcome,
  type SecretPrompt,
  type SecretStep,
  stepPrompt,
} from './secret-prompt.js';
export { factsFor } from './session-facts.js';
export { missingKeyNotice, type Signing } from './signing.js';
export { DriveHasJobError, type StartedRun, startJobs } from './start-jobs.js';

/**
 * Before the confirmation: no target already has an unfinished job (exit 3 otherwise). Whether a target is
 * protected or in use is the engine's claim to say, right before the first write (the storage graph read
 * again, then O_EXCL on every target): refused there, the whole command is (TargetsBusyError, exit 3) and its
 * new jobs end refused in the journal, never resumed and never recorded.
 */
export async function checkTargets(access: JournalAccess, drives: readonly Drive[]): Promise<void> {
  refuseDrivesWithJobs(access, drives);
}
