import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { discoverDrives } from '../../core/detect/discover-drives.js';
import { assessProtection } from '../../core/detect/protection.js';
import { readStorageFacts } from '../../core/detect/storage-facts.js';
import type { Text } from '../../core/i18n.js';
import { type Bundle, parseBundle } from '../../core/run/bundle.js';
import { replaySystem } from '../../core/run/system.js';
import { lsblkArgs } from '../../core/tools/lsblk/args.js';
import { projectRoot } from '../helpers/fixtures.js';

// Any attempt to start a process during replay fails the test.
vi.mock('execa', () => ({
  execa: () => {
    throw new Error('a process was spawned during replay');
  },
}));

/**
 * Holders gomme cannot build on this kernel (dm, md, bcache, zram writeback), from a HAND-EDITED bundle
 * (test/fixtures/hand-edited/README.md): each holder protects every drive under it, with words that say why.
 */
const bundlePath = join(projectRoot, 'test/fixtures/hand-edited/stacked-storage-machine.bundle.json');
const load = (): Bundle => parseBundle(readFileSync(bundlePath, 'utf8'), bundlePath);

type Verdicts = Map<string, { reason: string; detail: Text }[]>;
const reasons = (verdicts: Verdicts, name: string) => [
  ...new Set((verdicts.get(name) ?? []).map((p) => p.reason)),
];
const details = (verdicts: Verdicts, name: string) => (verdicts.get(name) ?? []).map((p) => p.detail.en);

async function verdictsOf(bundle: Bundle): Promise<Verdicts> {
  return assessProtection(await readStorageFacts(replaySystem(bundle)));
}

/** The bundle with lsblk's holder children removed (partitions kept), as an lsblk that showed no holders. */
function withoutLsblkHolders(bundle: Bundle): Bundle {
  const key = JSON.stringify(['lsblk', ...lsblkArgs()]);
  const strip = (nodes: Array<Record<string, unknown>>): Array<Record<string, unknown>> =>
    nodes.map((n) => {
      const children = ((n.children as Array<Record<string, unknown>>) ?? []).filter(
        (c) => c.type === 'part',
      );
      return { ...n, children: strip(children) };
    });
  const commands = bundle.commands.map((c) => {
    if (JSON.stringify(c.argv) !== key) return c;
    const tree = JSON.parse(c.stdout) as { blockdevices: Array<Record<string, unknown>> };
    return { ...c, stdout: JSON.stringify({ blockdevices: strip(tree.blockdevices) }) };
  });
  return { ...bundle, commands };
}

function withoutFiles(bundle: Bundle, drop: (path: string) => boolean): Bundle {
  return {
    ...bundle,
    files: Object.fromEntries(Object.entries(bundle.files).filter(([path]) => !drop(path))),
  };
}

const HOLDER_DRIVES = [
  'sda',
  'sdb',
  'sdc',
  'sdd',
  'sde',
  'sdf',
  'sdg',
  'sdh',
  'sdi',
  'nvme0n1',
  'sdj',
  'sdk',
];

