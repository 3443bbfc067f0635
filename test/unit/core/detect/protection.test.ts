import { describe, expect, it } from 'vitest';
import { assessProtection, parseProcSwaps, rootReferences } from '../../../../core/detect/protection.js';
import { type LsblkNode, parseLsblk } from '../../../../core/tools/lsblk/parse-lsblk.js';
import { readFixture } from '../../../helpers/fixtures.js';

function node(partial: Partial<LsblkNode> & { name: string }): LsblkNode {
  return {
    kname: partial.name,
    path: `/dev/${partial.name}`,
    majMin: null,
    type: 'disk',
    sizeBytes: 1,
    tran: null,
    subsystems: null,
    rotational: null,
    removable: null,
    readOnly: false,
    hotplug: null,
    model: null,
    serial: null,
    wwn: null,
    vendor: null,
    revision: null,
    logicalSectorSize: null,
    physicalSectorSize: null,
    fstype: null,
    label: null,
    uuid: null,
    partuuid: null,
    mountpoints: [],
    idLink: null,
    children: [],
    ...partial,
  };
}

const reasons = (map: Map<string, { reason: string }[]>, name: string) => [
  ...new Set((map.get(name) ?? []).map((p) => p.reason)),
];

describe('assessProtection', () => {
  it('finds the live USB stick of a real QEMU boot from its mounted medium, and nothing else', () => {
    const { nodes } = parseLsblk(readFixture('qemu/uefi-usbboot-inventory/lsblk-J-O.out'));
    const verdicts = assessProtection({
      nodes,
      swaps: [],
      cmdline: readFixture('qemu/uefi-usbboot-inventory/cmdline.out'),
      loopBackingFiles: new Map([['loop0', '/run/live/medium/live/filesystem.squashfs']]),
    });
    // The hybrid ISO's USB disk also reports read-only.
    expect(reasons(verdicts, 'sdb')).toEqual(['read-only', 'boot-medium', 'mounted']);
    expect(
      verdicts
        .get('sdb')
        ?.map((p) => p.detail.en)
        .join('\n'),
    ).toContain('/run/live/medium');
    for (const target of ['sda', 'sdc', 'vda', 'nvme0n1']) expect(verdicts.get(target)).toEqual([]);
    expect(reasons(verdicts, 'loop0')).toEqual(
      expect.arrayContaining(['boot-medium', 'mounted', 'read-only']),
    );
  });

  it('protects an installed system disk (/, /boot/efi, swap on LVM) and leaves the other disks erasable', () => {
    const { nodes } = parseLsblk(
      readFixture('lsblk/desktop-lsblk-J-O-util-linux-2.31-usb-seagate-4kphys-lvm.CONVERTED.json'),
    );
    const verdicts = assessProtection({ nodes, swaps: [], cmdline: '', loopBackingFiles: new Map() });
    expect(reasons(verdicts, 'sdc').sort()).toEqual(['boot-medium', 'holder', 'mounted', 'swap']);
    expect(verdicts.get('sda')).toEqual([]);
    expect(verdicts.get('sdb')).toEqual([]);
  });

  it('follows a loop device back to the disk that holds its backing file (findiso / toram-less live boots)', () => {
    const stick = node({
      name: 'sdc',
      children: [node({ name: 'sdc1', type: 'part', mountpoints: ['/run/live/findiso'] })],
    });
    const iso = node({ name: 'loop1', type: 'loop', mountpoints: ['/run/live/medium'] });
    const verdicts = assessProtection({
      nodes: [node({ name: 'sda' }), stick, iso],
      swaps: [],
      cmdline: 'boot=live findiso=/gomme.iso',
      loopBackingFiles: new Map([['loop1', '/run/live/findiso/gomme.iso']]),
    });
    expect(reasons(verdicts, 'sdc')).toContain('boot-medium');
    expect(verdicts.get('sda')).toEqual([]);
  });

  it('protects the root device named by UUID on the kernel command line even when not mounted', () => {
    const disk = node({
      name: 'nvme0n1',
      children: [node({ name: 'nvme0n1p2', type: 'part', uuid: 'AbC-1' })],
    });
    const verdicts = assessProtection({
      nodes: [disk, node({ name: 'sda' })],
      swaps: [],
      cmdline: 'BOOT_IMAGE=/vmlinuz root=UUID=abc-1 ro quiet',
      loopBackingFiles: new Map(),
    });
    expect(reasons(verdicts, 'nvme0n1')).toEqual(['boot-medium']);
    expect(verdicts.get('sda')).toEqual([]);
  });

  it('protects swap, active holders (LVM, md, dm-crypt), read-only disks and the gomme data partition', () => {
    const verdicts = assessProtection({
      nodes: [
        node({ name: 'sda', children: [node({ name: 'sda1', type: 'part' })] }),
        node({ name: 'sdb', children: [node({ name: 'vg-root', type: 'lvm' })] }),
        node({ name: 'sdc', children: [node({ name: 'md0', type: 'raid1' })] }),
        node({ name: 'sdd', children: [node({ name: 'luks', type: 'crypt', mountpoints: ['/home'] })] }),
        node({ name: 'sde', readOnly: true }),
        node({ name: 'sdf', children: [node({ name: 'sdf1', type: 'part', label: 'GOMME-DATA' })] }),
        node({ name: 'sdg', mountpoints: ['[SWAP]'] }),
      ],
      swaps: ['/dev/sda1'],
      cmdline: '',
      loopBackingFiles: new Map(),
    });
    expect(reasons(verdicts, 'sda')).toEqual(['swap']);
    expect(reasons(verdicts, 'sdb')).toEqual(['holder']);
    expect(reasons(verdicts, 'sdc')).toEqual(['holder']);
    expect(reasons(verdicts, 'sdd')).toEqual(['mounted', 'holder']);
    expect(reasons(verdicts, 'sde')).toEqual(['read-only']);
    expect(reasons(verdicts, 'sdf')).toEqual(['boot-medium']);
    expect(reasons(verdicts, 'sdg')).toEqual(['swap']);
  });

  it('does not call a disk the boot medium because of its name, model or removable flag', () => {
    const verdicts = assessProtection({
      nodes: [node({ name: 'sdb', tran: 'usb', removable: true, model: 'Live USB boot', label: 'LIVE' })],
      swaps: [],
      cmdline: 'boot=live',
      loopBackingFiles: new Map(),
    });
    expect(verdicts.get('sdb')).toEqual([]);
  });
});

