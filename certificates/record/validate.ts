import { RecordInvalidError } from '../errors.js';
import {
  bool,
  type Check,
  count,
  isoDate,
  list,
  literal,
  nonEmpty,
  nullable,
  obj,
  oneOf,
  range,
  str,
} from './check.js';
import {
  DESTINATIONS,
  DRIVE_RESULTS,
  ERROR_KINDS,
  type ErasureRecord,
  HIDDEN_AREA_HANDLING,
  INTERFACES,
  MEDIA_TYPES,
  NIST_LEVELS,
  RECORD_SCHEMA,
  VERIFICATION_METHODS,
} from './schema.js';

const ns = nullable(str);
const person = obj({ name: nonEmpty, role: ns, contact: ns });
const hiddenArea = obj({
  found: nullable(bool),
  handling: oneOf(HIDDEN_AREA_HANDLING),
  sectors: nullable(count),
});

const drive = obj({
  index: count,
  device: str,
  manufacturer: ns,
  model: ns,
  serial: ns,
  wwn: ns,
  firmware: ns,
  mediaType: oneOf(MEDIA_TYPES),
  interface: oneOf(INTERFACES),
  sizeBytes: count,
  assetTag: ns,
  hiddenAreas: obj({ hpa: hiddenArea, dco: hiddenArea }),
  sanitization: obj({
    nistLevel: oneOf(NIST_LEVELS),
    method: nonEmpty,
    methodLabel: nonEmpty,
    ieee2883Technique: nonEmpty,
    passes: list(obj({ pattern: nonEmpty, verified: bool })),
    tool: obj({ name: nonEmpty, version: nonEmpty }),
    commands: list(str),
    reliesOnFirmware: bool,
  }),
  verification: obj({
    method: oneOf(VERIFICATION_METHODS),
    coveragePercent: range(0, 100),
    passed: nullable(bool),
    detail: ns,
  }),
  startedAt: isoDate,
  finishedAt: isoDate,
  durationSeconds: range(0, Number.MAX_SAFE_INTEGER),
  bytesWritten: count,
  errors: list(
    obj({
      kind: oneOf(ERROR_KINDS),
      offsetBytes: nullable(count),
      lengthBytes: nullable(count),
      message: str,
    }),
  ),
  interruptions: list(
    obj({ at: isoDate, reason: str, resumedAt: nullable(isoDate), resumeOffsetBytes: nullable(count) }),
  ),
  smart: nullable(
    obj({
      health: oneOf(['passed', 'failed', 'unknown']),
      powerOnHours: nullable(count),
      reallocatedSectors: nullable(count),
      pendingSectors: nullable(count),
      mediaErrors: nullable(count),
      percentageUsed: nullable(count),
    }),
  ),
  result: oneOf(DRIVE_RESULTS),
  destination: oneOf(DESTINATIONS),
  destinationDetail: ns,
  notes: ns,
});

const record: Check = obj({
  schema: literal(RECORD_SCHEMA),
  recordId: nonEmpty,
  completedAt: isoDate,
  organisation: obj({ name: nonEmpty, identifier: ns, address: ns, contact: ns }),
  operator: person,
  verifier: nullable(person),
  location: ns,
  donor: obj({ name: nonEmpty, reference: ns }),
  lot: obj({ id: nonEmpty, receivedAt: nullable(isoDate) }),
  machine: obj({
    vendor: ns,
    model: ns,
    serial: ns,
    uuid: ns,
    assetTag: ns,
    inventory: nullable(obj({ cpu: ns, memoryBytes: nullable(count), notes: ns })),
  }),
  drives: list(drive),
  result: oneOf(DRIVE_RESULTS),
  software: obj({ name: nonEmpty, version: nonEmpty }),
});

/** Structural issues of an untrusted value, empty when it is a well-formed record. */
export function recordIssues(value: unknown): string[] {
  const issues: string[] = [];
  record(value, 'record', issues);
  if (issues.length === 0 && (value as ErasureRecord).drives.length === 0)
    issues.push('record.drives: empty');
  return issues;
}

export function validateRecord(value: unknown): ErasureRecord {
  const issues = recordIssues(value);
  if (issues.length > 0) throw new RecordInvalidError(issues);
  return value as ErasureRecord;
}
