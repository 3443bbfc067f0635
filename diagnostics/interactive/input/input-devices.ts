/**
 * Which input devices the hardware tests read, from /proc/bus/input/devices: keyboards, touchpads and pointing
 * sticks by their capability bits (input-event-codes.h), never by name. Built-in parts are on the i8042/PS-2,
 * I2C, SMBus/RMI or platform buses; USB and Bluetooth devices were plugged in and are not the machine's own.
 */
import type { System } from '../../../core/run/system.js';
import {
  hasBit,
  type ProcInputDevice,
  parseInputDevices,
} from '../../../core/tools/procfs/parse-input-devices.js';

export type InputRole = 'keyboard' | 'fn-keys' | 'touchpad' | 'pointing-stick' | 'mouse';

export interface InputDevice {
  /** /dev/input/eventN */
  node: string;
  name: string;
  role: InputRole;
  builtIn: boolean;
  /** A clickpad: one physical button under the whole pad. */
  buttonpad: boolean;
}

const BUS_USB = 0x03;
const BUS_BLUETOOTH = 0x05;
const BUS_I8042 = 0x11;
const EV_KEY = 1;
const EV_REL = 2;
const EV_ABS = 3;
const PROP_DIRECT = 1;
const PROP_BUTTONPAD = 2;
const PROP_POINTING_STICK = 5;
const KEYBOARD_KEYS = [1, 28, 30, 44, 57]; // Esc, Enter, A, Z, Space
const FN_KEYS = [113, 114, 115, 224, 225, 227, 238, 248]; // mute, volume, brightness, video, Wi-Fi, mic mute
const BTN_LEFT = 272;
const BTN_TOOL_FINGER = 325;

export function classifyInputDevice(device: ProcInputDevice): InputDevice | null {
  if (!device.eventNode) return null;
  const b = device.bitmaps;
  // Remote-control receivers (rc-core) carry keys and mouse emulation; they are not the keyboard.
  if (/\/rc\/rc\d+\//.test(device.sysfs)) return null;
  const builtIn = device.bus !== BUS_USB && device.bus !== BUS_BLUETOOTH;
  const base = {
    node: device.eventNode,
    name: device.name,
    builtIn,
    buttonpad: hasBit(b.PROP, PROP_BUTTONPAD),
  };
  const keys = hasBit(b.EV, EV_KEY);
  if (hasBit(b.EV, EV_ABS) && hasBit(b.ABS, 0) && hasBit(b.ABS, 1) && hasBit(b.KEY, BTN_TOOL_FINGER)) {
    return hasBit(b.PROP, PROP_DIRECT) ? null : { ...base, role: 'touchpad' };
  }
  if (hasBit(b.EV, EV_REL) && hasBit(b.REL, 0) && hasBit(b.REL, 1) && hasBit(b.KEY, BTN_LEFT)) {
    if (hasBit(b.PROP, PROP_POINTING_STICK)) return { ...base, role: 'pointing-stick' };
    return { ...base, role: 'mouse' };
  }
  if (keys && KEYBOARD_KEYS.every((code) => hasBit(b.KEY, code))) return { ...base, role: 'keyboard' };
  if (keys && builtIn && !/power button|sleep button|lid switch/i.test(device.name)) {
    if (FN_KEYS.some((code) => hasBit(b.KEY, code))) return { ...base, role: 'fn-keys' };
  }
  return null;
}

export interface InputPlan {
  /** The keyboards the key test reads: built-in ones when there are, else all (a desktop's USB keyboard). */
  keyboards: InputDevice[];
  /** Built-in devices carrying Fn keys (brightness, volume): read too, shown as extra keys. */
  fnKeys: InputDevice[];
  /** Touchpads and sticks; a built-in PS/2 "mouse" is a touchpad the kernel drives in relative mode. */
  pointers: InputDevice[];
}

export function planInputTests(devices: ProcInputDevice[]): InputPlan {
  const all = devices.map(classifyInputDevice).filter((d): d is InputDevice => d !== null);
  const keyboards = all.filter((d) => d.role === 'keyboard');
  const builtInKeyboards = keyboards.filter((d) => d.builtIn);
  return {
    keyboards: builtInKeyboards.length > 0 ? builtInKeyboards : keyboards,
    fnKeys: all.filter((d) => d.role === 'fn-keys'),
    pointers: all.filter(
      (d) =>
        d.role === 'touchpad' ||
        d.role === 'pointing-stick' ||
        (d.role === 'mouse' && d.builtIn && isI8042(devices, d.node)),
    ),
  };
}

function isI8042(devices: ProcInputDevice[], node: string): boolean {
  return devices.find((d) => d.eventNode === node)?.bus === BUS_I8042;
}

export async function readInputPlan(system: System): Promise<InputPlan> {
  return planInputTests(parseInputDevices((await system.files.read('/proc/bus/input/devices')) ?? ''));
}
