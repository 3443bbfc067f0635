import { describe, expect, it } from 'vitest';
import { hasBit, parseInputDevices } from '../../../../../core/tools/procfs/parse-input-devices.js';
import { hardwareText } from '../../../../helpers/hardware-fixtures.js';

describe('/proc/bus/input/devices (captured in the QEMU guest)', () => {
  const devices = parseInputDevices(hardwareText('input/proc-bus-input-devices.txt'));

  it('one entry per block, with its event node, bus and bitmaps', () => {
    expect(devices.map((d) => d.name)).toEqual([
      'AT Translated Set 2 keyboard',
      'ImExPS/2 Generic Explorer Mouse',
      'QEMU QEMU USB Tablet',
      'vivid-000-vid-cap0',
      'vivid-000-vid-out0',
    ]);
    expect(devices[0]).toMatchObject({
      bus: 0x11,
      eventNode: '/dev/input/event0',
      handlers: ['sysrq', 'kbd', 'leds', 'event0'],
      phys: 'isa0060/serio0/input0',
    });
    expect(devices[2]?.sysfs).toContain('/usb1/1-4/');
  });

  it('reads bits across 64-bit words, most significant word first', () => {
    const keyboard = devices[0]?.bitmaps.KEY;
    // KEY=402000002 3803078f800d001 feffffdfffefffff fffffffffffffffe
    expect(hasBit(keyboard, 0)).toBe(false); // KEY_RESERVED
    expect(hasBit(keyboard, 1)).toBe(true); // KEY_ESC
    expect(hasBit(keyboard, 30)).toBe(true); // KEY_A
    expect(hasBit(keyboard, 86)).toBe(true); // KEY_102ND
    expect(hasBit(keyboard, 125)).toBe(true); // KEY_LEFTMETA
    expect(hasBit(keyboard, 272)).toBe(false); // BTN_LEFT: beyond the printed words
    expect(hasBit(devices[1]?.bitmaps.KEY, 272)).toBe(true);
    expect(hasBit(devices[1]?.bitmaps.REL, 0) && hasBit(devices[1]?.bitmaps.REL, 1)).toBe(true);
    expect(hasBit(devices[3]?.bitmaps.PROP, 5)).toBe(true);
  });

  it('reads the uinput clickpad and pointing stick', () => {
    const all = parseInputDevices(hardwareText('input/proc-bus-input-devices-with-uinput.txt'));
    const pad = all.find((d) => d.name === 'gomme uinput clickpad');
    expect(pad?.eventNode).toBe('/dev/input/event5');
    expect(hasBit(pad?.bitmaps.PROP, 2)).toBe(true);
    expect(hasBit(pad?.bitmaps.ABS, 53)).toBe(true);
    expect(hasBit(pad?.bitmaps.KEY, 325)).toBe(true);
  });

  it('tolerates empty and odd input', () => {
    expect(parseInputDevices('')).toEqual([]);
    expect(hasBit(undefined, 1)).toBe(false);
  });
});
