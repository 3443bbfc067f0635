import { describe, expect, it } from 'vitest';
import { flattenLsblk, parseLsblk } from '../../../../../core/tools/lsblk/parse-lsblk.js';
import { listFixtures, readFixture } from '../../../../helpers/fixtures.js';

const corpus = [...listFixtures('lsblk'), ...listFixtures('qemu').filter((f) => /lsblk-.*\.out$/.test(f))];

describe('parseLsblk', () => {
  it.each(corpus)('reads %s without error', (file) => {
    const result = parseLsblk(readFixture(file));
    expect(result.error).toBeNull();
    expect(result.nodes.length).toBeGreaterThan(0);
  });

  it('reads the QEMU live-USB boot tree: disks, transports, the medium partition and its mount', () => {
    const { nodes } = parseLsblk(readFixture('qemu/uefi-usbboot-inventory/lsblk-J-b.out'));
    const byName = new Map(flattenLsblk(nodes).map((n) => [n.name, n]));
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining(['sda', 'sdb', 'sdb1', 'sdc', 'vda', 'nvme0n1', 'loop0']),
    );
    expect(byName.get('sda')).toMatchObject({ tran: 'sata', serial: 'SATA0001', model: 'QEMU-SATA-TEST' });
    expect(byName.get('sdb')).toMatchObject({ tran: 'usb', serial: 'LIVEUSB01', removable: false });
    expect(byName.get('sdb1')?.mountpoints).toEqual(['/run/live/medium']);
    expect(byName.get('nvme0n1')?.serial).toBe('deadbeef');
    expect(byName.get('loop0')).toMatchObject({ type: 'loop', readOnly: true });
    expect(byName.get('sda')?.sizeBytes).toBe(4 * 1024 ** 3);
  });

  it('reads util-linux 2.31 strings ("1"/"0" booleans, single mountpoint) and leaves human sizes unknown', () => {
    const { nodes } = parseLsblk(
      readFixture('lsblk/desktop-lsblk-J-O-util-linux-2.31-usb-seagate-4kphys-lvm.CONVERTED.json'),
    );
    const all = flattenLsblk(nodes);
    const loop0 = all.find((n) => n.name === 'loop0');
    expect(loop0).toMatchObject({ readOnly: true, rotational: true, mountpoints: ['/snap/sublime-text/38'] });
    expect(loop0?.sizeBytes).toBeNull();
    expect(all.find((n) => n.name === 'sdb')).toMatchObject({ tran: 'sata', physicalSectorSize: 4096 });
    expect(all.find((n) => n.name === 'sda')).toMatchObject({ tran: 'usb', model: 'Expansion' });
    expect(all.some((n) => n.type === 'lvm')).toBe(true);
  });

  it('trims padded names and strips /dev/ from knames (ironlib subset)', () => {
    const { nodes } = parseLsblk(readFixture('lsblk/ironlib-lsblk-J-subset.json'));
    expect(nodes.map((n) => n.kname)).toEqual(['sda', 'sdb', 'nvme0', 'nvme1']);
    expect(nodes[1]?.model).toBe('MTFDDAV240TDU');
    expect(nodes[2]?.serial).toBe('202728F691F5');
  });

  it('takes names from paths when lsblk printed only PATH', () => {
    const { nodes } = parseLsblk(readFixture('lsblk/pve-lsblk-json-path-parttype-fstype.json'));
    expect(nodes.map((n) => n.name)).toEqual(['sdm', 'sdm1', 'sdm9', 'sdn']);
    expect(nodes[3]?.fstype).toBe('xfs');
  });

  it.each(['', 'garbage', '{}', '[]', 'null', '{"blockdevices": 3}', '{"blockdevices":[null, 1, {"x":1}]}'])(
    'never throws on %j',
    (input) => {
      const result = parseLsblk(input);
      expect(result.nodes).toEqual([]);
    },
  );

  it('refuses trees nested deeper than real stacks, without recursing (5,000 levels)', () => {
    let inner = '{"name":"x0"}';
    for (let i = 1; i < 5_000; i++) inner = `{"name":"x${i}","children":[${inner}]}`;
    const result = parseLsblk(`{"blockdevices":[${inner}]}`);
    expect(result).toEqual({ nodes: [], error: 'lsblk output nests devices more than 64 levels deep' });
  });

  it('keeps a real-depth stack, in order, and flattens it depth-first', () => {
    let inner = '{"name":"x63"}';
    for (let i = 62; i >= 1; i--) inner = `{"name":"x${i}","children":[${inner}, {"name":"y${i}"}]}`;
    const { nodes, error } = parseLsblk(`{"blockdevices":[${inner}, {"name":"z"}]}`);
    expect(error).toBeNull();
    const names = flattenLsblk(nodes).map((n) => n.name);
    expect(names.slice(0, 4)).toEqual(['x1', 'x2', 'x3', 'x4']);
    expect(names.slice(-3)).toEqual(['y2', 'y1', 'z']);
    expect(names).toHaveLength(63 + 62 + 1);
  });

  it('refuses more devices than any machine has', () => {
    const many = Array.from({ length: 100_001 }, (_, i) => `{"name":"d${i}"}`).join(',');
    expect(parseLsblk(`{"blockdevices":[${many}]}`).error).toBe(
      'lsblk output lists more than 100000 devices',
    );
  });

  it('never throws on truncated real output', () => {
    const text = readFixture('qemu/uefi-usbboot-inventory/lsblk-J-O.out');
    for (const cut of [1, 100, 1000, text.length / 2, text.length - 3]) {
      expect(parseLsblk(text.slice(0, cut)).error).toMatch(/not JSON/);
    }
  });
});
