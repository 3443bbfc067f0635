import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSmartctlJson } from '../../../core/tools/smartctl/parse-smartctl.js';
import { presenceChecks } from '../../../diagnostics/checks/presence-checks.js';
import { selfTestState } from '../../../diagnostics/checks/smart-checks.js';
import { meminfoBytes, parseCpuinfo } from '../../../diagnostics/inventory/parse-proc.js';
import { parseAsoundCards } from '../../../diagnostics/inventory/peripherals.js';
import type { Inventory } from '../../../diagnostics/inventory/types.js';
import { readFixture } from '../../helpers/fixtures.js';

describe('/proc parsers', () => {
  it('this machine’s /proc/cpuinfo', () => {
    const info = parseCpuinfo(readFileSync('/proc/cpuinfo', 'utf8'));
    expect(info.threads).toBeGreaterThan(0);
    expect(info.flags.length).toBeGreaterThan(0);
    expect(info.cores).not.toBeNull();
  });
  it('meminfo from the Dell Latitude capture', () => {
    const map = JSON.parse(
      readFixture('battery-sysfs/dell-latitude-5420-sysfs-map-charge-uAh-not-charging.json'),
    ) as Record<string, string>;
    expect(meminfoBytes(map['/proc/meminfo'] ?? '')).toBe(16_090_296 * 1024);
  });
  it('garbage', () => {
    expect(parseCpuinfo('')).toMatchObject({ model: null, threads: 0, cores: null, flags: [] });
    expect(meminfoBytes('MemTotal: lots')).toBeNull();
  });
  it('/proc/asound/cards', () => {
    // HAND-WRITTEN: no /proc/asound capture in the corpus; format from sound/core/init.c (snd_card_info_read).
    const cards =
      ' 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n                      HDA Intel PCH at 0xf1530000 irq 30\n';
    expect(parseAsoundCards(cards)).toEqual([{ index: 0, name: 'HDA-Intel - HDA Intel PCH' }]);
    expect(parseAsoundCards('--- no soundcards ---')).toEqual([]);
  });
});

describe('self-test state from smartctl JSON', () => {
  it('ATA: completed without error, in progress', () => {
    expect(selfTestState(readFixture('smartctl/sata-ssd-samsung-860evo-full-x.json'))).toBe('passed');
    expect(selfTestState(readFixture('smartctl/sata-hdd-wd140edfz-healthy.json'))).toBe('running');
  });
  it('NVMe self-test log, and garbage', () => {
    expect(['passed', 'running', 'unknown']).toContain(
      selfTestState(readFixture('smartctl/nvme-sabrent-rocket4-1tb.json')),
    );
    expect(selfTestState('')).toBe('unknown');
    expect(parseSmartctlJson('').ok).toBe(false);
  });
});

describe('presence checks', () => {
  const empty: Inventory = {
    system: {
      vendor: null,
      product: null,
      version: null,
      family: null,
      sku: null,
      serial: null,
      uuid: null,
      chassisType: null,
      formFactor: null,
      board: { vendor: null, product: null, serial: null },
      bios: { vendor: null, version: null, date: null },
      virtual: false,
    },
    cpu: { model: null, vendor: null, cores: null, threads: 1, maxMhz: null, flags: [], score: null },
    memory: { totalBytes: null, modules: [], slots: null },
    gpus: [],
    displays: [],
    network: [],
    bluetooth: [],
    webcams: [],
    audio: [],
    usb: [],
    battery: null,
    batteries: [],
    dmiBatteries: [],
    chargerOnline: null,
    drives: [],
    locks: { firmwarePasswords: [], dmiHardwareSecurity: null, drivePasswords: [] },
    warnings: [],
  };
  it('what the machine lacks is not-present, never pass or fail', () => {
    const tests = presenceChecks(empty);
    for (const name of ['battery', 'ethernet', 'wifi', 'bluetooth', 'webcam', 'audio']) {
      expect(tests.find((t) => t.name === name)?.status).toBe('not-present');
    }
  });
  it('a set firmware password or ATA password blocks', () => {
    const locked = presenceChecks({
      ...empty,
      locks: {
        firmwarePasswords: [
          { provider: 'dell-wmi-sysman', name: 'Admin', role: 'bios-admin', enabled: true },
        ],
        dmiHardwareSecurity: null,
        drivePasswords: [{ path: '/dev/sda', enabled: true, locked: false, frozen: true }],
      },
    }).find((t) => t.name === 'locks');
    expect(locked?.status).toBe('fail');
    expect(locked?.reasons.map((r) => [r.code, r.severity])).toEqual([
      ['firmware-password', 'blocking'],
      ['drive-password', 'blocking'],
    ]);
  });
  it('an unplugged Ethernet port is skipped, a linked one passes; a corrupt panel EDID is a reserve', () => {
    const nic = {
      name: 'eth0',
      kind: 'ethernet' as const,
      mac: null,
      operstate: 'down',
      carrier: false,
      driver: 'e1000e',
    };
    const panel = {
      connector: 'eDP-1',
      internal: true,
      connected: true,
      manufacturer: 'AOC',
      name: null,
      productCode: 1,
      partNumber: null,
      year: null,
      diagonalInches: null,
      width: null,
      height: null,
      edidChecksumOk: false,
    };
    const tests = presenceChecks({
      ...empty,
      network: [nic, { ...nic, name: 'eth1', carrier: true }],
      displays: [panel],
    });
    expect(tests.filter((t) => t.name === 'ethernet').map((t) => t.status)).toEqual(['skipped', 'pass']);
    expect(tests.find((t) => t.name === 'panel')).toMatchObject({
      status: 'warn',
      reasons: [{ code: 'panel-edid-corrupt' }],
    });
  });
});
