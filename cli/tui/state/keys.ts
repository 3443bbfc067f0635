import { focusedItem } from './items.js';
import type { Action, GuideState } from './types.js';

/** The subset of Ink's Key the guide listens to. */
export interface KeyLike {
  upArrow?: boolean;
  downArrow?: boolean;
  tab?: boolean;
  shift?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  backspace?: boolean;
  delete?: boolean;
  meta?: boolean;
}

/** Longest text a field takes: enough for a donor name, short enough to fit one 80-column line. */
const MAX_FIELD = 40;

/** Maps one key press to an intent (pure). Keyboard only: arrows/Tab move, Enter/Space act, Esc goes back. */
export function keyToAction(state: GuideState, input: string, key: KeyLike): Action | null {
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
  if (key.upArrow || (key.tab && key.shift)) return { type: 'focus', delta: -1 };
  if (key.downArrow || key.tab) return { type: 'focus', delta: 1 };
  if (key.return) return { type: 'activate' };
  if (key.escape) return { type: 'back' };
  const item = focusedItem(state);
  if (item?.kind === 'field') {
    const value = fieldValue(state, item.id);
    // Terminals send Backspace as DEL (0x7f), which Ink names "delete": both erase the last character.
    if (key.backspace || key.delete) return { type: 'edit', field: item.id, value: value.slice(0, -1) };
    if (key.ctrl || key.meta) return null;
    const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
    if (printable === '' || value.length >= MAX_FIELD) return null;
    return { type: 'edit', field: item.id, value: (value + printable).slice(0, MAX_FIELD) };
  }
  if (input === ' ') return { type: 'activate' };
  return null;
}

export function fieldValue(
  state: GuideState,
  id: 'operator' | 'donor' | 'lot' | 'assetTag' | 'code',
): string {
  if (id === 'operator') return state.operator;
  if (id === 'code') return state.confirm.typed;
  return state.intake[id];
}
