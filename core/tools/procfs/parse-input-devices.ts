/**
 * Pure parser for /proc/bus/input/devices: one block per input device (I: N: P: S: U: H: B: lines, blank line
 * between). Capability bitmaps ("B: KEY=402000000 3803078f800d001 …") are hexadecimal words, most significant
 * first, each as wide as the kernel's `long` (64 bits on the amd64 live image). Never throws.
 */

export interface ProcInputDevice {
  bus: number | null;
  vendor: number | null;
  product: number | null;
  name: string;
  phys: string;
  sysfs: string;
  /** Handlers named on the H: line ("sysrq", "kbd", "event0", "mouse1"). */
  handlers: string[];
  /** /dev/input/eventN when the evdev handler is attached. */
  eventNode: string | null;
  /** Raw bitmaps by name: PROP, EV, KEY, REL, ABS, MSC, LED, SW… */
  bitmaps: Record<string, string>;
}

export function parseInputDevices(text: string): ProcInputDevice[] {
  const devices: ProcInputDevice[] = [];
  for (const block of String(text).split(/\n\s*\n/)) {
    const lines = block.split('\n').map((l) => l.trim());
    if (!lines.some((l) => l.startsWith('I:') || l.startsWith('N:'))) continue;
    const device: ProcInputDevice = {
      bus: null,
      vendor: null,
      product: null,
      name: '',
      phys: '',
      sysfs: '',
      handlers: [],
      eventNode: null,
      bitmaps: {},
    };
    for (const line of lines) {
      const value = line.slice(3);
      if (line.startsWith('I:')) {
        const hex = (key: string) => {
          const m = new RegExp(`${key}=([0-9a-f]+)`, 'i').exec(value);
          return m?.[1] ? Number.parseInt(m[1], 16) : null;
        };
        device.bus = hex('Bus');
        device.vendor = hex('Vendor');
        device.product = hex('Product');
      } else if (line.startsWith('N:')) device.name = /^Name="(.*)"$/.exec(value)?.[1] ?? value;
      else if (line.startsWith('P:')) device.phys = value.replace(/^Phys=/, '');
      else if (line.startsWith('S:')) device.sysfs = value.replace(/^Sysfs=/, '');
      else if (line.startsWith('H:')) {
        device.handlers = value
          .replace(/^Handlers=/, '')
          .split(/\s+/)
          .filter(Boolean);
        const event = device.handlers.find((h) => /^event\d+$/.test(h));
        device.eventNode = event ? `/dev/input/${event}` : null;
      } else if (line.startsWith('B:')) {
        const m = /^(\w+)=(.*)$/.exec(value);
        if (m?.[1]) device.bitmaps[m[1]] = (m[2] ?? '').trim();
      }
    }
    devices.push(device);
  }
  return devices;
}

/** Whether bit `bit` is set in a printed bitmap (words of `wordBits`, most significant word first). */
export function hasBit(bitmap: string | undefined, bit: number, wordBits = 64): boolean {
  if (!bitmap) return false;
  const words = bitmap.trim().split(/\s+/).reverse();
  const word = words[Math.floor(bit / wordBits)];
  if (!word) return false;
  return ((BigInt(`0x${word}`) >> BigInt(bit % wordBits)) & 1n) === 1n;
}
