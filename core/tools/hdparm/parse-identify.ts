/**
 * Pure parser for `hdparm -I <dev>` (text only; hdparm 9.65 `identify.c`).
 *
 * Every fact is `null` when the output does not state it. IDENTIFY data from USB bridges and failing drives can
 * be garbage, so the parser also judges the data: `anomalies` lists every reason to distrust it and
 * `trustworthy` is true only when there is none. Callers must not act (erase, unfreeze) on untrustworthy data.
 *
 * Read the capture as latin1: broken IDENTIFY strings hold arbitrary bytes, and latin1 keeps them one-to-one.
 */
import type { AtaSanitize, AtaSecurity, EraseEstimate } from '../../drive.js';

export type IdentifyDeviceType = 'ata' | 'atapi' | 'cfa';

/** Word 222 transport type; hdparm prints unknown types as hex (then this is null and an anomaly is noted). */
export type IdentifyTransportType = 'serial' | 'parallel';

export interface IdentifyIntegrity {
  /**
   * 'correct'/'incorrect': word 255 carries the A5h signature and hdparm verified the checksum.
   * 'not-set': no signature (legal: older drives and QEMU leave word 255 at 0).
   */
  status: 'correct' | 'incorrect' | 'not-set' | null;
  /** Word 255 as found, when hdparm printed it ("Integrity word not set (found 0x…"). */
  found: number | null;
  expected: number | null;
}

export interface HdparmIdentify {
  /** hdparm printed an IDENTIFY block (e.g. false on virtio, where it prints only the device name). */
  identified: boolean;
  deviceType: IdentifyDeviceType | null;
  removableMedia: boolean | null;
  model: string | null;
  serial: string | null;
  firmware: string | null;
  /** "Logical Unit WWN Device Identifier" as printed: 16 lower-case hex digits, no 0x. */
  wwn: string | null;
  /** The "Transport:" text as printed, e.g. "Serial, ATA8-AST, SATA 1.0a, …". */
  transport: string | null;
  transportType: IdentifyTransportType | null;
  /** User-addressable sectors: LBA48 when printed, else the 28-bit LBA count. */
  lbaSectors: number | null;
  /** hdparm's "M = 1024*1024" figure × 2^20. Rounded DOWN to a whole MiB by hdparm: not exact. */
  deviceSizeBytes: number | null;
  /** lbaSectors × logicalSectorSize: the exact user capacity, when both are known. */
  capacityBytes: number | null;
  logicalSectorSize: number | null;
  physicalSectorSize: number | null;
  /** true for a nominal rotation rate in rpm, false for "Solid State Device", null when not reported. */
  rotational: boolean | null;
  rotationRateRpm: number | null;
  /** null when hdparm printed no "Security:" section (e.g. SAS-era or QEMU drives). */
  security: AtaSecurity | null;
  sanitize: AtaSanitize;
  hpaFeature: { supported: boolean | null; enabled: boolean | null };
  dcoSupported: boolean | null;
  integrity: IdentifyIntegrity;
  trustworthy: boolean;
  anomalies: string[];
}

/** Labels hdparm prints with `\t%-20s`; values follow after space padding. */
const STRING_FIELD = /^\t(Model Number|Serial Number|Firmware Revision):( *)([^\n]*)$/;
const DEVICE_HEADER =
  /^(?:(ATA) device|(ATAPI) [^,]*|(CompactFlash) ATA device)(?:, with (non-)?(removable) media)?\s*$/;
const FEATURE_LINE = /^\t {3}([* ])\t(.*?)\s*$/;
const SECURITY_FLAG =
  /^\t(not|\(\?\))?\t(supported: enhanced erase|supported|enabled|locked|frozen|expired: security count)\s*$/;
const ERASE_TIME = /(more than )?(\d+)min for (ENHANCED )?SECURITY ERASE UNIT/g;

/** Security flag text → AtaSecurity key (hdparm `secu_str`, word 128 bits 0–5). */
const SECURITY_FLAGS = {
  supported: 'supported',
  enabled: 'enabled',
  locked: 'locked',
  frozen: 'frozen',
  'expired: security count': 'countExpired',
  'supported: enhanced erase': 'enhancedEraseSupported',
} as const;

/** Feature-list names (hdparm `feat_word59_str`) → AtaSanitize key. */
const SANITIZE_FEATURES = {
  'SANITIZE feature set': 'supported',
  'CRYPTO_SCRAMBLE_EXT command': 'crypto',
  'BLOCK_ERASE_EXT command': 'blockErase',
  'OVERWRITE_EXT command': 'overwrite',
  'SANITIZE_ANTIFREEZE_LOCK_EXT command': 'antifreezeLock',
} as const;

