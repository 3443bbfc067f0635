import * as v from 'valibot';
import {
  bool,
  count,
  isoDate,
  list,
  literal,
  nonEmpty,
  obj,
  oneOf,
  range,
  say,
  str,
} from '../../core/schema.js';

/**
 * The erasure record, schema `gomme.erasure-record/1` (documented field by field in certificates/RECORD.md).
 * One record covers one machine session: the machine, who did the work, and one entry per drive.
 * Vocabulary follows NIST SP 800-88 (Clear/Purge, Appendix G certificate fields) and IEEE 2883 technique names.
 * Convention: `null` means "unknown / not reported", never a guess. The valibot schemas below are the
 * definition: the TypeScript types are derived from them, and `validate.ts` checks untrusted JSON with them.
 */

export const RECORD_SCHEMA = 'gomme.erasure-record/1' as const;

export const DRIVE_RESULTS = ['ERASED', 'ERASED_WITH_EXCEPTIONS', 'FAILED', 'ABORTED'] as const;
export type DriveResult = (typeof DRIVE_RESULTS)[number];

/** 'destroy': nothing could erase the drive; it must be physically destroyed (see `notErased`). */
export const NIST_LEVELS = ['clear', 'purge', 'destroy'] as const;
export type NistLevel = (typeof NIST_LEVELS)[number];

