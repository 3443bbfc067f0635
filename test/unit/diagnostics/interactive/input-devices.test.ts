import { describe, expect, it } from 'vitest';
import { parseInputDevices } from '../../../../core/tools/procfs/parse-input-devices.js';
import {
  classifyInputDevice,
  planInputTests,
} from '../../../../diagnostics/interactive/input/input-devices.js';
import { hardwareText } from '../../../helpers/hardware-fixtures.js';

describe('which input devices are tested (/proc/bus/input/devices captured in QEMU)', () => {
  it('the PS/2 keyboard is the keyboard; the PS/2 mouse is a built-in pointer; the USB tablet and the remote are not', () => {
    const devices = parseInputDevices(hardwareText('input/proc-bus-input-devices.txt'));
    expect(devices.map((d) => classifyInputDevice(d)?.role ?? null)).toEqual([
      'keyboard',
      'mouse',
      null,
      null,
      null,
    ]);
    const plan = planInputTests(devices);
    expect(plan.keyboards.map((d) => d.node)).toEqual(['/dev/input/event0']);
    expect(plan.pointers.map((d) => d.node)).toEqual(['/dev/input/event1']);
    expect(plan.fnKeys).toEqual([]);
  });

  it('a clickpad and a pointing stick are recognised by their properties', () => {
    const plan = planInputTests(
      parseInputDevices(hardwareText('input/proc-bus-input-devices-with-uinput.txt')),
    );
    expect(plan.pointers.map((d) => [d.name, d.role, d.buttonpad])).toEqual([
      ['ImExPS/2 Generic Explorer Mouse', 'mouse', false],
      ['gomme uinput clickpad', 'touchpad', true],
      ['gomme uinput pointing stick', 'pointing-stick', false],
    ]);
  });

  it('a USB keyboard is tested only when the machine has no built-in one', () => {
    const usbKeyboard = `I: Bus=0003 Vendor=046d Product=c31c Version=0110
N: Name="USB Keyboard"
H: Handlers=sysrq kbd leds event7
B: EV=120013
B: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe
`;
    const desktop = planInputTests(parseInputDevices(usbKeyboard));
    expect(desktop.keyboards.map((d) => d.node)).toEqual(['/dev/input/event7']);
    const laptop = planInputTests(
      parseInputDevices(`${hardwareText('input/proc-bus-input-devices.txt')}\n${usbKeyboard}`),
    );
    expect(laptop.keyboards.map((d) => d.node)).toEqual(['/dev/input/event0']);
  });
});
