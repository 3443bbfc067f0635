/**
 * Pure parser for `lsblk -J [-b] [-O]`. It accepts what every util-linux version prints: numbers or numeric
 * strings, "1"/"0" booleans (2.31), a single `mountpoint` (before 2.37) or `mountpoints`, padded strings.
 * Sizes printed human-readable ("29.5M", no -b) are not converted: approximations become null (unknown).
 * Input may be hostile (a replayed bundle): the tree is walked without recursion and bounded in depth and size.
 */

/** Real stacks are a dozen levels at most (disk, partition, md, bcache, dm-crypt, LVM…). */
export const LSBLK_MAX_DEPTH = 64;
/** Far above any machine (every partition and holder of hundreds of drives), far below what hurts. */
export const LSBLK_MAX_NODES = 100_000;

export interface LsblkNode {
  name: string;
  kname: string;
  path: string;
  majMin: string | null;
  type: string | null;
  sizeBytes: number | null;
  tran: string | null;
  subsystems: string | null;
  rotational: boolean | null;
  removable: boolean | null;
  readOnly: boolean | null;
  hotplug: boolean | null;
  model: string | null;
  serial: string | null;
  wwn: string | null;
  vendor: string | null;
  revision: string | null;
  logicalSectorSize: number | null;
  physicalSectorSize: number | null;
  fstype: string | null;
  label: string | null;
  uuid: string | null;
  partuuid: string | null;
  /** Mount points, with "[SWAP]" for active swap as lsblk prints it. */
  mountpoints: string[];
  idLink: string | null;
  children: LsblkNode[];
}

export interface LsblkResult {
  nodes: LsblkNode[];
  /** Why nothing could be read, when the input was not an lsblk tree. */
  error: string | null;
}

export function parseLsblk(text: string): LsblkResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { nodes: [], error: 'lsblk output is not JSON' };
  }
  const list = isRecord(data) ? data.blockdevices : undefined;
  if (!Array.isArray(list)) return { nodes: [], error: 'lsblk output has no "blockdevices" array' };
  return buildTree(list);
}

/** Converts the raw tree breadth-first with an explicit queue: no recursion, so no stack overflow. */
function buildTree(list: unknown[]): LsblkResult {
  const roots: LsblkNode[] = [];
  const queue: Array<{ raw: unknown[]; into: LsblkNode[]; depth: number }> = [
    { raw: list, into: roots, depth: 1 },
  ];
  let count = 0;
  for (let head = 0; head < queue.length; head++) {
    const next = queue[head]!;
    if (next.depth > LSBLK_MAX_DEPTH) {
      return { nodes: [], error: `lsblk output nests devices more than ${LSBLK_MAX_DEPTH} levels deep` };
    }
    for (const raw of next.raw) {
      const node = isRecord(raw) ? toNode(raw) : null;
      if (!node) continue;
      if (++count > LSBLK_MAX_NODES) {
        return { nodes: [], error: `lsblk output lists more than ${LSBLK_MAX_NODES} devices` };
      }
      next.into.push(node);
      const children = (raw as Record<string, unknown>).children;
      if (Array.isArray(children) && children.length > 0) {
        queue.push({ raw: children, into: node.children, depth: next.depth + 1 });
      }
    }
  }
  return { nodes: roots, error: null };
}

/** Depth-first list of a node and all its descendants (iterative: trees come from untrusted input). */
export function flattenLsblk(nodes: readonly LsblkNode[]): LsblkNode[] {
  const out: LsblkNode[] = [];
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as LsblkNode);
  }
  return out;
}

/** One node without its children (buildTree fills them). */
function toNode(raw: Record<string, unknown>): LsblkNode | null {
  const name = str(raw.name) ?? baseName(str(raw.kname) ?? str(raw.path));
  if (!name) return null;
  const kname = baseName(str(raw.kname)) ?? name;
  return {
    name: baseName(name) ?? name,
    kname,
    path: str(raw.path) ?? `/dev/${kname}`,
    majMin: str(raw['maj:min']),
    type: str(raw.type),
    sizeBytes: int(raw.size),
    tran: str(raw.tran),
    subsystems: str(raw.subsystems),
    rotational: bool(raw.rota),
    removable: bool(raw.rm),
    readOnly: bool(raw.ro),
    hotplug: bool(raw.hotplug),
    model: str(raw.model),
    serial: str(raw.serial),
    wwn: str(raw.wwn),
    vendor: str(raw.vendor),
    revision: str(raw.rev),
    logicalSectorSize: int(raw['log-sec']),
    physicalSectorSize: int(raw['phy-sec']),
    fstype: str(raw.fstype),
    label: str(raw.label),
    uuid: str(raw.uuid),
    partuuid: str(raw.partuuid),
    mountpoints: mountpoints(raw),
    idLink: str(raw['id-link']),
    children: [],
  };
}

function mountpoints(raw: Record<string, unknown>): string[] {
  const many = Array.isArray(raw.mountpoints) ? raw.mountpoints : [raw.mountpoint];
  return many.map(str).filter((m): m is string => m !== null);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function baseName(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.replace(/^\/dev\//, '') || null;
}

function int(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
    const n = Number(value.trim());
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

function bool(value: unknown): boolean | null {
  if (value === true || value === 1 || value === '1') return true;
  if (value === false || value === 0 || value === '0') return false;
  return null;
}
