/**
 * Pure parser for `dmidecode` text output (any -t selection): the generic record layer. Each "Handle …"
 * block becomes a record of properties; indented lists (Flags, Characteristics…) are kept as string arrays.
 * Typed facts are extracted by dmi-facts.ts. Never throws; garbage yields no records.
 */

export interface DmiRecord {
  handle: string;
  type: number;
  /** The block title, e.g. "System Information", "Portable Battery". */
  title: string;
  /** `Key: value` lines, raw (placeholders still in: see dmiValue). */
  props: Record<string, string>;
  /** `Key:` lines followed by deeper-indented items. */
  lists: Record<string, string[]>;
}

const HANDLE = /^Handle (0x[0-9A-Fa-f]+), DMI type (\d+)/;

export function parseDmidecode(stdout: string): DmiRecord[] {
  const records: DmiRecord[] = [];
  let current: DmiRecord | null = null;
  let titlePending = false;
  let listKey: string | null = null;
  for (const rawLine of String(stdout).split(/\r?\n/)) {
    const handle = HANDLE.exec(rawLine);
    if (handle) {
      current = { handle: handle[1] ?? '', type: Number(handle[2]), title: '', props: {}, lists: {} };
      records.push(current);
      titlePending = true;
      listKey = null;
      continue;
    }
    if (!current) continue;
    if (rawLine.trim() === '') {
      listKey = null;
      continue;
    }
    if (titlePending && !rawLine.startsWith('\t')) {
      current.title = rawLine.trim();
      titlePending = false;
      continue;
    }
    titlePending = false;
    const depth = /^\t*/.exec(rawLine)?.[0].length ?? 0;
    const line = rawLine.trim();
    if (depth >= 2 && listKey) {
      const items = current.lists[listKey] ?? [];
      items.push(line);
      current.lists[listKey] = items;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (value === '') {
      listKey = key;
      current.lists[key] ??= [];
    } else {
      listKey = null;
      current.props[key] = value;
    }
  }
  return records;
}

/**
 * Values firmware writers leave in unfilled fields, and dmidecode's own markers: all mean "unknown".
 * Compared case-insensitively after trimming.
 */
const PLACEHOLDERS = new Set(
  [
    '',
    'Not Specified',
    'Not Provided',
    'Not Available',
    'Not Present',
    'Not Applicable',
    'Unknown',
    'None',
    'N/A',
    '--',
    '<OUT OF SPEC>',
    '<BAD INDEX>',
    'To Be Filled By O.E.M.',
    'To be filled by O.E.M.',
    'Default string',
    'System Product Name',
    'System manufacturer',
    'System Serial Number',
    'System Version',
    'Chassis Serial Number',
    'Base Board Serial Number',
    '0123456789',
    '123456789',
    'Type1ProductConfigId',
    'OEM',
    'O.E.M.',
    'XXXXXXXXXX',
    'Not Settable',
    'Unspecified',
    'No Module Installed',
    'Empty',
    'NO DIMM',
  ].map((s) => s.toLowerCase()),
);

/** A property with placeholders and padding removed; null when unknown. */
export function dmiValue(record: DmiRecord | undefined, key: string): string | null {
  const raw = record?.props[key];
  if (raw === undefined) return null;
  const trimmed = raw.replace(/[\s\0]+$/g, '').trim();
  if (PLACEHOLDERS.has(trimmed.toLowerCase())) return null;
  // Serial placeholders made of one repeated character ("00000000", "FFFFFFFF", "........").
  if (/^(.)\1{3,}$/.test(trimmed) && /^[0F.X* ]$/i.test(trimmed[0] ?? '')) return null;
  return trimmed;
}

/** A leading integer of a property ("8 GB" → 8; "Unknown" → null). */
export function dmiNumber(record: DmiRecord | undefined, key: string): number | null {
  const value = dmiValue(record, key);
  if (value === null) return null;
  const match = /^(\d+(?:\.\d+)?)/.exec(value);
  return match ? Number(match[1]) : null;
}

const UNIT_BYTES: Record<string, number> = {
  bytes: 1,
  kB: 1024,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  TB: 1024 ** 4,
};

/** A DMI size ("16 GB", "512 MB", "16384 MB") in bytes; SMBIOS sizes are binary units. */
export function dmiBytes(record: DmiRecord | undefined, key: string): number | null {
  const value = dmiValue(record, key);
  const match = value ? /^(\d+)\s*(bytes|kB|KB|MB|GB|TB)\b/.exec(value) : null;
  if (!match) return null;
  const factor = UNIT_BYTES[match[2] ?? ''];
  return factor === undefined ? null : Number(match[1]) * factor;
}
