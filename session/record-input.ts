import type { DriveErasureInput, ErasureRecordInput } from '../certificates/record/input.js';
import type { ErasureError, HiddenArea, MediaType } from '../certificates/record/schema.js';
import type { Drive } from '../core/drive.js';
import type { IoErrorRange } from '../core/events.js';
import type { JobOutcome, JobRow } from '../erasure/jobs/job-store.js';
import { commandLines } from '../erasure/jobs/run-purge-job.js';
import { reportedWritten } from '../erasure/jobs/written-bytes.js';
import { describePattern } from '../erasure/plan/resolve-passes.js';
import type { SessionFacts } from './facts.js';

/** A job as the journal holds it, with its errors: all a record needs to say about one drive. */
export interface JournaledJob {
  job: JobRow;
  errors: IoErrorRange[];
}

/**
 * Pure: the record input for jobs that ended (or, in an emergency copy, stopped). Built from the journal alone,
 * so a record committed after a crash is byte for byte the one the crashed process would have committed.
 */
export function recordInputFor(
  jobs: readonly JournaledJob[],
  facts: SessionFacts,
  at: string,
): ErasureRecordInput {
  return {
    organisation: facts.organisation,
    operator: { name: facts.operator, role: null, contact: null },
    donor: { name: facts.donor },
    lot: { id: facts.lot },
    machine: { ...facts.machine, inventory: facts.inventory ?? null },
    drives: jobs.map((j) => driveInput(j, facts, at)),
    software: facts.software,
  };
}

function driveInput({ job, errors }: JournaledJob, facts: SessionFacts, at: string): DriveErasureInput {
  const { drive, plan, outcome } = job;
  const verified = outcome?.verification;
  const purge = outcome?.purge;
  const result = job.state === 'finished' ? (job.result ?? 'FAILED') : 'ABORTED';
  return {
    device: drive.path,
    manufacturer: drive.vendor,
    model: drive.model,
    serial: drive.serial,
    wwn: drive.wwn,
    firmware: drive.firmware,
    mediaType: mediaType(drive),
    interface: drive.transport,
    sizeBytes: drive.sizeBytes,
    hiddenAreas: hiddenAreas(drive, outcome),
    sanitization: outcome?.notErased
      ? {
          nistLevel: 'destroy',
          method: 'destroy',
          methodLabel: 'Not erased: to be destroyed',
          ieee2883Technique: 'None (not sanitized)',
          passes: [],
          tool: facts.software,
          commands: [],
          reliesOnFirmware: false,
        }
      : purge
        ? {
            nistLevel: plan.nistLevel,
            method: purge.engine,
            methodLabel: purge.technique,
            ieee2883Technique: purge.technique,
            passes: [{ pattern: `device: ${purge.technique}`, verified: purge.verification !== null }],
            tool: purgeTool(purge.toolVersions, facts),
            commands: commandLines(purge.outcome.commands),
            reliesOnFirmware: true,
          }
        : {
            nistLevel: plan.nistLevel,
            method: plan.methodId,
            methodLabel: plan.methodLabel,
            ieee2883Technique: 'Overwrite',
            passes: plan.passes.map((p) => ({
              pattern: describePattern(p.pattern),
              verified: p.verify !== 'none',
            })),
            tool: facts.software,
            commands: [
              ...commandLines(outcome?.preparation?.commands ?? []),
              `gomme erase ${drive.path} --method ${plan.methodId} --verify ${plan.verify}`,
            ],
            reliesOnFirmware: false,
          },
    verification: {
      method: verificationMethod(verified?.mode),
      coveragePercent: Math.round((verified?.coverage ?? 0) * 1000) / 10,
      passed: verified?.passed ?? null,
      detail: verified
        ? `${verified.mode}: ${verified.bytesRead} bytes read back, ${verified.mismatchedBytes} differing`
        : null,
    },
    startedAt: job.startedAt,
    finishedAt: job.endedAt ?? outcome?.endedAt ?? at,
    // Bytes that reached the drive across every resume.
    bytesWritten: reportedWritten(job.figures, outcome, job.checkpoint).bytesWritten,
    errors: errors.map(toRecordError),
    interruptions: job.interruptions.map((i) => ({
      at: i.detectedAt,
      reason: i.reason,
      resumedAt: i.detectedAt,
      resumeOffsetBytes: i.offset,
    })),
    result,
    aborted: result === 'ABORTED',
    destination: outcome?.notErased ? 'destruction' : facts.destination,
    ...(outcome?.notErased
      ? {
          destinationDetail: outcome.notErased.reason.en,
          notErased: {
            code: outcome.notErased.code,
            reasonFr: outcome.notErased.reason.fr,
            reasonEn: outcome.notErased.reason.en,
          },
        }
      : {}),
    notes: job.discarded
      ? `job ${job.jobId} discarded: ${job.discarded.reason}`
      : outcome?.preparation?.notes.join('; ') || null,
  };
}

