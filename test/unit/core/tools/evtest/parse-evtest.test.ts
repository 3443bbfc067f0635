import { describe, expect, it } from 'vitest';
import {
  EV_ABS,
  EV_KEY,
  EV_REL,
  EV_SYN,
  parseEvtestEvent,
  parseEvtestEvents,
  parseEvtestHeader,
} from '../../../../../core/tools/evtest/parse-evtest.js';
import { LineSplitter } from '../../../../../core/tools/text-lines.js';
import { hardwareText } from '../../../../helpers/hardware-fixtures.js';

describe('evtest header (real evtest 1.35 output)', () => {
  it('reads the PS/2 keyboard: identity, the declared keys, no axes', () => {
    const header = parseEvtestHeader(hardwareText('input/evtest-grab-kbd-all-keys-then-esc-hold.out'));
    expect(header).toMatchObject({ name: 'AT Translated Set 2 keyboard', bus: 0x11, vendor: 1, product: 1 });
    expect(header.complete).toBe(true);
    expect(header.codes[EV_KEY]).toEqual(expect.arrayContaining([1, 30, 57, 86, 100, 125]));
    expect(header.abs).toEqual({});
  });

  it('reads absolute axis ranges and properties (USB tablet, uinput clickpad)', () => {
    const tablet = parseEvtestHeader(hardwareText('input/evtest-grab-usb-tablet-corners-buttons.out'));
    expect(tablet.abs[0]).toEqual({ value: 0, min: 0, max: 32767, fuzz: 0, flat: 0, resolution: 0 });
    expect(tablet.codes[EV_KEY]).toEqual([272, 273, 274]);
    const pad = parseEvtestHeader(hardwareText('input/evtest-grab-uinput-clickpad-corners-both-clicks.out'));
    expect(pad.properties).toEqual([0, 2]);
    expect(pad.abs[53]).toMatchObject({ min: 1266, max: 5676, resolution: 45 });
    expect(pad.abs[1]).toMatchObject({ min: 1096, max: 4758 });
  });

  it('reads the pointing-stick property of the vivid remote control', () => {
    expect(parseEvtestHeader(hardwareText('input/evtest-vivid-rc-header.out')).properties).toEqual([5]);
  });
});

describe('evtest events', () => {
  it('parses key, SYN and hexadecimal MSC_SCAN lines; ignores other lines', () => {
    expect(
      parseEvtestEvent('Event: time 1796614750.998821, type 1 (EV_KEY), code 108 (KEY_DOWN), value 1'),
    ).toEqual({ timeUs: 1796614750998821, type: EV_KEY, code: 108, value: 1, name: 'KEY_DOWN' });
    expect(
      parseEvtestEvent('Event: time 1796614750.998821, type 4 (EV_MSC), code 4 (MSC_SCAN), value d0')?.value,
    ).toBe(0xd0);
    expect(
      parseEvtestEvent('Event: time 1796614750.998821, -------------- SYN_REPORT ------------'),
    ).toMatchObject({
      type: EV_SYN,
      code: 0,
    });
    expect(parseEvtestEvent('Event: time 1.000001, ++++++++++++++ SYN_DROPPED ++++++++++++')?.code).toBe(3);
    expect(parseEvtestEvent('Testing ... (interrupt to exit)')).toBeNull();
    expect(parseEvtestEvent('Event: time 1796614750.99882')).toBeNull();
  });

  it('every key of the 105-key capture comes as one press and one release, Esc twice', () => {
    const keys = parseEvtestEvents(hardwareText('input/evtest-grab-kbd-all-keys-then-esc-hold.out')).filter(
      (e) => e.type === EV_KEY,
    );
    expect(keys.filter((e) => e.value === 1)).toHaveLength(87);
    expect(keys.filter((e) => e.value === 0)).toHaveLength(87);
    const esc = keys.filter((e) => e.code === 1);
    expect(esc).toHaveLength(4);
    // The last Esc was held 2.5 s: the release comes about 2.5 s after the press.
    const held = (esc[3]?.timeUs ?? 0) - (esc[2]?.timeUs ?? 0);
    expect(held).toBeGreaterThan(2_000_000);
    expect(held).toBeLessThan(3_500_000);
  });

  it('relative and absolute motion', () => {
    const rel = parseEvtestEvents(hardwareText('input/evtest-grab-ps2-mouse-corners.out'));
    expect(rel.find((e) => e.type === EV_REL)).toMatchObject({ code: 0, value: -60, name: 'REL_X' });
    const abs = parseEvtestEvents(hardwareText('input/evtest-grab-usb-tablet-corners-buttons.out'));
    expect(abs.filter((e) => e.type === EV_ABS).map((e) => e.value)).toContain(32700);
  });

  it('lines cut across chunks, even inside a character, come out whole', () => {
    const text = hardwareText('input/evtest-grab-kbd-five-keys-missing.out');
    const bytes = new TextEncoder().encode(`${text}é`);
    const splitter = new LineSplitter();
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i += 97) lines.push(...splitter.push(bytes.subarray(i, i + 97)));
    lines.push(...splitter.end());
    expect(lines.join('\n')).toBe(`${text}é`.replace(/\n$/, ''));
  });
});
