/**
 * The key tester's logic, as a pure reducer over the kernel's key events (evtest, in kernel time).
 *
 * Its way out cannot be triggered by accident: Esc must go down alone, stay down 2 s with no other key pressed,
 * then come back up. A bouncing Esc (presses of a few ms) never lasts 2 s; a stuck Esc never comes back up; a
 * key pressed during the hold cancels it. If Esc itself is broken or stuck, the test ends after 60 s without a
 * new key press (key repeats of a stuck key do not count as presses).
 */
import { EV_KEY, type InputEvent } from '../../../core/tools/evtest/parse-evtest.js';
import { type Layout, layoutKeys, requiredCodes } from './layouts.js';

export const KEY_ESC = 1;
export const EXIT_HOLD_US = 2_000_000;
export const IDLE_END_US = 60_000_000;
/** A key down this long (and not the Esc being held to leave) is shown as possibly stuck. */
export const STUCK_US = 5_000_000;

export type KeyTestEnd = 'esc-hold' | 'idle' | 'stopped';

export interface KeyTestState {
  layout: Layout;
  /** Codes pressed at least once, in the order first seen. */
  seen: number[];
  /** Keys down now, with the time they went down. */
  down: Record<number, number>;
  /** Time Esc went down alone, while a hold to leave is under way. */
  escHeldSince: number | null;
  /** Latest time known, from events or ticks. */
  nowUs: number | null;
  /** Idle time counts from here: the last key press, or the start. */
  idleSinceUs: number | null;
  presses: number;
  ended: KeyTestEnd | null;
}

export type KeyTestAction =
  | { type: 'event'; event: InputEvent }
  /** The shell's clock, in kernel time, so holds and idle time move on screen between events. */
  | { type: 'tick'; nowUs: number }
  | { type: 'stop' };

export function initialKeyTest(layout: Layout): KeyTestState {
  return {
    layout,
    seen: [],
    down: {},
    escHeldSince: null,
    nowUs: null,
    idleSinceUs: null,
    presses: 0,
    ended: null,
  };
}

export function reduceKeyTest(state: KeyTestState, action: KeyTestAction): KeyTestState {
  if (state.ended) return state;
  if (action.type === 'stop') return { ...state, ended: 'stopped' };
  if (action.type === 'tick') {
    const nowUs = Math.max(state.nowUs ?? action.nowUs, action.nowUs);
    const idleSinceUs = state.idleSinceUs ?? nowUs;
    const idle = nowUs - idleSinceUs >= IDLE_END_US;
    return { ...state, nowUs, idleSinceUs, ended: idle ? 'idle' : null };
  }
  const { event } = action;
  // The first event sets the clock: ticks before it may have come from another clock (a replayed capture).
  const first = state.nowUs === null || state.presses === 0;
  const base: KeyTestState = {
    ...state,
    nowUs: Math.max(first ? event.timeUs : (state.nowUs ?? 0), event.timeUs),
    idleSinceUs: first && state.presses === 0 ? event.timeUs : state.idleSinceUs,
  };
  if (event.type !== EV_KEY) return base;
  if (event.value === 1) return press(base, event.code, event.timeUs);
  if (event.value === 0) return release(base, event.code, event.timeUs);
  return base; // value 2: autorepeat of a key already down
}

function press(state: KeyTestState, code: number, t: number): KeyTestState {
  const seen = state.seen.includes(code) ? state.seen : [...state.seen, code];
  const down = { ...state.down, [code]: t };
  const alone = Object.keys(state.down).length === 0;
  const escHeldSince = code === KEY_ESC && alone ? t : null;
  return { ...state, seen, down, escHeldSince, idleSinceUs: t, presses: state.presses + 1 };
}

function release(state: KeyTestState, code: number, t: number): KeyTestState {
  const { [code]: _, ...down } = state.down;
  if (code === KEY_ESC && state.escHeldSince !== null) {
    const held = t - state.escHeldSince;
    return { ...state, down, escHeldSince: null, ended: held >= EXIT_HOLD_US ? 'esc-hold' : null };
  }
  return { ...state, down };
}

/** 0..1 while Esc is held to leave (for the progress bar), null otherwise. */
export function exitProgress(state: KeyTestState): number | null {
  if (state.escHeldSince === null || state.nowUs === null) return null;
  return Math.min(1, Math.max(0, (state.nowUs - state.escHeldSince) / EXIT_HOLD_US));
}

/** Seconds before the test ends by itself, shown once the keyboard has been idle 20 s. */
export function idleSecondsLeft(state: KeyTestState): number | null {
  if (state.nowUs === null || state.idleSinceUs === null) return null;
  const idle = state.nowUs - state.idleSinceUs;
  if (idle < 20_000_000) return null;
  return Math.max(0, Math.ceil((IDLE_END_US - idle) / 1e6));
}

/** Keys down longer than STUCK_US; Esc held to leave counts only after 10 s (nobody holds it that long). */
export function stuckKeys(state: KeyTestState): number[] {
  if (state.nowUs === null) return [];
  const now = state.nowUs;
  return Object.entries(state.down)
    .map(([code, since]) => [Number(code), since] as const)
    .filter(([code, since]) => now - since >= (code === KEY_ESC ? 2 * STUCK_US : STUCK_US))
    .map(([code]) => code);
}

export interface KeyTestSummary {
  expected: number;
  seenExpected: number;
  /** Required keys never pressed, in layout order. */
  missing: number[];
  /** Optional keys of the layout that were pressed. */
  optionalSeen: number[];
  /** Codes pressed that the layout does not draw (keypad, Fn media keys…). */
  extras: number[];
  stuck: number[];
  ended: KeyTestEnd | null;
  pass: boolean;
}

export function summariseKeyTest(state: KeyTestState): KeyTestSummary {
  const required = requiredCodes(state.layout);
  const drawn = new Set(layoutKeys(state.layout).map((key) => key.code));
  const seen = new Set(state.seen);
  const missing = required.filter((code) => !seen.has(code));
  return {
    expected: required.length,
    seenExpected: required.length - missing.length,
    missing,
    optionalSeen: layoutKeys(state.layout)
      .filter((key) => key.optional && seen.has(key.code))
      .map((key) => key.code),
    extras: state.seen.filter((code) => !drawn.has(code)),
    stuck: stuckKeys(state),
    ended: state.ended,
    pass: missing.length === 0,
  };
}