const HPA_FEATURE = 'Host Protected Area feature set';
const DCO_FEATURE = 'Device Configuration Overlay feature set';

/** hdparm allows physical = logical × 2^15; no real drive goes past 64 KiB, so larger means garbage. */
const MAX_PLAUSIBLE_SECTOR = 65_536;

type Section = 'none' | 'features' | 'security' | 'other';

export function parseHdparmIdentify(text: string): HdparmIdentify {
  const out = emptyIdentify();
  const strings: Record<'model' | 'serial' | 'firmware', string | null> = {
    model: null,
    serial: null,
    firmware: null,
  };
  const lba: LbaCounts = { lba28: null, lba48: null };
  let section: Section = 'none';
  let featuresHeaderSeen = false;
  let featuresClosed = false;
  let incomplete = false;
  const features = new Map<string, boolean>();
  let security: AtaSecurity | null = null;

  for (const line of text.split(/\r?\n/)) {
    if (line !== '' && !/^\s/.test(line)) {
      // A top-level line starts a new section; a feature list is only complete once something follows it.
      if (section === 'features') featuresClosed = true;
      section = topLevelSection(line);
      if (section === 'features') featuresHeaderSeen = true;
      if (section === 'security') security = emptySecurity();
    }

    const header = DEVICE_HEADER.exec(line);
    if (header) {
      out.identified = true;
      out.deviceType = header[1] ? 'ata' : header[2] ? 'atapi' : 'cfa';
      out.removableMedia = header[5] ? header[4] === undefined : null;
      continue;
    }
    if (/WARNING: ID response incomplete/.test(line)) incomplete = true;

    const field = STRING_FIELD.exec(line);
    if (field) {
      const key =
        field[1] === 'Model Number' ? 'model' : field[1] === 'Serial Number' ? 'serial' : 'firmware';
      strings[key] = trimSpaces(field[3] ?? '');
      continue;
    }

    const feature = FEATURE_LINE.exec(line);
    if (feature?.[2] !== undefined) {
      features.set(feature[2], feature[1] === '*');
      continue;
    }

    if (section === 'security' && security && parseSecurityLine(line, security)) continue;

    for (const [re, apply] of LINE_RULES) {
      const m = re.exec(line);
      if (m) {
        apply(m, out, lba);
        break;
      }
    }
  }

  if (!out.identified) {
    // Without the device header the lines are not an IDENTIFY block (or not hdparm -I output at all).
    const none = emptyIdentify();
    none.anomalies.push('no IDENTIFY data: hdparm printed no ATA device block');
    return none;
  }

  out.model = strings.model;
  out.serial = strings.serial;
  out.firmware = strings.firmware;
  out.lbaSectors = lba.lba48 ?? lba.lba28;
  if (out.lbaSectors !== null && out.logicalSectorSize !== null) {
    out.capacityBytes = safeProduct(out.lbaSectors, out.logicalSectorSize);
  }
  out.security = security;
  // A listed feature is supported ('*' = enabled). Absence means "not supported" only from a complete list.
  const listed = featuresHeaderSeen && featuresClosed;
  const has = (name: string): boolean | null => (features.has(name) ? true : listed ? false : null);
  for (const [name, key] of Object.entries(SANITIZE_FEATURES)) out.sanitize[key] = has(name);
  out.hpaFeature = {
    supported: has(HPA_FEATURE),
    enabled: features.has(HPA_FEATURE) ? (features.get(HPA_FEATURE) ?? null) : listed ? false : null,
  };
  out.dcoSupported = has(DCO_FEATURE);

  out.anomalies.push(...judge(out, incomplete));
  out.trustworthy = out.anomalies.length === 0;
  return out;
}

interface LbaCounts {
  lba28: number | null;
  lba48: number | null;
}

type LineRule = readonly [RegExp, (m: RegExpExecArray, out: HdparmIdentify, lba: LbaCounts) => void];

