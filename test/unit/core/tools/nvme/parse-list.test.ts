import { describe, expect, it } from 'vitest';
import { parseNvmeList } from '../../../../../core/tools/nvme/parse-list.js';
import { readFixture } from '../../../../helpers/fixtures.js';

describe('parseNvmeList', () => {
  it('flat shape (QEMU, nvme-cli 2.13 `list -o json`)', () => {
    const list = parseNvmeList(readFixture('qemu/bios-cdrom-full/nvme-list.out'));
    expect(list.ok).toBe(true);
    expect(list.devices).toEqual([
      {
        devicePath: '/dev/nvme0n1',
        genericPath: '/dev/ng0n1',
        namespaceId: 1,
        controller: null,
        transport: null,
        address: null,
        model: 'QEMU NVMe Ctrl',
        serial: 'deadbeef',
        firmware: '7.2.22',
        physicalSizeBytes: 2147483648,
        usedBytes: 2147483648,
        maximumLba: 4194304,
        sectorSize: 512,
      },
    ]);
  });

  it('nested shape (QEMU, `list -v -o json`): the controller comes from the tree', () => {
    const list = parseNvmeList(readFixture('qemu/bios-cdrom-full/nvme-list-v.out'));
    expect(list.ok).toBe(true);
    expect(list.devices).toEqual([
      {
        devicePath: '/dev/nvme0n1',
        genericPath: '/dev/ng0n1',
        namespaceId: 1,
        controller: 'nvme0',
        transport: 'pcie',
        address: '0000:00:02.0',
        model: 'QEMU NVMe Ctrl',
        serial: 'deadbeef',
        firmware: '7.2.22',
        physicalSizeBytes: 2147483648,
        usedBytes: 2147483648,
        maximumLba: 4194304,
        sectorSize: 512,
      },
    ]);
  });

  it('nested multipath namespaces take the subsystem identity but no single controller', () => {
    const text = JSON.stringify({
      Devices: [
        {
          Subsystems: [
            {
              Controllers: [
                { Controller: 'nvme1', ModelNumber: 'M', SerialNumber: 'S', Firmware: 'F', Namespaces: [] },
              ],
              Namespaces: [{ NameSpace: 'nvme1n1', NSID: 1, PhysicalSize: 4096, SectorSize: 4096 }],
            },
          ],
        },
      ],
    });
    const [entry] = parseNvmeList(text).devices;
    expect(entry?.devicePath).toBe('/dev/nvme1n1');
    expect(entry?.controller).toBeNull();
    expect(entry?.model).toBe('M');
  });

  it('no Devices array: not a list', () => {
    expect(parseNvmeList('{}')).toEqual({ ok: false, error: null, devices: [] });
    expect(parseNvmeList('{"Devices":[]}')).toEqual({ ok: true, error: null, devices: [] });
  });
});
