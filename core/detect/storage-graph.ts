import { flattenLsblk, type LsblkNode } from '../tools/lsblk/parse-lsblk.js';
import type { StorageFacts } from './storage-facts.js';

/**
 * Pure: how storage is stacked, as a graph of "upper rests on lower" edges between block devices (by kernel
 * name) and the files loop devices and swap use. Each edge says how the upper one uses the lower one:
 * - partition: a partition of a disk (a part of it);
 * - holder: dm (LVM, dm-crypt, multipath), md (RAID, multipath), bcache or zram built on it;
 * - loop-device / loop-file: a loop device showing the whole of a device, or of a file;
 * - file-on-fs: a file lives on the filesystem of a device (writing the file is an ordinary file write).
 */
export type EdgeKind = 'partition' | 'holder' | 'loop-device' | 'loop-file' | 'file-on-fs';

export interface GraphNode {
  /** Kernel name (sda1, dm-0), or "file:" + path for a file. */
  id: string;
  /** What a person recognises: lsblk's name (vg-root for dm-0), or the file's path. */
  label: string;
  isFile: boolean;
  /** raid1, crypt, lvm, loop, part, zram, bcache…; null when unknown. */
  type: string | null;
  lsblk: LsblkNode | null;
  /** Mount points, lsblk's and mountinfo's ("[SWAP]" included as lsblk prints it). */
  mountpoints: string[];
}

export interface Edge {
  upper: string;
  lower: string;
  kind: EdgeKind;
}

export interface StorageGraph {
  nodes: Map<string, GraphNode>;
  /** node id → edges where it is the lower end (what rests on it). */
  above: Map<string, Edge[]>;
  /** node id → edges where it is the upper end (what it rests on). */
  below: Map<string, Edge[]>;
}

/** The kernel appends this to a loop's backing_file when the file was deleted while attached. */
const DELETED = ' (deleted)';

export function buildStorageGraph(facts: StorageFacts): StorageGraph {
  const graph: StorageGraph = { nodes: new Map(), above: new Map(), below: new Map() };
  const all = flattenLsblk(facts.nodes);
  for (const node of all) {
    if (graph.nodes.has(node.kname)) continue; // an md or dm under several members is listed once per member
    graph.nodes.set(node.kname, {
      id: node.kname,
      label: node.name,
      isFile: false,
      type: typeOf(node),
      lsblk: node,
      mountpoints: [...node.mountpoints],
    });
  }
  addMountinfoMounts(graph, facts);
  const byPath = new Map<string, string>();
  for (const node of all) {
    byPath.set(`/dev/${node.kname}`, node.kname);
    byPath.set(node.path, node.kname);
  }
  const edge = (upper: string, lower: string, kind: EdgeKind) => addEdge(graph, { upper, lower, kind });

  const stack = facts.nodes.map((node) => ({ node }));
  for (let item = stack.pop(); item; item = stack.pop()) {
    for (const child of item.node.children) {
      edge(child.kname, item.node.kname, child.type === 'part' ? 'partition' : 'holder');
      stack.push({ node: child });
    }
  }
  for (const [kname, names] of facts.holders ?? []) for (const h of names) edge(h, kname, 'holder');
  for (const [kname, names] of facts.slaves ?? []) for (const s of names) edge(kname, s, 'holder');
  for (const md of facts.mdArrays ?? []) for (const member of md.members) edge(md.name, member, 'holder');
  for (const [zram, backing] of facts.zramBackingDevices ?? []) {
    const lower = byPath.get(backing);
    if (lower) edge(zram, lower, 'holder');
  }
  const fileNode = (path: string): string => {
    const id = `file:${path}`;
    if (!graph.nodes.has(id)) {
      graph.nodes.set(id, { id, label: path, isFile: true, type: 'file', lsblk: null, mountpoints: [] });
      const fs = filesystemHolding(
        facts,
        graph,
        path.endsWith(DELETED) ? path.slice(0, -DELETED.length) : path,
      );
      if (fs) edge(id, fs, 'file-on-fs');
    }
    return id;
  };
  for (const [loop, backing] of facts.loopBackingFiles) {
    const device = byPath.get(backing);
    if (device) edge(loop, device, 'loop-device');
    else edge(loop, fileNode(backing), 'loop-file');
  }
  for (const swap of facts.swaps) {
    const device = byPath.get(swap);
    const id = device ?? fileNode(swap);
    const node = graph.nodes.get(id);
    if (node && !node.mountpoints.includes('[SWAP]')) node.mountpoints.push('[SWAP]');
  }
  return graph;
}

