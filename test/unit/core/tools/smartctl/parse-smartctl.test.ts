import { describe, expect, it } from 'vitest';
import { parseSmartctlJson } from '../../../../../core/tools/smartctl/parse-smartctl.js';
import { readFixture } from '../../../../helpers/fixtures.js';

const smartctl = (name: string) => parseSmartctlJson(readFixture(`smartctl/${name}.json`));
const qemu = (name: string) => parseSmartctlJson(readFixture(`qemu/bios-cdrom-full/${name}.out`));
const attribute = (report: ReturnType<typeof parseSmartctlJson>, id: number) =>
  report.ataAttributes.find((a) => a.id === id);

describe('parseSmartctlJson: failures to read a device', () => {
  it('open failed (Windows): not ok, the message kept, exit bit deviceOpenFailed', () => {
    const r = smartctl('open-failed-windows-error');
    expect(r.ok).toBe(false);
    expect(r.messages).toEqual([
      'Smartctl open device: /dev/sda failed: \\\\.\\PhysicalDrive0: Open failed, Error=5',
    ]);
    expect(r.exitStatus?.code).toBe(2);
    expect(r.exitStatus?.deviceOpenFailed).toBe(true);
    expect(r.exitStatus?.noVerdict).toBe(true);
    expect(r.smartctlVersion).toBe('7.0');
    expect(r.model).toBeNull();
    expect(r.smartPassed).toBeNull();
  });

  it('QEMU USB disk behind an unknown bridge: not ok, exit 1', () => {
    const r = qemu('smartctl-j-a-sdb');
    expect(r.ok).toBe(false);
    expect(r.messages).toEqual(['/dev/sdb: Unknown USB bridge [0x46f4:0x0001 (0x000)]']);
    expect(r.exitStatus?.commandLineError).toBe(true);
    expect(r.exitStatus?.noVerdict).toBe(true);
  });

  it('QEMU virtio disk: "Unable to detect device type"', () => {
    const r = qemu('smartctl-j-a-vda');
    expect(r.ok).toBe(false);
    expect(r.messages).toEqual(['/dev/vda: Unable to detect device type']);
  });

  it('a --scan result has devices but describes none', () => {
    expect(smartctl('scan-open-mixed').ok).toBe(false);
    expect(qemu('smartctl-scan-open').ok).toBe(false);
  });
});

describe('parseSmartctlJson: NVMe', () => {
  it('Samsung PM1725a: critical warning 16 (volatile backup failed), SMART FAILED, exit bit 3', () => {
    const r = smartctl('nvme-samsung-pm1725a-critical-warning16-FAILED');
    expect(r.ok).toBe(true);
    expect(r.protocol).toBe('NVMe');
    expect(r.model).toBe('SAMSUNG MZWLL3T2HAJQ-00005');
    expect(r.smartPassed).toBe(false);
    expect(r.nvmeHealth?.criticalWarning).toBe(16);
    expect(r.exitStatus?.diskFailing).toBe(true);
    expect(r.capacityBytes).toBeNull();
    expect(r.nvmeTotalCapacityBytes).toBe(3200631791616);
    expect(r.powerOnHours).toBe(18376);
    expect(r.rotationRate).toBeNull();
    expect(r.solidState).toBeNull();
  });

  it('Samsung 970 EVO: 7 media errors, otherwise passed', () => {
    const r = smartctl('nvme-samsung-970evo-media-errors');
    expect(r.smartPassed).toBe(true);
    expect(r.nvmeHealth).toEqual({
      criticalWarning: 0,
      availableSpare: 99,
      availableSpareThreshold: 10,
      percentageUsed: 3,
      mediaErrors: 7,
      numErrLogEntries: 62,
      unsafeShutdowns: 10,
      dataUnitsWritten: 65602088,
      dataUnitsRead: 17176794,
      powerOnHours: 12798,
      powerCycles: 25,
      temperatureC: 35,
    });
    expect(r.serial).toBe('S466NX0M776250H');
    expect(r.firmware).toBe('2B2QEXE7');
    expect(r.capacityBytes).toBe(500107862016);
    expect(r.logicalBlockSize).toBe(512);
    expect(r.ataAttributes).toEqual([]);
    expect(r.scsi).toBeNull();
  });

  it('Intel P4500: 75% used', () => {
    expect(smartctl('nvme-intel-p4500-2t-worn-75pct').nvmeHealth?.percentageUsed).toBe(75);
  });

  it('QEMU: controller has no namespace capacity, the namespace does', () => {
    const ctrl = qemu('smartctl-j-a-nvme0');
    expect(ctrl.model).toBe('QEMU NVMe Ctrl');
    expect(ctrl.serial).toBe('deadbeef');
    expect(ctrl.capacityBytes).toBeNull();
    expect(ctrl.nvmeHealth?.temperatureC).toBe(50);
    const ns = qemu('smartctl-j-a-nvme0n1');
    expect(ns.capacityBytes).toBe(2147483648);
    expect(ns.logicalBlockSize).toBe(512);
    expect(ns.smartctlVersion).toBe('7.4');
  });
});

