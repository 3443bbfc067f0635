import type { Text } from './i18n.js';

/**
 * The drive model: immutable facts about one block device, normalised across protocols.
 * Convention for every fact: `null` means "unknown" (not reported, or could not be read) — never a guess.
 */

export type Transport =
  | 'sata'
  | 'ata'
  | 'nvme'
  | 'usb'
  | 'sas'
  | 'scsi'
  | 'virtio'
  | 'mmc'
  | 'loop'
  | 'unknown';

/** A drive's own erase-time estimate. `atLeast` is set when the drive says "more than N min". */
export interface EraseEstimate {
  minutes: number;
  atLeast: boolean;
}

/** ATA security feature set (IDENTIFY word 128), as reported by `hdparm -I`. */
export interface AtaSecurity {
  supported: boolean | null;
  enabled: boolean | null;
  locked: boolean | null;
  frozen: boolean | null;
  countExpired: boolean | null;
  enhancedEraseSupported: boolean | null;
  eraseEstimate: EraseEstimate | null;
  enhancedEraseEstimate: EraseEstimate | null;
  masterPasswordRevision: number | null;
  level: 'high' | 'maximum' | null;
}

/** ATA SANITIZE feature set (IDENTIFY word 59). */
export interface AtaSanitize {
  supported: boolean | null;
  crypto: boolean | null;
  blockErase: boolean | null;
  overwrite: boolean | null;
  antifreezeLock: boolean | null;
}

export interface LbaFormat {
  index: number;
  dataBytes: number;
  metadataBytes: number;
  relativePerformance: number;
}

/** NVMe controller and namespace facts relevant to erasure (id-ctrl OACS/SANICAP/FNA, id-ns FLBAS/LBAF). */
export interface NvmeCapabilities {
  /** Controller character device that takes admin commands, e.g. /dev/nvme0 (resolved through sysfs). */
  controller: string | null;
  namespaceId: number | null;
  namespaceCount: number | null;
  formatSupported: boolean | null;
  /** FNA bit 2: crypto erase supported as part of Format (SES=2). */
  cryptoFormatSupported: boolean | null;
  /** FNA bit 0: a format applies to all namespaces. */
  formatAppliesToAllNamespaces: boolean | null;
  sanitizeCrypto: boolean | null;
  sanitizeBlock: boolean | null;
  sanitizeOverwrite: boolean | null;
  /** SANICAP bit 29: No-Deallocate Inhibited. */
  noDeallocateInhibited: boolean | null;
  lbaFormats: LbaFormat[];
  currentLbaFormat: number | null;
}

export interface ScsiCapabilities {
  sanitizeSupported: boolean | null;
  formatUnitSupported: boolean | null;
}

export interface HiddenAreas {
  /** Host Protected Area from `hdparm -N`: current visible max vs native max sectors. */
  hpa: { enabled: boolean | null; currentMaxSectors: number | null; nativeMaxSectors: number | null } | null;
  /** Device Configuration Overlay from `hdparm --dco-identify`. */
  dco: { realMaxSectors: number | null } | null;
}

export interface DriveCapabilities {
  /** Overwrite is always possible on a writable block device. */
  overwrite: boolean;
  ataSecurity: AtaSecurity | null;
  ataSanitize: AtaSanitize | null;
  nvme: NvmeCapabilities | null;
  scsi: ScsiCapabilities | null;
  hiddenAreas: HiddenAreas | null;
}

export type ProtectionReason = 'boot-medium' | 'mounted' | 'swap' | 'holder' | 'read-only' | 'in-use';

export interface Protection {
  reason: ProtectionReason;
  /**
   * For a technician, e.g. "sdb1 est monté sur /run/live/medium". `gomme drives --json` writes it as `detail`
   * (English) and `detailFr` (French), as it always has (cli/output/drives-view.ts).
   */
  detail: Text;
}

export interface Drive {
  path: string;
  /** Stable /dev/disk/by-id path when one exists. */
  byIdPath: string | null;
  name: string;
  majMin: string | null;
  model: string | null;
  serial: string | null;
  firmware: string | null;
  wwn: string | null;
  vendor: string | null;
  sizeBytes: number;
  logicalSectorSize: number;
  physicalSectorSize: number;
  rotational: boolean | null;
  transport: Transport;
  removable: boolean;
  readOnly: boolean;
  /** For loop devices: the file behind it. */
  backingFile: string | null;
  capabilities: DriveCapabilities;
  protected: boolean;
  protections: Protection[];
  /**
   * Things discovery noticed that a technician should know (untrustworthy IDENTIFY data, missing tool…).
   * `gomme drives --json` writes them as `warnings` (English) and `warningsFr` (French).
   */
  warnings: Text[];
}
