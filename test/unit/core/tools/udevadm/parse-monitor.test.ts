import { describe, expect, it } from 'vitest';
import { parseUdevMonitor } from '../../../../../core/tools/udevadm/parse-monitor.js';
import { hardwareText } from '../../../../helpers/hardware-fixtures.js';

describe('udevadm monitor --udev --subsystem-match=usb --property (captured in the QEMU guest)', () => {
  const events = parseUdevMonitor(hardwareText('usb/udevadm-monitor-usb.out'));

  it('one event per block, with the header and the properties', () => {
    expect(events[0]).toMatchObject({
      action: 'add',
      devpath: '/devices/pci0000:00/0000:00:05.0/usb2/2-1',
      subsystem: 'usb',
      properties: { DEVTYPE: 'usb_device', ID_MODEL: 'QEMU_USB_HARDDRIVE', BUSNUM: '002' },
    });
    expect(events[0]?.uptime).toBeCloseTo(49.76875, 5);
  });

  it('sees the stick added and removed in each port, and the hub with a stick behind it', () => {
    const devices = events.filter((e) => e.properties.DEVTYPE === 'usb_device');
    const adds = devices.filter((e) => e.action === 'add').map((e) => e.devpath.split('/').at(-1));
    expect(adds).toEqual(['2-1', '2-2', '2-1', '1-3', '1-3.1']);
    expect(devices.filter((e) => e.action === 'remove').length).toBe(4);
  });
});
