import { focusedItem } from './items.js';
import type { Action, FieldId, GuideState } from './types.js';

/** The subset of Ink's Key the guide listens to. */
export interface KeyLike {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  tab?: boolean;
  shift?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  backspace?: boolean;
  delete?: boolean;
  meta?: boolean;
}

/**
 * A terminal may deliver typed text and Ctrl-C in one read (a loaded machine, a paste): Ink then hands the
 * whole chunk over as text, and the Ctrl-C would be lost. The chunk is split so each part keeps its meaning:
 * the text before it is typed, then the stop question is asked.
 */
export function splitInput(input: string, key: KeyLike): Array<{ input: string; key: KeyLike }> {
  const at = input.indexOf('\u0003');
  if (at < 0 || input.length === 1) return [{ input, key }];
  const parts: Array<{ input: string; key: KeyLike }> = [];
  if (at > 0) parts.push({ input: input.slice(0, at), key });
  parts.push({ input: 'c', key: { ctrl: true } });
  return parts;
}

/** The PSID / password panel: Enter next or check, Esc back or skip, Left/Right user or master, text typed. */
function secretKey(input: string, key: KeyLike): Action | null {
  if (key.return) return { type: 'secret', intent: { type: 'enter' } };
  if (key.escape) return { type: 'secret', intent: { type: 'back' } };
  if (key.leftArrow || key.rightArrow) return { type: 'secret', intent: { type: 'switch' } };
  if (key.backspace || key.delete) return { type: 'secret', intent: { type: 'erase' } };
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.tab) return null;
  const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
  return printable === '' ? null : { type: 'secret', intent: { type: 'type', text: printable } };
}

/** Longest text a field takes: label, value and cursor fit one 80-column line. */
export const MAX_FIELD = 38;

/** Whether the hardware tests have the keyboard (their own keys, or the keyboard grabbed by evtest). */
export function hardwareOwnsKeys(state: GuideState): boolean {
  return state.screen === 'diagnostics' && state.diag.hardware.status === 'testing' && state.overlay === null;
}

/**
 * Maps one key press to an intent (pure). One meaning per key on every screen:
 * Up/Down (and Tab) move; Enter validates, or moves on from an input; Space ticks a drive or changes a
 * `< >` value (a space in a text field); Left/Right change a `< >` value; Esc goes back; Ctrl-C asks to stop.
 */
export function keyToAction(state: GuideState, input: string, key: KeyLike): Action | null {
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
  if (hardwareOwnsKeys(state)) return null;
  if (state.overlay?.kind === 'secret') return secretKey(input, key);
  if (key.upArrow || (key.tab && key.shift)) return { type: 'focus', delta: -1 };
  if (key.downArrow || key.tab) return { type: 'focus', delta: 1 };
  if (key.return) return { type: 'activate' };
  if (key.escape) return { type: 'back' };
  const item = focusedItem(state);
  if (key.leftArrow || key.rightArrow) return item?.kind === 'toggle' ? { type: 'toggle' } : null;
  if (item?.kind === 'field') {
    const value = fieldValue(state, item.id);
    // Terminals send Backspace as DEL (0x7f), which Ink names "delete": both erase the last character.
    if (key.backspace || key.delete) return { type: 'edit', field: item.id, value: value.slice(0, -1) };
    if (key.ctrl || key.meta) return null;
    const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
    if (printable === '' || value.length >= MAX_FIELD) return null;
    return { type: 'edit', field: item.id, value: (value + printable).slice(0, MAX_FIELD) };
  }
  if (input === ' ' && (item?.kind === 'drive' || item?.kind === 'toggle')) return { type: 'toggle' };
  return null;
}

export function fieldValue(state: GuideState, id: FieldId): string {
  if (id === 'operator') return state.operator;
  if (id === 'code') return state.confirm.typed;
  return state.intake[id];
}