function verificationMethod(mode: string | undefined): 'none' | 'full' | 'sampling' | 'crypto-compare' {
  if (!mode || mode === 'none') return 'none';
  if (mode === 'purge-compare') return 'crypto-compare';
  if (mode === 'sample' || mode === 'purge-pattern') return 'sampling';
  return 'full';
}

/** The program that sent the firmware command, with its version, and gomme that drove it. */
function purgeTool(
  versions: Record<string, string | null>,
  facts: SessionFacts,
): { name: string; version: string } {
  const [name, version] = Object.entries(versions)[0] ?? ['gomme', facts.software.version];
  return { name: `${name} (via gomme ${facts.software.version})`, version: version ?? 'unknown' };
}

function toRecordError(e: IoErrorRange): ErasureError {
  const kind =
    e.operation === 'write' || e.operation === 'read' || e.operation === 'verify' || e.operation === 'command'
      ? e.operation
      : 'other';
  return {
    kind,
    offsetBytes: e.length > 0 || e.offset > 0 ? e.offset : null,
    lengthBytes: e.length > 0 ? e.length : null,
    message: `${e.code}: ${e.message}`,
  };
}

function mediaType(drive: Drive): MediaType {
  if (drive.transport === 'usb' && drive.rotational === false) return 'usb-flash';
  if (drive.transport === 'mmc') return 'memory-card';
  if (drive.rotational === true) return 'hdd';
  if (drive.rotational === false) return 'ssd';
  return 'unknown';
}

/** What the record says of hidden areas; one left in place makes the result ERASED_WITH_EXCEPTIONS. */
export function hiddenAreas(
  drive: Drive,
  outcome?: Pick<JobOutcome, 'preparation'> | null,
): { hpa: HiddenArea; dco: HiddenArea } {
  const hpa = drive.capabilities.hiddenAreas?.hpa;
  const dco = drive.capabilities.hiddenAreas?.dco;
  const restored = outcome?.preparation?.hpa;
  if (restored) {
    // gomme tried to give the HPA back before the overwrite: the record says what the drive did.
    return {
      hpa: {
        found: true,
        handling: restored.removed ? 'removed' : 'left-in-place',
        sectors: restored.sectors,
        firstSector: restored.firstSector,
      },
      dco: dcoArea(dco, hpa?.nativeMaxSectors ?? null),
    };
  }
  const hpaHidden =
    hpa?.nativeMaxSectors != null && hpa.currentMaxSectors != null
      ? hpa.nativeMaxSectors - hpa.currentMaxSectors
      : null;
  return {
    hpa: hpa
      ? {
          found: hpa.enabled,
          // An overwrite reaches only the visible sectors: a hidden area stays where it is, and the record says so.
          handling: hpa.enabled ? 'left-in-place' : 'none-found',
          sectors: hpaHidden,
        }
      : { found: null, handling: 'not-checked', sectors: null },
    dco: dco
      ? { found: null, handling: 'not-checked', sectors: dco.realMaxSectors }
      : { found: null, handling: 'not-checked', sectors: null },
  };
}

/** A DCO is reported, never restored: found when its real max exceeds the native max. */
function dcoArea(
  dco: { realMaxSectors: number | null } | null | undefined,
  nativeMax: number | null,
): HiddenArea {
  if (!dco || dco.realMaxSectors === null || nativeMax === null)
    return { found: null, handling: 'not-checked', sectors: null };
  const hidden = dco.realMaxSectors - nativeMax;
  return hidden > 0
    ? { found: true, handling: 'left-in-place', sectors: hidden, firstSector: nativeMax }
    : { found: false, handling: 'none-found', sectors: 0 };
}
