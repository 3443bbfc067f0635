/**
 * The keyboards the key tester draws: French AZERTY (ISO, 105 keys) and English US (ANSI), as rows of Linux
 * evdev key codes (input-event-codes.h; codes name positions, not characters) with their printed labels.
 * Labels are Latin-1 only: the Linux console font has accents, not arrows. Optional keys are drawn but a laptop
 * may lack them (Insert, Pause, Menu, right Ctrl…); every other key must answer for the test to pass.
 */
import type { Lang } from '../../../core/i18n.js';

export interface LayoutKey {
  code: number;
  label: string;
  optional?: boolean;
  /** Cells the label is padded to (the space bar is wide). */
  width?: number;
}

export type LayoutId = 'fr' | 'us';

export interface Layout {
  id: LayoutId;
  rows: LayoutKey[][];
}

const k = (code: number, label: string, extra: Partial<LayoutKey> = {}): LayoutKey => ({
  code,
  label,
  ...extra,
});
const opt = (code: number, label: string): LayoutKey => ({ code, label, optional: true });
const fnRow = (esc: string, del: string): LayoutKey[] => [
  k(1, esc),
  ...[59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 87, 88].map((code, i) => k(code, `F${i + 1}`)),
  k(111, del),
];
const arrows: LayoutKey[] = [k(105, '<-'), k(103, '/\\'), k(108, '\\/'), k(106, '->')];
const letters = (codes: number[], labels: string) => codes.map((code, i) => k(code, labels[i] ?? '?'));

const FR: Layout = {
  id: 'fr',
  rows: [
    fnRow('Échap', 'Suppr'),
    [k(41, '²'), ...letters([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], '&é"\'(-è_çà)='), k(14, '<--')],
    [
      k(15, 'Tab'),
      ...letters([16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27], 'AZERTYUIOP^$'),
      k(28, 'Entrée'),
    ],
    [k(58, 'Verr.Maj'), ...letters([30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 43], 'QSDFGHJKLMù*')],
    [k(42, 'Maj'), ...letters([86, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53], '<WXCVBN,;:!'), k(54, 'Maj')],
    [
      k(29, 'Ctrl'),
      k(125, 'Win'),
      k(56, 'Alt'),
      k(57, 'Espace', { width: 10 }),
      k(100, 'AltGr'),
      opt(127, 'Menu'),
      opt(97, 'Ctrl'),
      ...arrows,
    ],
    [
      opt(110, 'Inser'),
      opt(99, 'Impr'),
      opt(70, 'Arr.défil'),
      opt(119, 'Pause'),
      opt(102, 'Début'),
      opt(107, 'Fin'),
      opt(104, 'PgPréc'),
      opt(109, 'PgSuiv'),
    ],
  ],
};

const US: Layout = {
  id: 'us',
  rows: [
    fnRow('Esc', 'Del'),
    [k(41, '`'), ...letters([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], '1234567890-='), k(14, '<--')],
    [k(15, 'Tab'), ...letters([16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 43], 'QWERTYUIOP[]\\')],
    [k(58, 'Caps'), ...letters([30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40], "ASDFGHJKL;'"), k(28, 'Enter')],
    [k(42, 'Shift'), ...letters([44, 45, 46, 47, 48, 49, 50, 51, 52, 53], 'ZXCVBNM,./'), k(54, 'Shift')],
    [
      k(29, 'Ctrl'),
      k(125, 'Win'),
      k(56, 'Alt'),
      k(57, 'Space', { width: 10 }),
      k(100, 'Alt'),
      opt(127, 'Menu'),
      opt(97, 'Ctrl'),
      ...arrows,
    ],
    [
      opt(110, 'Ins'),
      opt(99, 'PrtSc'),
      opt(70, 'ScrLk'),
      opt(119, 'Pause'),
      opt(102, 'Home'),
      opt(107, 'End'),
      opt(104, 'PgUp'),
      opt(109, 'PgDn'),
    ],
  ],
};

export const LAYOUTS: Record<LayoutId, Layout> = { fr: FR, us: US };

/** French machines get AZERTY; `--lang en` shows the US board. */
export function layoutFor(lang: Lang): Layout {
  return lang === 'en' ? US : FR;
}

export function layoutKeys(layout: Layout): LayoutKey[] {
  return layout.rows.flat();
}

export function requiredCodes(layout: Layout): number[] {
  return layoutKeys(layout)
    .filter((key) => !key.optional)
    .map((key) => key.code);
}

/** The label of a code on this layout, or its number for keys the layout does not draw. */
export function keyLabel(layout: Layout, code: number): string {
  return layoutKeys(layout).find((key) => key.code === code)?.label ?? `#${code}`;
}
