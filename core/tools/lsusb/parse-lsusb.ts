/**
 * Pure parser for `lsusb` (plain or `-v`): one entry per device line, with interface classes when the verbose
 * descriptors are present. Classes flag webcams (0x0e Video) and Bluetooth radios (0xe0/1/1). Never throws.
 */

export interface UsbDevice {
  bus: number;
  device: number;
  vendorId: string;
  productId: string;
  name: string;
  /** bDeviceClass and every bInterfaceClass/SubClass/Protocol triple, from -v only. */
  interfaceClasses: { cls: number; subclass: number | null; protocol: number | null }[];
  isHub: boolean;
  isVideo: boolean;
  isBluetooth: boolean;
}

const DEVICE = /^Bus (\d{3}) Device (\d{3}): ID ([0-9a-f]{4}):([0-9a-f]{4})\s*(.*)$/i;

export function parseLsusb(stdout: string): UsbDevice[] {
  const devices: UsbDevice[] = [];
  let pending: { cls: number; subclass: number | null; protocol: number | null } | null = null;
  for (const line of String(stdout).split(/\r?\n/)) {
    const head = DEVICE.exec(line);
    if (head) {
      const name = (head[5] ?? '').trim();
      devices.push({
        bus: Number(head[1]),
        device: Number(head[2]),
        vendorId: (head[3] ?? '').toLowerCase(),
        productId: (head[4] ?? '').toLowerCase(),
        name,
        interfaceClasses: [],
        isHub: /\bhub\b/i.test(name),
        isVideo: /webcam|camera|video/i.test(name),
        isBluetooth: false,
      });
      pending = null;
      continue;
    }
    const current = devices[devices.length - 1];
    if (!current) continue;
    const field = /^\s+b(Device|Interface)(Class|SubClass|Protocol)\s+(\d+)/.exec(line);
    if (!field) continue;
    const value = Number(field[3]);
    if (field[2] === 'Class') {
      pending = { cls: value, subclass: null, protocol: null };
      current.interfaceClasses.push(pending);
      if (value === 9) current.isHub = true;
      if (value === 14) current.isVideo = true;
    } else if (pending && field[2] === 'SubClass') pending.subclass = value;
    else if (pending && field[2] === 'Protocol') {
      pending.protocol = value;
      // Wireless Controller / RF / Bluetooth programming interface (usb.org class codes).
      if (pending.cls === 224 && pending.subclass === 1 && value === 1) current.isBluetooth = true;
    }
  }
  // A name mentioning Bluetooth also matches the hub a radio hangs off ("USB 2.0 Hub (part of BCM2046 Bluetooth)").
  for (const d of devices) if (!d.isHub && /bluetooth/i.test(d.name)) d.isBluetooth = true;
  return devices;
}