describe('parseSmartctlJson: ATA', () => {
  it('MegaRAID WD4000FYYX: reallocated sectors raw 387 via sat+megaraid', () => {
    const r = smartctl('megaraid-wd4000fyyx-realloc387');
    expect(r.protocol).toBe('ATA');
    expect(r.deviceType).toBe('sat+megaraid,1');
    expect(attribute(r, 5)).toEqual({
      id: 5,
      name: 'Reallocated_Sector_Ct',
      value: 188,
      worst: 188,
      thresh: 140,
      raw: 387,
      rawString: '387',
      whenFailed: null,
      prefailure: true,
    });
    expect(r.wwn).toBe('0x50014ee2b6578d5f');
    expect(r.selfTestLogErrors).toBe(0);
    expect(r.exitStatus?.code).toBe(4);
  });

  it('Seagate ST3500418AS: reallocated raw 304, still above threshold', () => {
    const r = smartctl('sata-hdd-seagate-st3500418as-realloc304');
    expect(r.model).toBe('ST3500418AS');
    expect(r.modelFamily).toBe('Seagate Barracuda 7200.12');
    const realloc = attribute(r, 5);
    expect(realloc?.raw).toBe(304);
    expect(realloc?.value).toBe(93);
    expect(realloc?.thresh).toBe(36);
    expect(realloc?.whenFailed).toBeNull();
    expect(r.smartPassed).toBe(true);
    expect(r.rotationRate).toBe(7200);
    expect(r.solidState).toBe(false);
    expect(r.formFactor).toBeNull();
  });

  it.each([
    ['sata-hdd-hgst-hus724020ale640-errorlog-exit64', 12],
    ['sata-hdd-wd-hc550-16t-exit64', 1],
  ])('%s: exit 64 = error log has entries (%i), verdict still possible', (name, count) => {
    const r = smartctl(name);
    expect(r.exitStatus?.code).toBe(64);
    expect(r.exitStatus?.errorLogHasEntries).toBe(true);
    expect(r.exitStatus?.noVerdict).toBe(false);
    expect(r.exitStatus?.diskFailing).toBe(false);
    expect(r.ataErrorLogCount).toBe(count);
    expect(r.smartPassed).toBe(true);
  });

  it('USB JMicron Hitachi: FAILED, reallocated 1975 failing now, 8 pending, self-test errors', () => {
    const r = smartctl('usb-jmicron-hitachi-hds721050-FAILED-realloc1975-pending8');
    expect(r.deviceType).toBe('usbjmicron');
    expect(r.smartPassed).toBe(false);
    expect(attribute(r, 5)?.raw).toBe(1975);
    expect(attribute(r, 5)?.whenFailed).toBe('now');
    expect(attribute(r, 197)?.raw).toBe(8);
    expect(r.selfTestLogErrors).toBe(3);
    expect(r.ataErrorLogCount).toBe(56);
    expect(r.exitStatus?.diskFailing).toBe(true);
    expect(r.exitStatus?.selfTestLogHasErrors).toBe(true);
  });

  it('Samsung 840: SSD, ATA security supported, not enabled, FROZEN, enhanced erase supported', () => {
    const r = smartctl('sata-ssd-samsung-840');
    expect(r.rotationRate).toBe(0);
    expect(r.solidState).toBe(true);
    expect(r.wwn).toBe('0x50025385500ccc29');
    expect(r.ataSecurity).toEqual({
      supported: true,
      enabled: false,
      locked: false,
      frozen: true,
      countExpired: false,
      enhancedEraseSupported: true,
      eraseEstimate: null,
      enhancedEraseEstimate: null,
      masterPasswordRevision: null,
      level: null,
    });
  });

  it('Samsung 860 EVO: ATA security NOT FROZEN', () => {
    const r = smartctl('sata-ssd-samsung-860evo-full-x');
    expect(r.ataSecurity?.frozen).toBe(false);
    expect(r.ataSecurity?.enabled).toBe(false);
    expect(r.formFactor).toBe('2.5 inches');
  });

  it('ATA security word with the password set: level from bit 8, locked from bit 2', () => {
    const r = parseSmartctlJson(
      '{"device":{},"ata_security":{"state":291,"enabled":true,"frozen":false,"master_password_id":65534}}',
    );
    expect(r.ataSecurity?.enabled).toBe(true);
    expect(r.ataSecurity?.locked).toBe(false);
    expect(r.ataSecurity?.level).toBe('maximum');
    expect(r.ataSecurity?.masterPasswordRevision).toBe(65534);
  });

  it('drives without an ata_security section: unknown, not "unsupported"', () => {
    expect(smartctl('sata-hdd-seagate-st3500418as-realloc304').ataSecurity).toBeNull();
  });

  it('QEMU SATA disk', () => {
    const r = qemu('smartctl-j-a-sda');
    expect(r.ok).toBe(true);
    expect(r.model).toBe('QEMU-SATA-TEST');
    expect(r.serial).toBe('SATA0001');
    expect(r.firmware).toBe('2.5+');
    expect(r.capacityBytes).toBe(4294967296);
    expect(r.wwn).toBeNull();
    expect(r.temperatureC).toBe(31);
    expect(attribute(r, 190)?.rawString).toBe('31 (Min/Max 31/31)');
    expect(r.exitStatus?.code).toBe(0);
    expect(r.selfTestLogErrors).toBeNull();
    expect(r.ataErrorLogCount).toBe(0);
  });
});

