import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMdstat, parseMountInfo } from '../../../../core/detect/parse-proc.js';

describe('parseMountInfo', () => {
  it('reads this machine’s /proc/self/mountinfo: st_dev, mount point, type and source of each mount', () => {
    const entries = parseMountInfo(readFileSync('/proc/self/mountinfo', 'utf8'));
    const root = entries.find((e) => e.mountpoint === '/');
    expect(root?.majMin).toMatch(/^\d+:\d+$/);
    expect(entries.find((e) => e.mountpoint === '/proc')).toMatchObject({ fstype: 'proc', root: '/' });
  });

  it('handles optional fields, octal escapes, bind mounts and garbage lines', () => {
    const text = [
      '36 35 98:0 /mnt1 /mnt/parent\\040dir rw,noatime master:1 shared:2 - ext3 /dev/root rw,errors=continue',
      '40 27 0:45 /@home /home rw,relatime shared:3 - btrfs /dev/sda2 rw,space_cache=v2,subvol=/@home',
      'garbage',
      '1 2 3:4 / /x rw', // no separator
      '',
    ].join('\n');
    expect(parseMountInfo(text)).toEqual([
      { majMin: '98:0', root: '/mnt1', mountpoint: '/mnt/parent dir', fstype: 'ext3', source: '/dev/root' },
      { majMin: '0:45', root: '/@home', mountpoint: '/home', fstype: 'btrfs', source: '/dev/sda2' },
    ]);
  });
});

describe('parseMdstat', () => {
  it('reads active, read-only, multipath and inactive arrays with their members and spares', () => {
    const text = [
      'Personalities : [raid1] [multipath] [raid6] [raid5] [raid4]',
      'md1 : active multipath sdg[1] sdf[0]',
      '      488254464 blocks [2/2] [UU]',
      '',
      'md127 : inactive sdh[0](S)',
      '      488254464 blocks super 1.2',
      '',
      'md0 : active (auto-read-only) raid1 sdb1[1] sda1[0] sdc1[2](S)',
      '      487253952 blocks super 1.2 [2/2] [UU]',
      '      bitmap: 1/4 pages [4KB], 65536KB chunk',
      '',
      'md2 : active raid5 nvme2n1p1[3] nvme1n1p1[1](F) nvme0n1p1[0]',
      'unused devices: <none>',
    ].join('\n');
    expect(parseMdstat(text)).toEqual([
      { name: 'md1', state: 'active', level: 'multipath', members: ['sdg', 'sdf'] },
      { name: 'md127', state: 'inactive', level: null, members: ['sdh'] },
      { name: 'md0', state: 'active', level: 'raid1', members: ['sdb1', 'sda1', 'sdc1'] },
      { name: 'md2', state: 'active', level: 'raid5', members: ['nvme2n1p1', 'nvme1n1p1', 'nvme0n1p1'] },
    ]);
  });

  it.each(['', 'garbage', 'md0 :', '\u0000\u0001'])('never throws on %j', (text) => {
    expect(() => parseMdstat(text)).not.toThrow();
  });
});
