import { describe, expect, it } from 'vitest';
import { parseEvtestEvents, parseEvtestHeader } from '../../../../core/tools/evtest/parse-evtest.js';
import {
  initialPointerTest,
  type PointerTestState,
  pointerFraction,
  reducePointerTest,
  summarisePointerTest,
} from '../../../../diagnostics/interactive/pointer/pointer-test.js';
import { hardwareText } from '../../../helpers/hardware-fixtures.js';

/** Runs a capture through the reducer, with the axis ranges and properties its own evtest header gives. */
function run(name: string): PointerTestState {
  const text = hardwareText(`input/${name}.out`);
  const header = parseEvtestHeader(text);
  const x = header.abs[0];
  const y = header.abs[1];
  let state = initialPointerTest(
    x && y ? { mode: 'absolute', x, y, buttonpad: header.properties.includes(2) } : { mode: 'relative' },
  );
  for (const event of parseEvtestEvents(text)) state = reducePointerTest(state, { type: 'event', event });
  return state;
}

describe('pointer test on recorded evdev events', () => {
  it('USB tablet (absolute, real QEMU device): four corners and both buttons end the test by themselves', () => {
    const state = run('evtest-grab-usb-tablet-corners-buttons');
    expect(state.ended).toBe('complete');
    expect(summarisePointerTest(state)).toMatchObject({ pass: true, missingCorners: [], missingButtons: [] });
  });

  it('USB tablet: three corners and the left button only', () => {
    const summary = summarisePointerTest(run('evtest-grab-usb-tablet-three-corners-left-only'));
    expect(summary).toMatchObject({
      pass: false,
      missingCorners: ['bottom-right'],
      missingButtons: ['right'],
    });
  });

  it('PS/2 mouse (relative, real QEMU device): motion accumulated in the virtual box reaches every corner', () => {
    // QEMU sent the button presses of this run to its USB tablet, so the PS/2 capture has motion only.
    const state = run('evtest-grab-ps2-mouse-corners');
    expect(summarisePointerTest(state)).toMatchObject({
      pass: false,
      missingCorners: [],
      missingButtons: ['left', 'right'],
    });
    expect(state.ended).toBeNull();
  });

  it('uinput clickpad: a click on the right half is the right button', () => {
    const state = run('evtest-grab-uinput-clickpad-corners-both-clicks');
    expect(state.buttonpad).toBe(true);
    expect(summarisePointerTest(state)).toMatchObject({ pass: true, buttons: ['left', 'right'] });
    const partial = summarisePointerTest(run('evtest-grab-uinput-clickpad-three-corners-left-click'));
    expect(partial).toMatchObject({
      pass: false,
      missingCorners: ['bottom-left'],
      missingButtons: ['right'],
    });
  });

  it('uinput pointing stick: corners by accumulated motion, both buttons', () => {
    expect(summarisePointerTest(run('evtest-grab-uinput-trackpoint-corners-buttons')).pass).toBe(true);
  });

  it('marker position as fractions; stop ends an unfinished test', () => {
    let state = initialPointerTest({ mode: 'absolute', x: { min: 0, max: 100 }, y: { min: 0, max: 200 } });
    expect(pointerFraction(state)).toBeNull();
    state = reducePointerTest(state, {
      type: 'event',
      event: { timeUs: 1, type: 3, code: 0, value: 25, name: 'ABS_X' },
    });
    expect(pointerFraction(state)).toEqual({ x: 0.25, y: 0.5 });
    state = reducePointerTest(state, { type: 'stop' });
    expect(state.ended).toBe('stopped');
    expect(summarisePointerTest(state).moved).toBe(true);
  });
});
