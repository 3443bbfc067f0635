/**
 * Touchpad and pointing-stick test as a pure reducer over evdev events: the pointer must reach the four corners
 * and both buttons must click. Absolute devices (touchpads) are judged on their axis ranges from evtest's
 * header; relative ones (sticks, a touchpad in PS/2 mouse mode) on motion accumulated in a virtual box.
 * A clickpad (INPUT_PROP_BUTTONPAD) has one physical button: a click on its right half is the right button.
 */
import { EV_ABS, EV_KEY, EV_REL, EV_SYN, type InputEvent } from '../../../core/tools/evtest/parse-evtest.js';

const ABS_X = 0;
const ABS_Y = 1;
const ABS_MT_POSITION_X = 53;
const ABS_MT_POSITION_Y = 54;
const REL_X = 0;
const REL_Y = 1;
const BTN_LEFT = 272;
const BTN_RIGHT = 273;

/** A corner is reached within this fraction of the range from both edges. */
export const CORNER_MARGIN = 0.1;
/** Half-size of the virtual box for relative motion, in device counts (design value: ~1 s of stick push). */
export const REL_BOX = 300;

export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
export const CORNERS: readonly Corner[] = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];

export interface Range {
  min: number;
  max: number;
}

export interface PointerTestState {
  mode: 'absolute' | 'relative';
  x: Range;
  y: Range;
  /** Current position (absolute: device units; relative: clamped accumulated counts), null before any motion. */
  pos: { x: number; y: number } | null;
  corners: Record<Corner, boolean>;
  buttons: { left: boolean; right: boolean };
  buttonpad: boolean;
  moved: boolean;
  ended: 'complete' | 'stopped' | null;
}

export type PointerAction = { type: 'event'; event: InputEvent } | { type: 'stop' };

export function initialPointerTest(options: {
  mode: 'absolute' | 'relative';
  x?: Range;
  y?: Range;
  buttonpad?: boolean;
}): PointerTestState {
  const box = { min: -REL_BOX, max: REL_BOX };
  return {
    mode: options.mode,
    x: options.x ?? box,
    y: options.y ?? box,
    pos: null,
    corners: { 'top-left': false, 'top-right': false, 'bottom-left': false, 'bottom-right': false },
    buttons: { left: false, right: false },
    buttonpad: options.buttonpad ?? false,
    moved: false,
    ended: null,
  };
}

export function reducePointerTest(state: PointerTestState, action: PointerAction): PointerTestState {
  if (state.ended) return state;
  if (action.type === 'stop') return { ...state, ended: 'stopped' };
  const { type, code, value } = action.event;
  if (type === EV_ABS && state.mode === 'absolute') {
    const pos = state.pos ?? { x: mid(state.x), y: mid(state.y) };
    if (code === ABS_X || code === ABS_MT_POSITION_X)
      return { ...state, pos: { ...pos, x: value }, moved: true };
    if (code === ABS_Y || code === ABS_MT_POSITION_Y)
      return { ...state, pos: { ...pos, y: value }, moved: true };
    return state;
  }
  if (type === EV_REL && state.mode === 'relative' && (code === REL_X || code === REL_Y)) {
    const pos = state.pos ?? { x: 0, y: 0 };
    const next =
      code === REL_X
        ? { ...pos, x: clamp(pos.x + value, state.x) }
        : { ...pos, y: clamp(pos.y + value, state.y) };
    return { ...state, pos: next, moved: state.moved || value !== 0 };
  }
  if (type === EV_KEY && value === 1 && (code === BTN_LEFT || code === BTN_RIGHT)) {
    const right = code === BTN_RIGHT || (state.buttonpad && state.pos !== null && state.pos.x > mid(state.x));
    return complete({ ...state, buttons: { ...state.buttons, [right ? 'right' : 'left']: true } });
  }
  if (type === EV_SYN && code === 0 && state.pos) {
    const corner = cornerAt(state, state.pos);
    if (corner && !state.corners[corner])
      return complete({ ...state, corners: { ...state.corners, [corner]: true } });
  }
  return state;
}

function complete(state: PointerTestState): PointerTestState {
  const done = CORNERS.every((c) => state.corners[c]) && state.buttons.left && state.buttons.right;
  return done ? { ...state, ended: 'complete' } : state;
}

function cornerAt(state: PointerTestState, pos: { x: number; y: number }): Corner | null {
  const near = (value: number, range: Range) => {
    const margin = (range.max - range.min) * CORNER_MARGIN;
    if (value <= range.min + margin) return 'low';
    if (value >= range.max - margin) return 'high';
    return null;
  };
  const x = near(pos.x, state.x);
  const y = near(pos.y, state.y);
  if (!x || !y) return null;
  return `${y === 'low' ? 'top' : 'bottom'}-${x === 'low' ? 'left' : 'right'}` as Corner;
}

const mid = (range: Range) => (range.min + range.max) / 2;
const clamp = (value: number, range: Range) => Math.min(range.max, Math.max(range.min, value));

/** Where the pointer is, as fractions 0..1 of the pad (for drawing the marker). */
export function pointerFraction(state: PointerTestState): { x: number; y: number } | null {
  if (!state.pos) return null;
  const f = (v: number, r: Range) => (r.max === r.min ? 0.5 : (v - r.min) / (r.max - r.min));
  return {
    x: Math.min(1, Math.max(0, f(state.pos.x, state.x))),
    y: Math.min(1, Math.max(0, f(state.pos.y, state.y))),
  };
}

export interface PointerSummary {
  corners: Corner[];
  missingCorners: Corner[];
  buttons: Array<'left' | 'right'>;
  missingButtons: Array<'left' | 'right'>;
  moved: boolean;
  pass: boolean;
}

export function summarisePointerTest(state: PointerTestState): PointerSummary {
  const buttons = (['left', 'right'] as const).filter((b) => state.buttons[b]);
  const missingButtons = (['left', 'right'] as const).filter((b) => !state.buttons[b]);
  const missingCorners = CORNERS.filter((c) => !state.corners[c]);
  return {
    corners: CORNERS.filter((c) => state.corners[c]),
    missingCorners,
    buttons,
    missingButtons,
    moved: state.moved,
    pass: missingCorners.length === 0 && missingButtons.length === 0,
  };
}
