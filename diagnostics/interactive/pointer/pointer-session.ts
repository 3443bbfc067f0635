/**
 * A running pointer test on one device: evtest's header gives the axis ranges (absolute devices), then events
 * feed the pure reducer. Ends by itself once every corner and both buttons answered, or when stopped.
 */
import type { System } from '../../../core/run/system.js';
import type { EvtestHeader } from '../../../core/tools/evtest/parse-evtest.js';
import { type DeviceEnd, readInputDevices } from '../input/evtest-reader.js';
import type { InputDevice } from '../input/input-devices.js';
import { failedDevices } from '../keyboard/key-session.js';
import { initialPointerTest, type PointerTestState, reducePointerTest } from './pointer-test.js';

export interface PointerSession {
  readonly state: PointerTestState | null;
  subscribe(listener: (state: PointerTestState) => void): () => void;
  stop(): void;
  done: Promise<{ state: PointerTestState | null; failed: DeviceEnd[] }>;
}

/** Absolute devices report ABS_X/ABS_Y ranges; a relative one (a stick, a PS/2 mouse) has none. */
export function pointerStateFor(device: InputDevice, header: EvtestHeader): PointerTestState {
  const x = header.abs[0];
  const y = header.abs[1];
  if (x && y && x.max > x.min && y.max > y.min) {
    return initialPointerTest({
      mode: 'absolute',
      x,
      y,
      buttonpad: device.buttonpad || header.properties.includes(2),
    });
  }
  return initialPointerTest({ mode: 'relative' });
}

export async function startPointerSession(system: System, device: InputDevice): Promise<PointerSession> {
  const listeners = new Set<(state: PointerTestState) => void>();
  let state: PointerTestState | null = null;
  let stopReader = () => {};
  let stopWanted = false;
  const set = (next: PointerTestState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(next);
    if (next.ended) stopReader();
  };
  const reader = await readInputDevices(system, [device.node], {
    onHeader(_node, header) {
      set(pointerStateFor(device, header));
      if (stopWanted && state) set(reducePointerTest(state, { type: 'stop' }));
    },
    onEvent(_node, event) {
      if (state) set(reducePointerTest(state, { type: 'event', event }));
    },
  });
  stopReader = () => reader.stop();
  const done = reader.done.then((ends) => {
    if (state && !state.ended) set(reducePointerTest(state, { type: 'stop' }));
    return { state, failed: failedDevices(ends) };
  });
  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopWanted = true;
      if (state) set(reducePointerTest(state, { type: 'stop' }));
      reader.stop();
    },
    done,
  };
}
