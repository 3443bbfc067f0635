import type { Text } from '../../core/i18n.js';
import { SW } from './screens/secret-words.js';
import { focusedItem, itemsFor } from './state/items.js';
import type { GuideState } from './state/types.js';
import { W } from './wording.js';

/** Screens Esc leaves for the previous one (state/navigation.ts `back`). */
const BACK_SCREENS = new Set(['intake', 'machine', 'diagnostics', 'drives', 'confirm']);

/** The key line under the frame: what each key does on the item under the focus, nothing else. */
export function hintFor(state: GuideState): string {
  const { lang } = state;
  const join = (...parts: Text[]) => parts.map((p) => p[lang]).join('  ');
  const item = focusedItem(state);
  const canGoBack = state.overlay !== null || state.erase.stopAsked || BACK_SCREENS.has(state.screen);
  const back = canGoBack ? [W.kBack] : [];
  if (state.overlay?.kind === 'secret') {
    return state.secret?.need.kind === 'ata-password'
      ? join(SW.keys, SW.keysAta)
      : join(SW.keysType, SW.keys);
  }
  if (state.screen === 'erasing' && !state.erase.stopAsked && !state.overlay) {
    return itemsFor(state).length > 1 ? join(W.keysErasing, W.kScroll) : join(W.keysErasing);
  }
  switch (item?.kind) {
    case 'field':
      return item.id === 'code'
        ? join(W.kTypeCode, W.kEnterValidate, ...back)
        : join(W.kType, W.kEnterNext, W.kArrowsLine, ...back);
    case 'toggle':
      return join(W.kChange, W.kEnterNext, ...back);
    case 'drive':
      return join(W.kSpaceTick, W.kEnterValidate, W.kArrowsChoose, ...back);
    case 'line':
      return join(W.kScroll, W.kEnterContinue, ...back);
    case 'button':
    case 'choice':
      return join(W.kArrowsChoose, W.kEnterValidate, ...back);
    default:
      return join(...back);
  }
}