/** One-line facts outside the Security section; the first matching rule wins. */
const LINE_RULES: readonly LineRule[] = [
  [
    /^\tTransport:\s*(.*?)\s*$/,
    (m, out) => {
      out.transport = m[1] || null;
      out.transportType = transportType(m[1] ?? '');
    },
  ],
  [/^\tLBA48\s+user addressable sectors:\s*(\d+)/, (m, _, lba) => (lba.lba48 = positiveInt(m[1]))],
  [/^\tLBA\s+user addressable sectors:\s*(\d+)/, (m, _, lba) => (lba.lba28 = positiveInt(m[1]))],
  [
    /^\tLogical\/Physical Sector size:\s*(\d+) bytes/,
    (m, out) => {
      out.logicalSectorSize = positiveInt(m[1]);
      out.physicalSectorSize = out.logicalSectorSize;
    },
  ],
  [/^\tLogical\s+Sector size:\s*(\d+) bytes/, (m, out) => (out.logicalSectorSize = positiveInt(m[1]))],
  [/^\tPhysical Sector size:\s*(\d+) bytes/, (m, out) => (out.physicalSectorSize = positiveInt(m[1]))],
  [
    /^\tdevice size with M = 1024\*1024:\s*(\d+) MBytes/,
    (m, out) => {
      const mib = positiveInt(m[1]);
      out.deviceSizeBytes = mib === null ? null : safeProduct(mib, 1024 * 1024);
    },
  ],
  [
    /^\tNominal Media Rotation Rate:\s*(.*?)\s*$/,
    (m, out) => {
      out.rotationRateRpm = positiveInt(m[1]);
      out.rotational = m[1] === 'Solid State Device' ? false : out.rotationRateRpm !== null ? true : null;
    },
  ],
  [
    /^Logical Unit WWN Device Identifier:\s*([0-9a-fA-F]+)\s*$/,
    (m, out) => (out.wwn = (m[1] ?? '').toLowerCase()),
  ],
  [/^\s*Checksum: correct/, (_, out) => (out.integrity.status = 'correct')],
  [/^\s*Checksum: incorrect/, (_, out) => (out.integrity.status = 'incorrect')],
  [
    /Integrity word not set \(found 0x([0-9a-fA-F]+), expected 0x([0-9a-fA-F]+)\)/,
    (m, out) => (out.integrity = { status: 'not-set', found: hexInt(m[1]), expected: hexInt(m[2]) }),
  ],
];

function emptyIdentify(): HdparmIdentify {
  return {
    identified: false,
    deviceType: null,
    removableMedia: null,
    model: null,
    serial: null,
    firmware: null,
    wwn: null,
    transport: null,
    transportType: null,
    lbaSectors: null,
    deviceSizeBytes: null,
    capacityBytes: null,
    logicalSectorSize: null,
    physicalSectorSize: null,
    rotational: null,
    rotationRateRpm: null,
    security: null,
    sanitize: { supported: null, crypto: null, blockErase: null, overwrite: null, antifreezeLock: null },
    hpaFeature: { supported: null, enabled: null },
    dcoSupported: null,
    integrity: { status: null, found: null, expected: null },
    trustworthy: false,
    anomalies: [],
  };
}

function emptySecurity(): AtaSecurity {
  return {
    supported: null,
    enabled: null,
    locked: null,
    frozen: null,
    countExpired: null,
    enhancedEraseSupported: null,
    eraseEstimate: null,
    enhancedEraseEstimate: null,
    masterPasswordRevision: null,
    level: null,
  };
}

function topLevelSection(line: string): Section {
  if (line.startsWith('Commands/features:')) return 'features';
  if (line.startsWith('Security:')) return 'security';
  return 'other';
}

/** Reads one line of the Security section into `sec`; false when the line is not a security fact. */
function parseSecurityLine(line: string, sec: AtaSecurity): boolean {
  const flag = SECURITY_FLAG.exec(line);
  if (flag) {
    const key = SECURITY_FLAGS[flag[2] as keyof typeof SECURITY_FLAGS];
    // No prefix = bit set; "not" = clear; "(?)" = hdparm saw a contradiction (word 82 says supported, 128 not).
    sec[key] = flag[1] === undefined ? true : flag[1] === 'not' ? false : null;
    return true;
  }
  const revision = /^\tMaster password revision code = (\d+)/.exec(line);
  if (revision) {
    sec.masterPasswordRevision = nonNegativeInt(revision[1]);
    return true;
  }
  const level = /^\tSecurity level (high|maximum)\b/.exec(line);
  if (level) {
    sec.level = level[1] === 'maximum' ? 'maximum' : 'high';
    return true;
  }
  let found = false;
  for (const t of line.matchAll(ERASE_TIME)) {
    found = true;
    const minutes = positiveInt(t[2]);
    if (minutes === null) continue;
    const estimate: EraseEstimate = { minutes, atLeast: t[1] !== undefined };
    if (t[3]) sec.enhancedEraseEstimate = estimate;
    else sec.eraseEstimate = estimate;
  }
  return found;
}

