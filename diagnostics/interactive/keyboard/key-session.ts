/**
 * A running key test: evtest streams on the keyboards (and Fn-key devices) feed the pure reducer; a timer moves
 * the clock between events (hold bar, idle count-down). Kernel event times are wall-clock times, but a replayed
 * capture has its own: ticks are placed on the events' clock from the first event on.
 */
import type { System } from '../../../core/run/system.js';
import { EV_KEY, type InputEvent } from '../../../core/tools/evtest/parse-evtest.js';
import { type DeviceEnd, readInputDevices } from '../input/evtest-reader.js';
import { realClock, type SessionClock } from '../session-clock.js';
import { initialKeyTest, type KeyTestState, reduceKeyTest } from './key-test.js';
import type { Layout } from './layouts.js';

export interface KeySessionOptions {
  clock?: SessionClock;
  /** Every key event as it comes, with its device (for `gomme diag keys --json`). */
  onKey?(node: string, event: InputEvent): void;
  /** Ends the test after this long whatever happens (scripts). */
  maxMs?: number;
}

export interface KeySession {
  readonly state: KeyTestState;
  subscribe(listener: (state: KeyTestState) => void): () => void;
  stop(): void;
  /** The final state once the test ended and every stream closed, and the devices that could not be read. */
  done: Promise<{ state: KeyTestState; failed: DeviceEnd[] }>;
}

export async function startKeySession(
  system: System,
  nodes: string[],
  layout: Layout,
  options: KeySessionOptions = {},
): Promise<KeySession> {
  const clock = options.clock ?? realClock;
  const listeners = new Set<(state: KeyTestState) => void>();
  let state = initialKeyTest(layout);
  let offsetUs: number | null = null;
  const startedMs = clock.nowMs();
  let cancelTimer = () => {};
  let stopReader = () => {};
  const dispatch = (action: Parameters<typeof reduceKeyTest>[1]) => {
    const next = reduceKeyTest(state, action);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(state);
    if (state.ended) {
      cancelTimer();
      stopReader();
    }
  };
  const reader = await readInputDevices(system, nodes, {
    onEvent(node, event) {
      if (event.type !== EV_KEY) return;
      offsetUs ??= event.timeUs - clock.nowMs() * 1000;
      options.onKey?.(node, event);
      dispatch({ type: 'event', event });
    },
  });
  stopReader = () => reader.stop();
  cancelTimer = clock.every(200, () => {
    if (options.maxMs !== undefined && clock.nowMs() - startedMs >= options.maxMs) {
      dispatch({ type: 'stop' });
      return;
    }
    dispatch({ type: 'tick', nowUs: clock.nowMs() * 1000 + (offsetUs ?? 0) });
  });
  const done = reader.done.then((ends) => {
    // Streams that end by themselves (a replay, a device unplugged, evtest refused) end the test too.
    if (!state.ended) dispatch({ type: 'stop' });
    cancelTimer();
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
    stop: () => dispatch({ type: 'stop' }),
    done,
  };
}

/** Devices whose evtest ended by itself with an error (not root, device gone). */
export function failedDevices(ends: DeviceEnd[]): DeviceEnd[] {
  return ends.filter((end) => !end.stopped && end.exitCode !== 0);
}
