import type { Protection, ProtectionReason } from '../drive.js';
import { text } from '../i18n.js';
import { nodeUses, type Use } from './node-uses.js';
import { describeUse, type Relation } from './protection-wording.js';
import type { StorageFacts } from './storage-facts.js';
import { buildStorageGraph, type EdgeKind, type GraphNode, type StorageGraph } from './storage-graph.js';

export { DATA_PARTITION_LABEL, rootReferences } from './node-uses.js';
export { parseProcSwaps } from './parse-proc.js';

/**
 * Pure protection verdicts: which drives gomme must never touch, and why. Erasing a drive destroys what rests
 * on it (its partitions, the LVM, RAID or encrypted volumes built on it, the loop devices over it or over a
 * file of its filesystem) and what shares its data (another loop device over the same file or device): the
 * drive is protected when any of those is mounted, active swap, held by a mapping or holds the running system.
 */
export type ProtectionInputs = StorageFacts;

/** Loop devices pass writes to the whole of what they show: erasing one erases that. */
const SAME_DATA: readonly EdgeKind[] = ['loop-device', 'loop-file'];

const REASON_ORDER: readonly ProtectionReason[] = [
  'read-only',
  'boot-medium',
  'mounted',
  'swap',
  'holder',
  'in-use',
];

/** Verdicts for every top-level device lsblk lists, by lsblk name. */
export function assessProtection(facts: StorageFacts): Map<string, Protection[]> {
  const graph = buildStorageGraph(facts);
  const uses = nodeUses(graph, facts);
  return new Map(facts.nodes.map((top) => [top.name, protectionsOf(graph, uses, top.kname)]));
}

/** The protections of one device (kernel name), from a graph and the uses of its nodes. */
export function protectionsOf(graph: StorageGraph, uses: Map<string, Use[]>, kname: string): Protection[] {
  const drive = graph.nodes.get(kname);
  if (!drive) return [];
  const found: Protection[] = [];
  const add = (node: GraphNode, relation: Relation, skipHolder = false) => {
    for (const use of uses.get(node.id) ?? []) {
      if (skipHolder && use.kind === 'holder') continue;
      found.push({ reason: reasonOf(use), detail: describeUse(node, use, relation) });
    }
  };
  if (drive.lsblk?.readOnly) {
    found.push({
      reason: 'read-only',
      detail: text(`${drive.label} est en lecture seule`, `${drive.label} is read-only`),
    });
  }
  // Its own use; being built on other devices (bcacheN) is not a reason to protect it.
  add(drive, { kind: 'self' }, true);
  const above = walk(graph, kname, 'up', () => true, new Set());
  for (const [id, chain] of above) add(graph.nodes.get(id)!, aboveRelation(graph, chain, kname));
  // What this drive shows in whole (a loop's file or device), and everything else resting on that.
  const same = walk(graph, kname, 'down', (e) => SAME_DATA.includes(e.kind), new Set());
  const skip = new Set([kname, ...above.keys(), ...same.keys()]);
  for (const id of same.keys()) {
    const common = graph.nodes.get(id)!;
    add(common, { kind: 'below' }, true);
    for (const other of walk(graph, id, 'up', () => true, skip).keys()) {
      add(graph.nodes.get(other)!, { kind: 'shares', common });
    }
  }
  return sortAndDedupe(found);
}

/**
 * Breadth-first walk (no recursion: the graph comes from untrusted input) from `start` along edges that pass
 * `follow`, never entering `skip`. Returns each node reached with the chain of node ids from it back to start.
 */
function walk(
  graph: StorageGraph,
  start: string,
  direction: 'up' | 'down',
  follow: (edge: { kind: EdgeKind }) => boolean,
  skip: ReadonlySet<string>,
): Map<string, string[]> {
  const parent = new Map<string, string>();
  const order: string[] = [];
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    const edges = (direction === 'up' ? graph.above : graph.below).get(id) ?? [];
    for (const edge of edges) {
      const next = direction === 'up' ? edge.upper : edge.lower;
      if (!follow(edge) || next === start || skip.has(next) || parent.has(next)) continue;
      parent.set(next, id);
      order.push(next);
      queue.push(next);
    }
  }
  return new Map(
    order.map((id) => {
      const chain = [id];
      for (let at = parent.get(id); at !== undefined && at !== start; at = parent.get(at)) chain.push(at);
      return [id, chain];
    }),
  );
}

/** chain: from the node above down to (not including) the drive. */
function aboveRelation(graph: StorageGraph, chain: string[], drive: string): Relation {
  const [top, ...via] = chain;
  const edges = graph.below.get(top!) ?? [];
  const direct = via.length === 0 && edges.some((e) => e.lower === drive && e.kind === 'partition');
  return { kind: 'above', direct, via: via.map((id) => graph.nodes.get(id)!) };
}

function reasonOf(use: Use): ProtectionReason {
  switch (use.kind) {
    case 'mounted':
      return 'mounted';
    case 'swap':
      return 'swap';
    case 'boot':
      return 'boot-medium';
    case 'bcache':
    case 'holder':
      return 'holder';
  }
}

function sortAndDedupe(list: Protection[]): Protection[] {
  const seen = new Set<string>();
  return list
    .filter((p) => {
      const key = `${p.reason}\u0000${p.detail.en}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason));
}
