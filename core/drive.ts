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

/**
 * SCSI/SAS facts: the operations the drive reports supporting (`sg_opcodes`, REPORT SUPPORTED OPERATION CODES)
 * and its block format (`sg_readcap --long`, READ CAPACITY 16). `null` = the drive was not asked or did not say.
 */
export interface ScsiCapabilities {
  /** SANITIZE (48h) with at least one of the service actions below. */
  sanitizeSupported: boolean | null;
  sanitizeOverwrite?: boolean | null;
  sanitizeBlock?: boolean | null;
  sanitizeCrypto?: boolean | null;
  formatUnitSupported: boolean | null;
  /** Logical block length the drive is formatted with (520, 528, 4160… on drives from storage arrays). */
  logicalBlockLength?: number | null;
  /** Protection information (T10 PI) is enabled; its type 1–3. */
  protectionEnabled?: boolean | null;
  protectionType?: number | null;
}

/**
 * TCG storage security (self-encrypting drives) from `sedutil-cli --query` (Level 0 Discovery). sedutil 1.x
 * names Opal 1, Opal 2 and Enterprise; Pyrite, Opalite and Ruby are only counted as "unknown function codes".
 */
export interface TcgCapabilities {
  opal1: boolean;
  opal2: boolean;
  enterprise: boolean;
  /** Feature descriptors sedutil did not name (Pyrite, Opalite, Ruby, …). */
  unnamedFeatures: number;
  lockingSupported: boolean | null;
  /** The owner activated locking (took ownership): the SID is no longer the factory MSID, as a rule. */
  lockingEnabled: boolean | null;
  /** At least one locking range is locked now: its data cannot be read or written. */
  locked: boolean | null;
  mbrEnabled: boolean | null;
  mbrDone: boolean | null;
  mediaEncrypt: boolean | null;
  /** Block SID Authentication feature (0402h), when reported: the SID still equals the MSID. */
  sidEqualsMsid: boolean | null;
}

/** eMMC EXT_CSD facts (`mmc extcsd read`): which firmware erase the device offers. */
export interface EmmcCapabilities {
  /** EXT_CSD_REV (8 = eMMC 5.1). */
  extCsdRevision: number | null;
  /** SEC_FEATURE_SUPPORT bit 0 (SECURE_ER_EN). */
  secureErase: boolean | null;
  /** SEC_FEATURE_SUPPORT bits 0 and 4 (secure trim needs both). */
  secureTrim: boolean | null;
  /** SEC_FEATURE_SUPPORT bit 6 (SEC_SANITIZE). */
  sanitize: boolean | null;
  /** ERASED_MEM_CONT: what an erased block reads as (0x00 or 0xFF). */
  erasedByte: number | null;
  /** SEC_COUNT: user-area sectors (512 bytes). */
  sectorCount: number | null;
}

/** A USB enclosure's bridge: what it is and whether ATA commands pass through it faithfully. */
export interface UsbBridge {
  /** USB vendor:product ids, 4 lower-case hex digits each (udev ID_USB_VENDOR_ID / ID_USB_MODEL_ID). */
  vendorId: string | null;
  productId: string | null;
  /** The kernel driver: uas or usb-storage. */
  driver: string | null;
  /** On the deny list (core/tools/usb/bridges.ts): firmware commands are never sent through it. */
  denied: { reason: string; source: string } | null;
  /**
   * 'consistent': IDENTIFY through the bridge is trustworthy and agrees with smartctl and the kernel's size;
   * 'garbled': the bridge answers IDENTIFY with broken data; 'inconsistent': the sources disagree;
   * 'none': no ATA answer at all; 'unknown': not enough was read to judge.
   */
  passThrough: 'consistent' | 'garbled' | 'inconsistent' | 'none' | 'unknown';
  /** Why, in English, for the record. */
  detail: string;
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
  /** Optional: drives journaled before these facts existed lack them (read as null). */
  tcg?: TcgCapabilities | null;
  emmc?: EmmcCapabilities | null;
  usbBridge?: UsbBridge | null;
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
