/**
 * Pure parsers for the /proc files protection reads. Input may come from a replayed bundle: every parser
 * tolerates garbage (a line it does not understand is skipped) and never recurses.
 */

/** /proc/swaps: first column of every line after the header (paths with spaces come as \040). */
export function parseProcSwaps(text: string): string[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((path) => path.startsWith('/'))
    .map(unescapeOctal);
}

/** One line of /proc/self/mountinfo (proc(5)). */
export interface MountEntry {
  /** st_dev of every file on this filesystem, "major:minor": a block device's, or 0:N for tmpfs, btrfs… */
  majMin: string;
  /** Directory of the filesystem mounted here (not "/" for bind mounts of a subdirectory). */
  root: string;
  mountpoint: string;
  fstype: string;
  /** What was mounted, e.g. /dev/sda1 (btrfs: the device even though majMin is 0:N). */
  source: string;
}

export function parseMountInfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const separator = fields.indexOf('-', 6);
    const [, , majMin, root, mountpoint] = fields;
    const fstype = fields[separator + 1];
    const source = fields[separator + 2];
    if (separator < 0 || !majMin || !/^\d+:\d+$/.test(majMin) || !root || !mountpoint || !fstype) continue;
    entries.push({
      majMin,
      root: unescapeOctal(root),
      mountpoint: unescapeOctal(mountpoint),
      fstype,
      source: unescapeOctal(source ?? ''),
    });
  }
  return entries;
}

/** One md array of /proc/mdstat, e.g. "md0 : active raid1 sdb1[1] sda1[0]". */
export interface MdArray {
  name: string;
  /** active, inactive… */
  state: string;
  /** raid1, multipath, linear…; null for an inactive array or a container, which mdstat gives no level for. */
  level: string | null;
  /** Kernel names of the member devices, spares included. */
  members: string[];
}

export function parseMdstat(text: string): MdArray[] {
  const arrays: MdArray[] = [];
  for (const line of text.split('\n')) {
    const match = /^(md[\w-]*)\s*:\s*(\S+)\s+(.*)$/.exec(line.trim());
    if (!match?.[1] || !match[2] || match[3] === undefined) continue;
    const tokens = match[3].split(/\s+/).filter((t) => t !== '' && !/^\(.*\)$/.test(t));
    const members = tokens.flatMap((t) => {
      const member = /^([^[\s]+)\[\d+\]/.exec(t);
      return member?.[1] ? [member[1]] : [];
    });
    const level = tokens.find((t) => !t.includes('[')) ?? null;
    arrays.push({ name: match[1], state: match[2], level, members });
  }
  return arrays;
}

/** The kernel escapes space, tab, newline and backslash in paths as \040, \011, \012, \134. */
function unescapeOctal(value: string): string {
  return value.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}
