/** A running USB port test: udev events feed the pure reducer until the trainee says they are done. */
import type { System } from '../../../core/run/system.js';
import { monitorUsb } from './usb-monitor.js';
import { initialUsbPorts, reduceUsbPorts, type UsbPortsState } from './usb-ports.js';

export interface UsbSession {
  readonly state: UsbPortsState;
  subscribe(listener: (state: UsbPortsState) => void): () => void;
  finish(): void;
  done: Promise<UsbPortsState>;
}

export async function startUsbSession(system: System): Promise<UsbSession> {
  const listeners = new Set<(state: UsbPortsState) => void>();
  let state = initialUsbPorts();
  const dispatch = (action: Parameters<typeof reduceUsbPorts>[1]) => {
    const next = reduceUsbPorts(state, action);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(state);
  };
  const monitor = await monitorUsb(system, (event) => dispatch({ type: 'udev', event }));
  const done = monitor.done.then(() => {
    dispatch({ type: 'finish' });
    return state;
  });
  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    finish() {
      dispatch({ type: 'finish' });
      monitor.stop();
    },
    done,
  };
}
