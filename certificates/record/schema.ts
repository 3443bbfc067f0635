/**
 * The erasure record, schema `gomme.erasure-record/1` (documented field by field in certificates/RECORD.md).
 * One record covers one machine session: the machine, who did the work, and one entry per drive.
 * Vocabulary follows NIST SP 800-88 (Clear/Purge, Appendix G certificate fields) and IEEE 2883 technique names.
 * Convention: `null` means "unknown / not reported", never a guess.
 */

export const RECORD_SCHEMA = 'gomme.erasure-record/1' as const;

export const DRIVE_RESULTS = ['ERASED', 'ERASED_WITH_EXCEPTIONS', 'FAILED', 'ABORTED'] as const;
export type DriveResult = (typeof DRIVE_RESULTS)[number];

export const NIST_LEVELS = ['clear', 'purge'] as const;
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

export interface Person {
  name: string;
  role: string | null;
  contact: string | null;
}

export interface HiddenArea {
  /** null when the drive could not be asked (e.g. NVMe has no HPA/DCO). */
  found: boolean | null;
  handling: HiddenAreaHandling;
  /** Sectors hidden before handling, when known. */
  sectors: number | null;
}

export interface Pass {
  /** Human pattern label: "0x00", "PRNG (AES-128-CTR)", "device: BLOCK ERASE". */
  pattern: string;
  verified: boolean;
}

export interface Sanitization {
  nistLevel: NistLevel;
  /** Method id as the engine names it, e.g. "overwrite", "ata-sanitize-block-erase", "nvme-format-crypto". */
  method: string;
  /** Human method label, e.g. "Overwrite, 1 pass of zeros". */
  methodLabel: string;
  /** IEEE 2883-2022 technique name, e.g. "Overwrite", "Block Erase", "Cryptographic Erase". */
  ieee2883Technique: string;
  passes: Pass[];
  tool: { name: string; version: string };
  /** Exact command lines run against the drive, in order. */
  commands: string[];
  /** True when the drive's firmware did the work: the certificate then states the compliance assumption. */
  reliesOnFirmware: boolean;
}

export interface Verification {
  method: VerificationMethod;
  /** Share of the addressable space read back, 0–100. */
  coveragePercent: number;
  passed: boolean | null;
  detail: string | null;
}

export interface ErasureError {
  kind: ErrorKind;
  offsetBytes: number | null;
  lengthBytes: number | null;
  message: string;
}

export interface Interruption {
  at: string;
  reason: string;
  resumedAt: string | null;
  resumeOffsetBytes: number | null;
}

export interface SmartSummary {
  health: 'passed' | 'failed' | 'unknown';
  powerOnHours: number | null;
  reallocatedSectors: number | null;
  pendingSectors: number | null;
  mediaErrors: number | null;
  percentageUsed: number | null;
}

export interface DriveErasure {
  /** 1-based position in the record; per-drive certificate IDs use it. */
  index: number;
  device: string;
  manufacturer: string | null;
  model: string | null;
  serial: string | null;
  wwn: string | null;
  firmware: string | null;
  mediaType: MediaType;
  interface: DriveInterface;
  sizeBytes: number;
  /** Organisationally assigned media or property number (NIST App. G). */
  assetTag: string | null;
  hiddenAreas: { hpa: HiddenArea; dco: HiddenArea };
  sanitization: Sanitization;
  verification: Verification;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  bytesWritten: number;
  errors: ErasureError[];
  interruptions: Interruption[];
  smart: SmartSummary | null;
  result: DriveResult;
  destination: Destination;
  destinationDetail: string | null;
  notes: string | null;
}

export interface Machine {
  vendor: string | null;
  model: string | null;
  serial: string | null;
  uuid: string | null;
  assetTag: string | null;
  inventory: { cpu: string | null; memoryBytes: number | null; notes: string | null } | null;
}

export interface ErasureRecord {
  schema: typeof RECORD_SCHEMA;
  recordId: string;
  /** When the last drive finished: the certificate's date, never "now" at rendering. */
  completedAt: string;
  organisation: { name: string; identifier: string | null; address: string | null; contact: string | null };
  /** The sanitizer (NIST App. G "People"). */
  operator: Person;
  verifier: Person | null;
  location: string | null;
  donor: { name: string; reference: string | null };
  lot: { id: string; receivedAt: string | null };
  machine: Machine;
  drives: DriveErasure[];
  /** Worst drive result: FAILED > ABORTED > ERASED_WITH_EXCEPTIONS > ERASED. */
  result: DriveResult;
  software: { name: string; version: string };
}
