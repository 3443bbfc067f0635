import { describe, expect, it } from 'vitest';
import { parseUdevMonitor } from '../../../../core/tools/udevadm/parse-monitor.js';
import {
  initialUsbPorts,
  reduceUsbPorts,
  rootPortOf,
} from '../../../../diagnostics/interactive/usb/usb-ports.js';
import { hardwareText } from '../../../helpers/hardware-fixtures.js';

describe('USB ports from recorded udev events (QEMU xHCI, one stick moved between ports, a hub)', () => {
  it('counts distinct root ports: a replug and a stick behind a hub do not add ports', () => {
    const events = parseUdevMonitor(hardwareText('usb/udevadm-monitor-usb.out'));
    let state = initialUsbPorts();
    const counts: number[] = [];
    for (const event of events) {
      state = reduceUsbPorts(state, { type: 'udev', event });
      counts.push(state.ports.length);
    }
    expect(state.ports).toEqual([
      { port: '2-1', model: 'QEMU_USB_HARDDRIVE', plugs: 2 },
      { port: '2-2', model: 'QEMU_USB_HARDDRIVE', plugs: 1 },
      { port: '1-3', model: 'QEMU_USB_Hub', plugs: 2 },
    ]);
    expect(Math.max(...counts)).toBe(3);
    expect(state.current).toBeNull();
    expect(reduceUsbPorts(state, { type: 'finish' }).ended).toBe(true);
  });

  it('root port of a device path', () => {
    expect(rootPortOf('/devices/pci0000:00/0000:00:05.0/usb2/2-1')).toBe('2-1');
    expect(rootPortOf('/devices/pci0000:00/0000:00:05.0/usb1/1-3/1-3.1')).toBe('1-3');
    expect(rootPortOf('/devices/pci0000:00/0000:00:05.0/usb1')).toBeNull();
    expect(rootPortOf('/devices/pci0000:00/0000:00:05.0/usb2/2-1/2-1:1.0')).toBeNull();
  });
});
