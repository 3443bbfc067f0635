/**
 * Items as rows of text (pure), so a screen knows how many lines they take before drawing them. The focus
 * marker is a ">" as well as inverse video: the console may show no colour at all.
 */

import { unlockLabel } from '../screens/secret-words.js';
import { fieldValue } from '../state/keys.js';
import type { GuideState, Item } from '../state/types.js';
import { buttonLabel, consoleSafe, W } from '../wording.js';
import { plain, type Row, type Segment } from './scroll-list.js';

/** Label column of fields and `< >` values. */
const LABEL_WIDTH = 36;

export const marker = (focused: boolean): string => (focused ? '> ' : '  ');

const FIELD_LABELS = {
  operator: W.operator,
  donor: W.donor,
  lot: W.lot,
  assetTag: W.assetTag,
  code: W.code,
} as const;

export function buttonRow(key: string, label: string, focused: boolean): Row {
  return {
    key,
    lines: [[{ text: marker(focused) }, { text: `[ ${label} ]`, inverse: focused, bold: focused }]],
  };
}

/** One focusable item; drives and list lines are drawn by their screens, from the same focus. */
export function itemRow(state: GuideState, item: Item, focused: boolean): Row {
  const { lang } = state;
  const key = `${item.kind}:${item.id}`;
  switch (item.kind) {
    case 'field': {
      const label = `${marker(focused)}${FIELD_LABELS[item.id][lang].padEnd(LABEL_WIDTH)}: `;
      const value = consoleSafe(fieldValue(state, item.id)) + (focused ? '_' : '');
      return { key, lines: [[{ text: label }, { text: value, inverse: focused }]] };
    }
    case 'toggle': {
      const label = item.id === 'lang' ? W.language : W.publicDonor;
      const value =
        item.id === 'lang' ? W.languageName[lang] : (state.intake.publicDonor ? W.yesWord : W.noWord)[lang];
      const segments: Segment[] = [
        { text: `${marker(focused)}${label[lang].padEnd(LABEL_WIDTH)}: ` },
        { text: `< ${value} >`, inverse: focused },
      ];
      return { key, lines: [segments] };
    }
    case 'button':
      return buttonRow(key, buttonLabel(item.id)[lang], focused);
    case 'choice': {
      const question = state.diag.questions?.[state.diag.questionIndex];
      const choice = question?.choices.find((c) => c.id === item.id);
      return buttonRow(key, consoleSafe(choice?.label[lang] ?? item.id), focused);
    }
    case 'unlock': {
      const entry =
        state.drives.status === 'ready'
          ? state.drives.found.entries.find((e) => e.drive.path === item.id)
          : undefined;
      return buttonRow(key, consoleSafe(unlockLabel(entry, item.id)[lang]), focused);
    }
    case 'drive':
    case 'line':
      return { key, lines: [plain(`${marker(focused)}${item.id}`)] };
  }
}

/** The rows of the screen's items of the given kinds, in order, with the focus marker. */
export function itemRows(state: GuideState, items: readonly Item[], kinds: readonly Item['kind'][]): Row[] {
  return items.flatMap((item, index) =>
    kinds.includes(item.kind) ? [itemRow(state, item, index === state.focus)] : [],
  );
}