describe('assessProtection through the storage graph', () => {
  const loop = (name: string, extra: Partial<LsblkNode> = {}) => node({ name, type: 'loop', ...extra });

  it('two loop devices on one deleted file share it: the mounted one protects the other', () => {
    const verdicts = assessProtection({
      nodes: [loop('loop1', { mountpoints: ['/mnt/a'] }), loop('loop2'), loop('loop3')],
      swaps: [],
      cmdline: '',
      loopBackingFiles: new Map([
        ['loop1', '/srv/img/disk.img (deleted)'],
        ['loop2', '/srv/img/disk.img (deleted)'],
        ['loop3', '/srv/img/other.img'],
      ]),
    });
    expect(verdicts.get('loop2')?.map((p) => p.detail.en)).toEqual([
      'loop1 is mounted at /mnt/a and uses the same file (/srv/img/disk.img (deleted)) as this drive',
    ]);
    // A different file on the same filesystem shares nothing.
    expect(verdicts.get('loop3')).toEqual([]);
  });

  it('places a backing file by mountinfo: the innermost mount, the last one mounted on top, btrfs by source', () => {
    const disks = [
      node({ name: 'sda', majMin: '8:0', children: [node({ name: 'sda1', type: 'part', majMin: '8:1' })] }),
      node({ name: 'sdb', majMin: '8:16', children: [node({ name: 'sdb1', type: 'part', majMin: '8:17' })] }),
      node({ name: 'sdc', majMin: '8:32', children: [node({ name: 'sdc1', type: 'part', majMin: '8:33' })] }),
    ];
    const entry = (majMin: string, mountpoint: string, source: string) => ({
      majMin,
      root: '/',
      mountpoint,
      fstype: 'ext4',
      source,
    });
    const verdicts = assessProtection({
      nodes: [
        ...disks,
        loop('loop0', { mountpoints: ['/mnt/x'] }),
        loop('loop1', { mountpoints: ['[SWAP]'] }),
      ],
      swaps: [],
      cmdline: '',
      loopBackingFiles: new Map([
        ['loop0', '/data/vm/x.img'],
        ['loop1', '/pool/swap.img'],
      ]),
      mounts: [
        entry('8:1', '/data', '/dev/sda1'),
        entry('8:17', '/data', '/dev/sdb1'), // mounted over sda1's /data: it hides it
        { ...entry('0:52', '/pool', '/dev/sdc1'), fstype: 'btrfs' },
      ],
    });
    // sda1 is still mounted (mountinfo says so even where lsblk did not), but the file is on sdb1, on top.
    expect(verdicts.get('sda')?.map((p) => p.detail.en)).toEqual(['sda1 is mounted at /data']);
    expect(verdicts.get('sdb')?.map((p) => p.detail.en)).toEqual([
      'sdb1 is mounted at /data',
      'loop0 is mounted at /mnt/x and rests on this drive (via the file /data/vm/x.img, sdb1)',
    ]);
    expect(verdicts.get('sdc')?.map((p) => p.reason)).toEqual(['swap']);
    // The loop devices themselves: only their own use (a file write does not touch the disk's filesystem).
    expect(verdicts.get('loop0')?.map((p) => p.reason)).toEqual(['mounted']);
  });

  it('terminates on cycles and self-references in hostile sysfs listings', () => {
    const verdicts = assessProtection({
      nodes: [node({ name: 'sda' }), node({ name: 'sdb', mountpoints: ['/x'] })],
      swaps: [],
      cmdline: '',
      loopBackingFiles: new Map(),
      holders: new Map([
        ['sda', ['sdb', 'sda']],
        ['sdb', ['sda']],
      ]),
      slaves: new Map([['sda', ['sda']]]),
    });
    expect(verdicts.get('sda')?.map((p) => p.detail.en)).toEqual([
      'sdb is mounted at /x and rests on this drive',
      'sdb (disk) is built on it',
    ]);
  });

  it('a loop device over a whole disk protects the disk only when something on the loop is in use', () => {
    const facts = (mounted: boolean) => ({
      nodes: [node({ name: 'sdb' }), loop('loop7', { mountpoints: mounted ? ['/mnt/l'] : [] })],
      swaps: [],
      cmdline: '',
      loopBackingFiles: new Map([['loop7', '/dev/sdb']]),
    });
    expect(assessProtection(facts(false)).get('sdb')).toEqual([]);
    expect(
      assessProtection(facts(true))
        .get('sdb')
        ?.map((p) => p.detail.fr),
    ).toEqual(['loop7 est monté sur /mnt/l et repose sur ce disque']);
  });
});

describe('rootReferences and parseProcSwaps', () => {
  it('reads root=, live-media= and bootfrom= forms', () => {
    expect(
      rootReferences('root=PARTUUID=1234 live-media=/dev/disk/by-label/GOMME bootfrom=/dev/sdb1 quiet'),
    ).toEqual([
      { kind: 'partuuid', value: '1234' },
      { kind: 'label', value: 'GOMME' },
      { kind: 'path', value: '/dev/sdb1' },
    ]);
  });

  it('lists swap areas from /proc/swaps', () => {
    const text =
      'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/dev/sda2 partition\t8388604\t0\t-2\n/swap\\040file file 1 0 -3\n';
    expect(parseProcSwaps(text)).toEqual(['/dev/sda2', '/swap file']);
  });
});
