import { describe, expect, it } from 'vitest';
import { chooseTargets } from '../../../../cli/unattended/targets.js';
import type { Drive } from '../../../../core/drive.js';
import { text } from '../../../../core/i18n.js';

const drive = (path: string, serial: string | null, extra: Partial<Drive> = {}): Drive =>
  ({
    path,
    serial,
    transport: 'sata',
    protected: false,
    protections: [],
    ...extra,
  }) as Drive;

const bootStick = drive('/dev/sdd', 'LIVEUSB01', {
  transport: 'usb',
  protected: true,
  protections: [
    {
      reason: 'boot-medium',
      detail: text(
        'sdd1 porte le système en marche (monté sur /run/live/medium)',
        'sdd1 holds the running system (mounted at /run/live/medium)',
      ),
    },
  ],
});
const dataDisk = drive('/dev/vdb', 'DATA0001', {
  transport: 'virtio',
  protected: true,
  protections: [
    {
      reason: 'boot-medium',
      detail: text(
        'vdb1 est la partition de données de gomme (GOMME-DATA)',
        "vdb1 is gomme's data partition (GOMME-DATA)",
      ),
    },
  ],
});
const drives = [
  drive('/dev/sda', 'SATA0001'),
  drive('/dev/nvme0n1', 'deadbeef', { transport: 'nvme' }),
  drive('/dev/loop0', null, { transport: 'loop', protected: true }),
  bootStick,
  dataDisk,
];

describe('chooseTargets', () => {
  it('all-unprotected takes every real unprotected drive, never the boot stick, data disk or loops', () => {
    const choice = chooseTargets(drives, { kind: 'all-unprotected' });
    expect(choice.errors).toEqual([]);
    expect(choice.targets.map((d) => d.path)).toEqual(['/dev/sda', '/dev/nvme0n1']);
    expect(choice.skipped.map((s) => [s.drive.path, s.why])).toEqual([
      ['/dev/loop0', 'virtual'],
      ['/dev/sdd', 'protected: boot-medium'],
      ['/dev/vdb', 'protected: boot-medium'],
    ]);
  });

  it('a serial list takes exactly the listed drives', () => {
    const choice = chooseTargets(drives, { kind: 'serials', serials: ['deadbeef'] });
    expect(choice.targets.map((d) => d.path)).toEqual(['/dev/nvme0n1']);
  });

  it('refuses everything when one listed serial is missing, protected or ambiguous', () => {
    for (const serials of [
      ['deadbeef', 'NOPE'],
      ['deadbeef', 'LIVEUSB01'],
    ]) {
      const choice = chooseTargets(drives, { kind: 'serials', serials });
      expect(choice.targets).toEqual([]);
      expect(choice.errors).toHaveLength(1);
    }
    const twins = [...drives, drive('/dev/sdb', 'SATA0001')];
    const choice = chooseTargets(twins, { kind: 'serials', serials: ['SATA0001'] });
    expect(choice.targets).toEqual([]);
    expect(choice.errors[0]?.en).toContain('ambiguous');
  });

  it('refuses when nothing is left to erase', () => {
    const choice = chooseTargets([bootStick, dataDisk], { kind: 'all-unprotected' });
    expect(choice.errors[0]?.en).toBe('No unprotected drive to erase.');
    expect(choice.errors[0]?.fr).toBe('Aucun disque non protégé à effacer.');
  });
});