describe('stacked storage from replayed facts (hand-edited bundle)', () => {
  it('protects every drive under LVM, md (RAID1, multipath, inactive), dm-crypt, dm-multipath, bcache, zram', async () => {
    const { drives } = await discoverDrives(replaySystem(load()));
    const verdict = new Map(drives.map((d) => [d.name, d.protections]));
    const v = verdict as Verdicts;
    expect(reasons(v, 'sda')).toEqual(['mounted', 'swap', 'holder']);
    expect(details(v, 'sda')).toEqual([
      'vg0-root is mounted at /srv and rests on this drive (via md0, sda1)',
      'vg0-swap is active swap and rests on this drive (via md0, sda1)',
      'md0 (raid1) is built on it (via sda1)',
      'vg0-root (lvm) is built on it (via md0, sda1)',
      'vg0-swap (lvm) is built on it (via md0, sda1)',
    ]);
    expect(reasons(v, 'sdb')).toEqual(['mounted', 'swap', 'holder']);
    expect(details(v, 'sdc')).toEqual([
      'luks-3f1c is mounted at /home and rests on this drive (via sdc1)',
      'luks-3f1c (crypt) is built on it (via sdc1)',
    ]);
    for (const path of ['sdd', 'sde']) {
      expect(details(v, path)).toEqual([
        'mpatha1 is mounted at /data and rests on this drive (via mpatha)',
        'mpatha (mpath) is built on it',
      ]);
    }
    expect(details(v, 'sdf')).toEqual(['md1 (multipath) is built on it']);
    expect(details(v, 'sdg')).toEqual(['md1 (multipath) is built on it']);
    expect(details(v, 'sdh')).toEqual(['md127 (md) is built on it']);
    expect(details(v, 'sdi')).toEqual([
      'bcache0 is mounted at /var and rests on this drive',
      'sdi is registered with bcache as a backing device',
      'bcache0 (bcache) is built on it',
    ]);
    expect(details(v, 'nvme0n1')).toContain('nvme0n1 is registered with bcache as a cache device');
    expect(details(v, 'sdj')).toEqual(['sdj is registered with bcache as a cache device']);
    expect(details(v, 'sdk')).toEqual([
      'zram0 is active swap and rests on this drive (via sdk1)',
      'zram0 (zram) is built on it (via sdk1)',
    ]);
    expect(details(v, 'sdl')).toEqual([
      'sdl1 is mounted at /mnt/scratch',
      'the file /mnt/scratch/swapfile is active swap and rests on this drive (via sdl1)',
    ]);
    expect(reasons(v, 'sdo')).toEqual(['boot-medium', 'mounted']);
    // Nothing is over-protected: a blank drive and one with an unmounted filesystem stay erasable.
    expect(verdict.get('sdm')).toEqual([]);
    expect(verdict.get('sdn')).toEqual([]);
    // The French detail says the same.
    expect(verdict.get('sdf')?.[0]?.detail.fr).toBe('md1 (multipath) est construit dessus');
    expect(verdict.get('sdk')?.[0]?.detail.fr).toBe(
      "zram0 sert de mémoire d'échange et repose sur ce disque (via sdk1)",
    );
  });

  it('sysfs holders/ and slaves/ alone protect what lsblk did not show', async () => {
    const bundle = withoutFiles(withoutLsblkHolders(load()), (p) => p === '/proc/mdstat');
    const v = await verdictsOf(bundle);
    for (const name of ['sda', 'sdb', 'sdc', 'sdd', 'sde', 'sdf', 'sdg', 'sdh', 'sdi', 'nvme0n1']) {
      expect(reasons(v, name), name).toContain('holder');
    }
    expect(details(v, 'sda')).toContain('md0 (md) is built on it (via sda1)');
    expect(details(v, 'sdd')).toContain('dm-3 (dm) is built on it');
  });

  it('/proc/mdstat alone protects md members, spares of inactive arrays included', async () => {
    const bundle = withoutFiles(withoutLsblkHolders(load()), (p) => /\/(holders|slaves)\/$/.test(p));
    const v = await verdictsOf(bundle);
    expect(details(v, 'sda')).toEqual(['md0 (md) is built on it (via sda1)']);
    expect(details(v, 'sdf')).toEqual(['md1 (md) is built on it']);
    expect(details(v, 'sdh')).toEqual(['md127 (md) is built on it']);
    // Without mdstat either, nothing says sda is used: the same facts, removed, remove the protection.
    const none = await verdictsOf(withoutFiles(bundle, (p) => p === '/proc/mdstat'));
    expect(none.get('sda')).toEqual([]);
  });

  it('bcache registration and zram backing_dev protect without any holder link', async () => {
    const bundle = withoutFiles(withoutLsblkHolders(load()), (p) => /\/(holders|slaves)\/$/.test(p));
    const v = await verdictsOf(bundle);
    expect(details(v, 'sdi')).toEqual(['sdi is registered with bcache as a backing device']);
    expect(details(v, 'nvme0n1')).toEqual(['nvme0n1 is registered with bcache as a cache device']);
    expect(details(v, 'sdk')).toContain('zram0 (zram) is built on it (via sdk1)');
    const noZram = await verdictsOf(withoutFiles(bundle, (p) => p.endsWith('/backing_dev')));
    expect(noZram.get('sdk')).toEqual([]);
  });

  it('an old bundle without the new facts still replays, with lsblk’s tree as the only holder source', async () => {
    const bundle = withoutFiles(
      load(),
      (p) => p.endsWith('/') || p.startsWith('/proc/self') || p === '/proc/mdstat',
    );
    const v = await verdictsOf(bundle);
    for (const name of HOLDER_DRIVES.filter((n) => n !== 'sdj' && n !== 'sdk')) {
      expect(reasons(v, name), name).toContain('holder');
    }
  });
});
