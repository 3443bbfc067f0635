/**
 * Pure EDID decoder (VESA E-EDID 1.3/1.4 base block): make, model, serial, date, physical size, preferred
 * mode and per-block checksum validity. Input is bytes, or hex text (`od -An -tx1` of /sys/class/drm/… /edid,
 * or the "EDID (hex):" block of edid-decode output). Never throws; no EDID header → null.
 */

export interface EdidFacts {
  /** Three-letter PNP id ("BOE", "LGD", "DEL"). */
  manufacturerId: string | null;
  productCode: number;
  /** Numeric serial from bytes 12–15; 0 means "not used". */
  serialNumber: number | null;
  /** Display Product Name descriptor (0xFC), e.g. "DELL U2720Q". */
  name: string | null;
  /** Display Product Serial descriptor (0xFF). */
  serialText: string | null;
  /** Alphanumeric data strings (0xFE): laptop panels put their part number here ("LP133WH2-TLA1"). */
  texts: string[];
  version: string;
  manufactureYear: number | null;
  manufactureWeek: number | null;
  digital: boolean;
  widthCm: number | null;
  heightCm: number | null;
  /** Diagonal in inches from the preferred mode's mm size when set, else from the cm size. */
  diagonalInches: number | null;
  preferredMode: { width: number; height: number; widthMm: number | null; heightMm: number | null } | null;
  extensionCount: number;
  /** Checksum of each 128-byte block present; false marks a corrupt block. */
  blockChecksumsOk: boolean[];
  /** Fewer bytes than the base block announces (truncated read). */
  truncated: boolean;
}

const HEADER = [0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];

/** Hex text → bytes. From edid-decode output only the "EDID (hex):" block (or the first hex run) is taken. */
export function edidBytesFromHex(text: string): Uint8Array {
  const source = String(text);
  const marker = source.indexOf('EDID (hex):');
  const body = marker >= 0 ? source.slice(marker + 'EDID (hex):'.length) : source;
  const hex: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    const cleaned = line.replace(/\s+/g, '');
    if (cleaned === '') {
      if (hex.length > 0) break;
      continue;
    }
    if (!/^([0-9a-f]{2})+$/i.test(cleaned)) {
      if (hex.length > 0) break;
      continue;
    }
    hex.push(cleaned);
  }
  const joined = hex.join('');
  const bytes = new Uint8Array(joined.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(joined.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function decodeEdid(input: Uint8Array | string): EdidFacts | null {
  const bytes = typeof input === 'string' ? edidBytesFromHex(input) : input;
  if (bytes.length < 128 || !HEADER.every((b, i) => bytes[i] === b)) return null;
  const byte = (i: number) => bytes[i] ?? 0;
  const extensionCount = byte(126);
  const blocks = Math.min(1 + extensionCount, Math.floor(bytes.length / 128));
  const blockChecksumsOk: boolean[] = [];
  for (let b = 0; b < blocks; b++) {
    let sum = 0;
    for (let i = 0; i < 128; i++) sum += byte(b * 128 + i);
    blockChecksumsOk.push(sum % 256 === 0);
  }
  const mfg = (byte(8) << 8) | byte(9);
  const letters = [(mfg >> 10) & 31, (mfg >> 5) & 31, mfg & 31];
  const manufacturerId = letters.every((l) => l >= 1 && l <= 26)
    ? letters.map((l) => String.fromCharCode(64 + l)).join('')
    : null;
  const serial = (byte(12) | (byte(13) << 8) | (byte(14) << 16) | (byte(15) << 24)) >>> 0;
  const week = byte(16);
  const year = byte(17);
  const descriptors = [54, 72, 90, 108].map((o) => bytes.subarray(o, o + 18));
  const stringOf = (tag: number) =>
    descriptors.filter((d) => d[0] === 0 && d[1] === 0 && d[3] === tag).map((d) => descriptorText(d));
  const preferredMode = detailedTiming(descriptors[0]);
  const widthCm = byte(21) || null;
  const heightCm = byte(22) || null;
  const mmDiag =
    preferredMode?.widthMm && preferredMode.heightMm
      ? Math.hypot(preferredMode.widthMm, preferredMode.heightMm) / 25.4
      : null;
  const cmDiag = widthCm && heightCm ? Math.hypot(widthCm, heightCm) / 2.54 : null;
  const diagonal = mmDiag ?? cmDiag;
  return {
    manufacturerId,
    productCode: byte(10) | (byte(11) << 8),
    serialNumber: serial === 0 ? null : serial,
    name: stringOf(0xfc)[0] ?? null,
    serialText: stringOf(0xff)[0] ?? null,
    texts: stringOf(0xfe).filter((t) => t !== ''),
    version: `${byte(18)}.${byte(19)}`,
    manufactureYear: year === 0 ? null : 1990 + year,
    manufactureWeek: week >= 1 && week <= 54 ? week : null,
    digital: (byte(20) & 0x80) !== 0,
    widthCm,
    heightCm,
    diagonalInches: diagonal === null ? null : Math.round(diagonal * 10) / 10,
    preferredMode,
    extensionCount,
    blockChecksumsOk,
    truncated: bytes.length < 128 * (1 + extensionCount),
  };
}

function descriptorText(d: Uint8Array): string {
  const raw = String.fromCharCode(...d.subarray(5, 18));
  return (
    raw
      .split('\n')[0]
      ?.replace(/[^\x20-\x7e]/g, '')
      .trim() ?? ''
  );
}

function detailedTiming(d: Uint8Array | undefined): EdidFacts['preferredMode'] {
  if (!d || d.length < 18) return null;
  const pixelClock = (d[0] ?? 0) | ((d[1] ?? 0) << 8);
  if (pixelClock === 0) return null;
  const width = (d[2] ?? 0) | (((d[4] ?? 0) & 0xf0) << 4);
  const height = (d[5] ?? 0) | (((d[7] ?? 0) & 0xf0) << 4);
  const widthMm = (d[12] ?? 0) | (((d[14] ?? 0) & 0xf0) << 4);
  const heightMm = (d[13] ?? 0) | (((d[14] ?? 0) & 0x0f) << 8);
  if (width === 0 || height === 0) return null;
  return { width, height, widthMm: widthMm || null, heightMm: heightMm || null };
}