function addEdge(graph: StorageGraph, edge: Edge): void {
  if (edge.upper === edge.lower) return;
  for (const id of [edge.upper, edge.lower]) {
    if (!graph.nodes.has(id)) {
      // Known from sysfs or /proc/mdstat only: name the kind from the kernel name.
      const type = /^dm-/.test(id) ? 'dm' : /^md/.test(id) ? 'md' : /^bcache/.test(id) ? 'bcache' : null;
      graph.nodes.set(id, { id, label: id, isFile: false, type, lsblk: null, mountpoints: [] });
    }
  }
  const below = graph.below.get(edge.upper) ?? [];
  const existing = below.find((e) => e.lower === edge.lower);
  // lsblk's tree and sysfs say the same thing twice: keep the first, more precise, kind.
  if (existing) return;
  below.push(edge);
  graph.below.set(edge.upper, below);
  graph.above.set(edge.lower, [...(graph.above.get(edge.lower) ?? []), edge]);
}

/** Mounts lsblk did not show (another util-linux version, a mount made since): st_dev = the device. */
function addMountinfoMounts(graph: StorageGraph, facts: StorageFacts): void {
  const byMajMin = new Map<string, GraphNode>();
  for (const node of graph.nodes.values()) if (node.lsblk?.majMin) byMajMin.set(node.lsblk.majMin, node);
  for (const mount of facts.mounts ?? []) {
    const node = byMajMin.get(mount.majMin);
    if (node && !node.mountpoints.includes(mount.mountpoint)) node.mountpoints.push(mount.mountpoint);
  }
}

/**
 * The device whose filesystem holds `path`: the innermost mount containing it in mountinfo (its st_dev, or
 * its source for btrfs whose st_dev is anonymous), else in lsblk's mount points. null: not on a block device
 * gomme knows (tmpfs, overlay, NFS).
 */
function filesystemHolding(facts: StorageFacts, graph: StorageGraph, path: string): string | null {
  const contains = (mp: string) => mp === '/' || path === mp || path.startsWith(`${mp}/`);
  if (facts.mounts) {
    let best: (typeof facts.mounts)[number] | null = null;
    // Later lines are mounted on top of earlier ones at the same place: >= keeps the last.
    for (const m of facts.mounts)
      if (contains(m.mountpoint) && m.mountpoint.length >= (best?.mountpoint.length ?? 0)) best = m;
    if (!best) return null;
    for (const node of graph.nodes.values()) {
      if (node.lsblk && (node.lsblk.majMin === best.majMin || node.lsblk.path === best.source))
        return node.id;
    }
    return null;
  }
  let found: { id: string; length: number } | null = null;
  for (const node of graph.nodes.values()) {
    for (const mp of node.mountpoints) {
      if (mp !== '[SWAP]' && contains(mp) && mp.length > (found?.length ?? -1))
        found = { id: node.id, length: mp.length };
    }
  }
  return found?.id ?? null;
}

/** lsblk calls zram and bcache devices "disk": name them after what they are. */
function typeOf(node: LsblkNode): string | null {
  if (/^zram\d+$/.test(node.kname)) return 'zram';
  if (/^bcache\d+$/.test(node.kname)) return 'bcache';
  return node.type;
}