describe('parseSmartctlJson: SCSI', () => {
  it('Seagate ST4000NM0043 (no smartctl section): 56 grown defects', () => {
    const r = smartctl('sas-seagate-st4000nm0043-grown-defects56');
    expect(r.ok).toBe(true);
    expect(r.exitStatus).toBeNull();
    expect(r.messages).toEqual([]);
    expect(r.protocol).toBe('SCSI');
    expect(r.scsi?.grownDefects).toBe(56);
    expect(r.model).toBe('SEAGATE ST4000NM0043');
    expect(r.vendor).toBe('SEAGATE');
    expect(r.product).toBe('ST4000NM0043');
    expect(r.firmware).toBe('MS03');
    expect(r.powerOnHours).toBe(43549);
    expect(r.temperatureC).toBe(34);
  });

  it('smartctl 7.4 scsi_* keys: model from scsi_model_name, firmware from scsi_revision', () => {
    const r = smartctl('scsi-seagate-st373453lc-15k-grown260');
    expect(r.model).toBe('SEAGATE ST373453LC');
    expect(r.vendor).toBe('SEAGATE');
    expect(r.firmware).toBe('DX10');
    expect(r.scsi).toEqual({
      grownDefects: 260,
      peripheralType: 'disk',
      transport: 'Parallel SCSI (SPI-4)',
      logicalUnitId: null,
      uncorrectedReadErrors: 1,
      uncorrectedWriteErrors: 535,
      uncorrectedVerifyErrors: null,
      protectionType: null,
    });
  });

  it('older vendor/product keys without model_name are joined like smartctl does', () => {
    const r = parseSmartctlJson('{"device":{"protocol":"SCSI"},"vendor":"HP","product":"MAS3735NC"}');
    expect(r.model).toBe('HP MAS3735NC');
  });

  it('QEMU DVD drive: a SCSI device without SMART; 0 °C / trip 0 is "no temperature"', () => {
    const r = qemu('smartctl-j-a-sr0');
    expect(r.ok).toBe(true);
    expect(r.scsi?.peripheralType).toBe('CD/DVD');
    expect(r.model).toBe('QEMU QEMU DVD-ROM');
    expect(r.smartAvailable).toBe(false);
    expect(r.smartPassed).toBeNull();
    expect(r.temperatureC).toBeNull();
    expect(r.exitStatus?.commandFailed).toBe(true);
  });

  it('Toshiba MG08 behind MegaRAID (7.1 keys): 4K physical sectors, 16 TB', () => {
    const r = smartctl('sas-megaraid-toshiba-mg08sca16tey');
    expect(r.deviceType).toBe('megaraid,1');
    expect(r.capacityBytes).toBe(16000900661248);
    expect(r.physicalBlockSize).toBe(4096);
    expect(r.firmware).toBe('EJ08');
    expect(r.scsi?.uncorrectedVerifyErrors).toBe(0);
  });
});
