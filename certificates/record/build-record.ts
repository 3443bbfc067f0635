import { text } from '../../core/i18n.js';
import { driveVerdict, RESULT_SEVERITY, worstResult } from '../../core/verdict.js';
import { RecordInvalidError } from '../errors.js';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import type { DriveErasureInput, ErasureRecordInput } from './input.js';
import { type DriveErasure, type DriveResult, type ErasureRecord, RECORD_SCHEMA } from './schema.js';
import { validateRecord } from './validate.js';

/**
 * Pure: the same input always gives the same record, ID included (derived from the content), so a crashed
 * engine that calls it again after a restart commits the same record rather than a duplicate.
 */
export function buildErasureRecord(input: ErasureRecordInput): ErasureRecord {
  if (input.drives.length === 0)
    throw new RecordInvalidError([text('record.drives : aucun disque', 'record.drives: empty')]);
  const drives = input.drives.map(buildDrive);
  const completedAt = drives
    .map((d) => d.finishedAt)
    .reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
  const result = worstResult(drives.map((d) => d.result));
  const body: Omit<ErasureRecord, 'recordId'> = {
    schema: RECORD_SCHEMA,
    completedAt,
    organisation: {
      name: input.organisation.name,
      identifier: input.organisation.identifier ?? null,
      address: input.organisation.address ?? null,
      contact: input.organisation.contact ?? null,
    },
    operator: input.operator,
    verifier: input.verifier ?? null,
    location: input.location ?? null,
    donor: { name: input.donor.name, reference: input.donor.reference ?? null },
    lot: { id: input.lot.id, receivedAt: input.lot.receivedAt ?? null },
    machine: input.machine,
    drives,
    result,
    software: input.software,
  };
  const recordId = input.recordId ?? deriveRecordId(body);
  return validateRecord({ recordId, ...body });
}

/** `GR-20260314-3f9a1c0b7d`: the date for humans sorting paper, a content hash for uniqueness. */
export function deriveRecordId(body: Omit<ErasureRecord, 'recordId'>): string {
  const day = body.completedAt.slice(0, 10).replaceAll('-', '');
  return `GR-${day}-${sha256Hex(canonicalJson(body)).slice(0, 10)}`;
}

/** The facts of a drive, judged by the one verdict every engine uses (core/verdict.ts). */
export function deriveDriveResult(d: DriveErasureInput): DriveResult {
  // A drive nothing could erase is never ERASED, whatever else the record says.
  if (d.notErased) return 'FAILED';
  return driveVerdict({
    stopped: d.aborted === true,
    errorCount: (d.errors ?? []).length,
    verificationPassed: d.verification.passed,
    hiddenAreaLeft: [d.hiddenAreas.hpa, d.hiddenAreas.dco].some((a) => a.handling === 'left-in-place'),
    unresumedInterruption: (d.interruptions ?? []).some((i) => i.resumedAt === null),
  });
}

function buildDrive(d: DriveErasureInput, i: number): DriveErasure {
  const derived = deriveDriveResult(d);
  // The engine may be stricter than the rules above, never more lenient.
  if (d.result !== undefined && RESULT_SEVERITY[d.result] < RESULT_SEVERITY[derived]) {
    throw new RecordInvalidError([
      text(
        `record.drives[${i}].result : ${d.result} contredit les faits (${derived})`,
        `record.drives[${i}].result: ${d.result} contradicts the facts (${derived})`,
      ),
    ]);
  }
  if (d.notErased && (d.destination ?? 'unknown') !== 'destruction') {
    throw new RecordInvalidError([
      text(
        `record.drives[${i}] : un disque non effacé va à la destruction`,
        `record.drives[${i}]: a drive that was not erased goes to destruction`,
      ),
    ]);
  }
  const started = Date.parse(d.startedAt);
  const finished = Date.parse(d.finishedAt);
  if (finished < started)
    throw new RecordInvalidError([
      text(
        `record.drives[${i}] : finishedAt est antérieur à startedAt`,
        `record.drives[${i}]: finishedAt is before startedAt`,
      ),
    ]);
  const { aborted: _aborted, result: _result, ...facts } = d;
  return {
    ...facts,
    index: i + 1,
    wwn: d.wwn ?? null,
    firmware: d.firmware ?? null,
    assetTag: d.assetTag ?? null,
    durationSeconds: Math.round((finished - started) / 1000),
    errors: d.errors ?? [],
    interruptions: d.interruptions ?? [],
    smart: d.smart ?? null,
    result: d.result ?? derived,
    destination: d.destination ?? 'unknown',
    destinationDetail: d.destinationDetail ?? null,
    notes: d.notes ?? null,
  };
}
