import { describe, expect, it } from 'vitest';
import { buildDrive } from '../../../../core/detect/build-drive.js';
import type { DriveProbe } from '../../../../core/detect/probe-drive.js';
import { text } from '../../../../core/i18n.js';
import { readFixture } from '../../../helpers/fixtures.js';
import { capturedResult, qemuProbe } from '../../../helpers/qemu-captures.js';

const captured = (d: string, name: string) => capturedResult(name, d);
const probeFor = (d: string, name: string, overrides: Partial<DriveProbe> = {}) =>
  qemuProbe(name, overrides, d);

const dir = 'bios-cdrom-full';

describe('buildDrive over real QEMU captures', () => {
  it('AHCI SATA disk: identity from IDENTIFY, no ATA security section, HPA/DCO read', () => {
    const drive = buildDrive(
      probeFor(dir, 'sda', {
        hdparmIdentify: captured(dir, 'hdparm-I-sda'),
        hdparmDco: captured(dir, 'hdparm-dco-identify'),
        smartctl: captured(dir, 'smartctl-j-a-sda'),
      }),
      [],
    );
    expect(drive).toMatchObject({
      path: '/dev/sda',
      model: 'QEMU-SATA-TEST',
      serial: 'SATA0001',
      transport: 'sata',
      sizeBytes: 4 * 1024 ** 3,
      logicalSectorSize: 512,
      protected: false,
    });
    expect(drive.capabilities.ataSecurity).toBeNull();
    expect(drive.capabilities.nvme).toBeNull();
    // QEMU answers "Real max sectors: 1": not a real DCO reading, so it stays unknown.
    expect(drive.capabilities.hiddenAreas?.dco?.realMaxSectors).toBeNull();
  });

  it('NVMe namespace: controller facts from id-ctrl (Format yes, Sanitize no), LBA formats from id-ns', () => {
    const drive = buildDrive(
      probeFor(dir, 'nvme0n1', {
        nvmeController: '/dev/nvme0',
        nvmeNamespaceId: 1,
        nvmeIdCtrl: captured(dir, 'nvme-id-ctrl'),
        nvmeIdNs: captured(dir, 'nvme-id-ns'),
        smartctl: captured(dir, 'smartctl-j-a-nvme0n1'),
      }),
      [],
    );
    expect(drive.transport).toBe('nvme');
    expect(drive.serial).toBe('deadbeef');
    expect(drive.rotational).toBe(false);
    expect(drive.capabilities.nvme).toMatchObject({
      controller: '/dev/nvme0',
      namespaceId: 1,
      formatSupported: true,
      sanitizeCrypto: false,
      sanitizeBlock: false,
      sanitizeOverwrite: false,
      currentLbaFormat: 0,
    });
    expect(drive.capabilities.nvme?.lbaFormats.length).toBeGreaterThan(1);
    expect(drive.capabilities.nvme?.lbaFormats[0]).toMatchObject({ dataBytes: 512 });
  });

  it('virtio disk: no ATA or SMART facts, rotational unknown, serial from sysfs', () => {
    const drive = buildDrive(
      probeFor(dir, 'vda', { hdparmIdentify: captured(dir, 'hdparm-I-vda'), sysfsSerial: 'VIRTIO0001' }),
      [],
    );
    expect(drive).toMatchObject({ transport: 'virtio', rotational: null, serial: 'VIRTIO0001' });
    expect(drive.capabilities).toMatchObject({ ataSecurity: null, ataSanitize: null, hiddenAreas: null });
  });

  it('frozen SATA SSD (real capture): security and sanitize facts normalised', () => {
    const probe = probeFor(dir, 'sda', {
      hdparmIdentify: {
        ...captured(dir, 'hdparm-I-sda'),
        stdout: readFixture('hdparm/crucial-mx100-512g-FROZEN-enhanced-sanitize-4kphys.txt', 'latin1'),
      },
    });
    const drive = buildDrive(probe, []);
    expect(drive.model).toContain('Crucial_CT512MX100');
    expect(drive.rotational).toBe(false);
    expect(drive.capabilities.ataSecurity).toMatchObject({
      supported: true,
      frozen: true,
      enhancedEraseSupported: true,
      eraseEstimate: { minutes: 2, atLeast: false },
    });
    expect(drive.capabilities.ataSanitize).toMatchObject({ supported: true, crypto: true, blockErase: true });
  });

  it('broken IDENTIFY data is not trusted: no firmware-erase facts, a warning, identity from elsewhere', () => {
    const probe = probeFor(dir, 'sda', {
      hdparmIdentify: {
        ...captured(dir, 'hdparm-I-sda'),
        stdout: readFixture('hdparm/byteswapped-garbage-model-frozen.txt', 'latin1'),
      },
    });
    const drive = buildDrive(probe, []);
    expect(drive.capabilities.ataSecurity).toBeNull();
    expect(drive.capabilities.ataSanitize).toBeNull();
    expect(drive.warnings.map((w) => w.en).join(' ')).toMatch(/IDENTIFY data looks broken/);
    expect(drive.warnings.map((w) => w.fr).join(' ')).toMatch(/données IDENTIFY du disque semblent abîmées/);
    expect(drive.model).toBe('QEMU-SATA-TEST');
  });

  it('marks the drive protected exactly when it has protections', () => {
    const drive = buildDrive(probeFor(dir, 'sdb'), [
      { reason: 'mounted', detail: text('sdb1 est monté sur /mnt', 'sdb1 is mounted at /mnt') },
    ]);
    expect(drive.protected).toBe(true);
    expect(drive.transport).toBe('usb');
  });
});
