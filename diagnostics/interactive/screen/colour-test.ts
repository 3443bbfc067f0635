/**
 * Full-screen colour fills, one per key press, for dead pixels, lines and backlight bleed. The Linux console
 * has 8 background colours; "white" there is light grey, which still shows dead and stuck pixels.
 */
export const FILL_COLOURS = ['black', 'white', 'red', 'green', 'blue'] as const;
export type FillColour = (typeof FILL_COLOURS)[number];

export interface ColourTestState {
  /** -1: the explanation before the first fill; FILL_COLOURS.length: done. */
  index: number;
}

export function initialColourTest(): ColourTestState {
  return { index: -1 };
}

export function nextColour(state: ColourTestState): ColourTestState {
  return { index: Math.min(FILL_COLOURS.length, state.index + 1) };
}

export function currentFill(state: ColourTestState): FillColour | null {
  return FILL_COLOURS[state.index] ?? null;
}

export function colourTestDone(state: ColourTestState): boolean {
  return state.index >= FILL_COLOURS.length;
}