export const MEDIA_TYPES = ['hdd', 'ssd', 'hybrid', 'usb-flash', 'memory-card', 'unknown'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const INTERFACES = [
  'sata',
  'ata',
  'nvme',
  'usb',
  'sas',
  'scsi',
  'virtio',
  'mmc',
  'loop',
  'unknown',
] as const;
export type DriveInterface = (typeof INTERFACES)[number];

export const VERIFICATION_METHODS = ['none', 'full', 'sampling', 'crypto-compare'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const HIDDEN_AREA_HANDLING = ['none-found', 'removed', 'left-in-place', 'not-checked'] as const;
export type HiddenAreaHandling = (typeof HIDDEN_AREA_HANDLING)[number];

export const DESTINATIONS = [
  'reuse',
  'donation',
  'resale',
  'recycling',
  'destruction',
  'return-to-donor',
  'unknown',
] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const ERROR_KINDS = ['write', 'read', 'verify', 'command', 'other'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

const ns = v.nullable(str);

export const PersonSchema = obj({ name: nonEmpty, role: ns, contact: ns });
export type Person = v.InferOutput<typeof PersonSchema>;

/** `found` is null when the drive could not be asked (e.g. NVMe has no HPA/DCO); `sectors` hidden before handling. */
export const HiddenAreaSchema = obj({
  found: v.nullable(bool),
  handling: oneOf(HIDDEN_AREA_HANDLING),
  sectors: v.nullable(count),
  /** First hidden sector (the visible max): with `sectors`, names the hidden range. Absent in older records. */
  firstSector: v.optional(v.nullable(count)),
});
export type HiddenArea = v.InferOutput<typeof HiddenAreaSchema>;

/** `pattern`: human label, "0x00", "PRNG (AES-128-CTR)", "device: BLOCK ERASE". */
export const PassSchema = obj({ pattern: nonEmpty, verified: bool });
export type Pass = v.InferOutput<typeof PassSchema>;

/**
 * `method`: the engine's id ("overwrite", "nvme-format-crypto"…); `methodLabel`: human label;
 * `ieee2883Technique`: "Overwrite", "Block Erase", "Cryptographic Erase"; `commands`: exact command lines run
 * against the drive, in order; `reliesOnFirmware`: the certificate then states the compliance assumption.
 */
export const SanitizationSchema = obj({
  nistLevel: oneOf(NIST_LEVELS),
  method: nonEmpty,
  methodLabel: nonEmpty,
  ieee2883Technique: nonEmpty,
  passes: list(PassSchema),
  tool: obj({ name: nonEmpty, version: nonEmpty }),
  commands: list(str),
  reliesOnFirmware: bool,
});
export type Sanitization = v.InferOutput<typeof SanitizationSchema>;

/** `coveragePercent`: share of the addressable space read back, 0–100. */
export const VerificationSchema = obj({
  method: oneOf(VERIFICATION_METHODS),
  coveragePercent: range(0, 100),
  passed: v.nullable(bool),
  detail: ns,
});
export type Verification = v.InferOutput<typeof VerificationSchema>;

export const ErasureErrorSchema = obj({
  kind: oneOf(ERROR_KINDS),
  offsetBytes: v.nullable(count),
  lengthBytes: v.nullable(count),
  message: str,
});
export type ErasureError = v.InferOutput<typeof ErasureErrorSchema>;

export const InterruptionSchema = obj({
  at: isoDate,
  reason: str,
  resumedAt: v.nullable(isoDate),
  resumeOffsetBytes: v.nullable(count),
});
export type Interruption = v.InferOutput<typeof InterruptionSchema>;

export const SmartSummarySchema = obj({
  health: oneOf(['passed', 'failed', 'unknown'] as const),
  powerOnHours: v.nullable(count),
  reallocatedSectors: v.nullable(count),
  pendingSectors: v.nullable(count),
  mediaErrors: v.nullable(count),
  percentageUsed: v.nullable(count),
});
export type SmartSummary = v.InferOutput<typeof SmartSummarySchema>;

/** `index`: 1-based position (per-drive certificate IDs use it); `assetTag`: organisational media number. */
export const DriveErasureSchema = obj({
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
  hiddenAreas: obj({ hpa: HiddenAreaSchema, dco: HiddenAreaSchema }),
  sanitization: SanitizationSchema,
  verification: VerificationSchema,
  startedAt: isoDate,
  finishedAt: isoDate,
  durationSeconds: range(0, Number.MAX_SAFE_INTEGER),
  bytesWritten: count,
  errors: list(ErasureErrorSchema),
  interruptions: list(InterruptionSchema),
  smart: v.nullable(SmartSummarySchema),
  result: oneOf(DRIVE_RESULTS),
  destination: oneOf(DESTINATIONS),
  destinationDetail: ns,
  notes: ns,
  /**
   * Set when nothing could erase the drive (locked by a password or a TCG owner nobody knows): `result` is then
   * FAILED, `destination` destruction and `sanitization.nistLevel` destroy. Absent in older records.
   */
  notErased: v.optional(obj({ code: nonEmpty, reasonFr: nonEmpty, reasonEn: nonEmpty })),
});
export type DriveErasure = v.InferOutput<typeof DriveErasureSchema>;

export const MachineSchema = obj({
  vendor: ns,
  model: ns,
  serial: ns,
  uuid: ns,
  assetTag: ns,
  inventory: v.nullable(obj({ cpu: ns, memoryBytes: v.nullable(count), notes: ns })),
});
export type Machine = v.InferOutput<typeof MachineSchema>;

/**
 * `completedAt`: when the last drive finished, the certificate's date (never "now" at rendering);
 * `operator`: the sanitizer (NIST App. G "People"); `result`: the worst drive result
 * (FAILED > ABORTED > ERASED_WITH_EXCEPTIONS > ERASED).
 */
export const ErasureRecordSchema = v.pipe(
  obj({
    schema: literal(RECORD_SCHEMA),
    recordId: nonEmpty,
    completedAt: isoDate,
    organisation: obj({ name: nonEmpty, identifier: ns, address: ns, contact: ns }),
    operator: PersonSchema,
    verifier: v.nullable(PersonSchema),
    location: ns,
    donor: obj({ name: nonEmpty, reference: ns }),
    lot: obj({ id: nonEmpty, receivedAt: v.nullable(isoDate) }),
    machine: MachineSchema,
    drives: list(DriveErasureSchema),
    result: oneOf(DRIVE_RESULTS),
    software: obj({ name: nonEmpty, version: nonEmpty }),
  }),
  v.forward(
    v.check((r) => r.drives.length > 0, say('vide', 'empty')),
    ['drives'],
  ),
);
export type ErasureRecord = v.InferOutput<typeof ErasureRecordSchema>;
