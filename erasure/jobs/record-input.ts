import type { DriveErasureInput, ErasureRecordInput } from '../../certificates/record/input.js';
import type { Destination, ErasureError, HiddenArea, MediaType } from '../../certificates/record/schema.js';
import type { MachineIdentity } from '../../core/detect/machine-identity.js';
import type { Drive } from '../../core/drive.js';
import type { IoErrorRange } from '../../core/events.js';
import { describePattern } from '../plan/resolve-passes.js';
import type { JobResult } from './run-jobs.js';
import { commandLines } from './run-purge-job.js';

export interface SessionFacts {
  organisation: ErasureRecordInput['organisation'];
  operator: string;
  donor: string;
  lot: string;
  destination: Destination;
  machine: MachineIdentity;
  software: { name: string; version: string };
}

/** Pure: what the certificates need to know about finished overwrite jobs (ABORTED ones are not finished). */
export function recordInputFor(results: JobResult[], session: SessionFacts): ErasureRecordInput | null {
  const finished = results.filter((r) => r.result !== 'ABORTED');
  if (finished.length === 0) return null;
  return {
    organisation: session.organisation,
    operator: { name: session.operator, role: null, contact: null },
    donor: { name: session.donor },
    lot: { id: session.lot },
    machine: {
      vendor: session.machine.vendor,
      model: session.machine.model,
      serial: session.machine.serial,
      uuid: session.machine.uuid,
      assetTag: session.machine.assetTag,
      inventory: null,
    },
    drives: finished.map((r) => driveInput(r, session)),
    software: session.software,
  };
}

function driveInput(r: JobResult, session: SessionFacts): DriveErasureInput {
  const { drive, plan } = r.job;
  const outcome = r.outcome;
  const verified = outcome?.verification;
  const purge = outcome?.purge;
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
    hiddenAreas: hiddenAreas(drive),
    sanitization: purge
      ? {
          nistLevel: plan.nistLevel,
          method: purge.engine,
          methodLabel: purge.technique,
          ieee2883Technique: purge.technique,
          passes: [{ pattern: `device: ${purge.technique}`, verified: purge.verification !== null }],
          tool: purgeTool(purge.toolVersions, session),
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
          tool: session.software,
          commands: [`gomme erase ${drive.path} --method ${plan.methodId} --verify ${plan.verify}`],
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
    startedAt: r.job.startedAt,
    finishedAt: outcome?.endedAt ?? new Date().toISOString(),
    bytesWritten: outcome?.bytesWritten ?? 0,
    errors: r.errors.map(toRecordError),
    interruptions: r.interruptions.map((i) => ({
      at: i.detectedAt,
      reason: i.reason,
      resumedAt: i.detectedAt,
      resumeOffsetBytes: i.offset,
    })),
    result: r.result,
    destination: session.destination,
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
  session: SessionFacts,
): { name: string; version: string } {
  const [name, version] = Object.entries(versions)[0] ?? ['gomme', session.software.version];
  return { name: `${name} (via gomme ${session.software.version})`, version: version ?? 'unknown' };
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

function hiddenAreas(drive: Drive): { hpa: HiddenArea; dco: HiddenArea } {
  const hpa = drive.capabilities.hiddenAreas?.hpa;
  const dco = drive.capabilities.hiddenAreas?.dco;
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