function transportType(text: string): IdentifyTransportType | null {
  if (text.startsWith('Serial')) return 'serial';
  if (text.startsWith('Parallel')) return 'parallel';
  return null;
}

/** Reasons to distrust the IDENTIFY data; empty when it looks like a real drive's. */
function judge(id: HdparmIdentify, incomplete: boolean): string[] {
  const found: string[] = [];
  if (incomplete) found.push('drive reported an incomplete IDENTIFY response');
  if (id.model === null && id.serial === null) found.push('all-zero identify: no model/serial');
  else if (id.model === null) found.push('no model number');
  else if (id.serial === null) found.push('no serial number');
  for (const key of ['model', 'serial', 'firmware'] as const) {
    const value = id[key];
    if (value !== null && /[^\x20-\x7e]/.test(value)) found.push(`${key} contains non-printable characters`);
  }
  if (id.model !== null && looksByteSwapped(id.model)) found.push('model looks byte-swapped');
  if (id.transport !== null && id.transportType === null) {
    found.push(`unknown transport type ${id.transport.split(';')[0]}`);
  }
  for (const [name, size] of [
    ['logical', id.logicalSectorSize],
    ['physical', id.physicalSectorSize],
  ] as const) {
    if (size !== null && (size < 512 || size > MAX_PLAUSIBLE_SECTOR)) {
      found.push(`implausible ${name} sector size ${size} bytes`);
    }
  }
  if (id.integrity.status === 'incorrect') found.push('IDENTIFY checksum incorrect');
  // Word 255 without the A5h signature must be zero (checksum unused); anything else is junk in the block.
  if (id.integrity.status === 'not-set' && id.integrity.found !== 0) {
    const hex = (n: number | null) => (n === null ? '?' : `0x${n.toString(16).padStart(4, '0')}`);
    found.push(
      `integrity word not set (found ${hex(id.integrity.found)}, expected ${hex(id.integrity.expected)})`,
    );
  }
  return found;
}

/**
 * Brand names seen in ATA model strings. A byte-swapped model (USB bridges swap each 16-bit word) reads
 * "aSsmnu gSS D" instead of "Samsung SSD"; swapping it back reveals a brand the printed text lacks.
 * Two-letter brands (WD, ST, HP) are left out: they appear by chance inside swapped part numbers.
 */
const BRANDS = new Set(
  (
    'SAMSUNG WDC WESTERN SEAGATE MAXTOR HITACHI HGST TOSHIBA KIOXIA CRUCIAL MICRON INTEL KINGSTON SANDISK ' +
    'FUJITSU QUANTUM IBM APPLE ADATA TRANSCEND CORSAIR LITEON LITEONIT PLEXTOR LEXAR PATRIOT HYNIX OCZ PNY ' +
    'VERBATIM MUSHKIN GOODRAM INTENSO NETAC KINGFAST SILICON EXCELSTOR SABRENT PHISON HOODISK TEAM QEMU VBOX ' +
    'VMWARE HUAWEI LENOVO DELL'
  ).split(' '),
);

const hasBrand = (text: string): boolean =>
  (text.toUpperCase().match(/[A-Z]+/g) ?? []).some((word) => BRANDS.has(word));

/** Swaps adjacent characters from `offset`; hdparm drops leading spaces, so the word alignment is unknown. */
function swapPairs(text: string, offset: 0 | 1): string {
  let out = text.slice(0, offset);
  for (let i = offset; i < text.length; i += 2) out += (text[i + 1] ?? '') + (text[i] ?? '');
  return out;
}

export function looksByteSwapped(model: string): boolean {
  if (hasBrand(model)) return false;
  return hasBrand(swapPairs(model, 0)) || hasBrand(swapPairs(model, 1));
}

/** Model/serial fields are space-padded; tabs and control bytes are data (they reveal garbage), so keep them. */
function trimSpaces(value: string): string | null {
  const trimmed = value.replace(/^ +| +$/g, '');
  return trimmed === '' ? null : trimmed;
}

function nonNegativeInt(digits: string | undefined): number | null {
  if (digits === undefined || !/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** Zero sectors, bytes or rpm is missing data (an all-zero IDENTIFY), not a fact: null. */
function positiveInt(digits: string | undefined): number | null {
  const n = nonNegativeInt(digits);
  return n === null || n === 0 ? null : n;
}

function hexInt(hex: string | undefined): number | null {
  if (hex === undefined || !/^[0-9a-fA-F]{1,8}$/.test(hex)) return null;
  return Number.parseInt(hex, 16);
}

function safeProduct(a: number, b: number): number | null {
  const n = a * b;
  return Number.isSafeInteger(n) ? n : null;
}
