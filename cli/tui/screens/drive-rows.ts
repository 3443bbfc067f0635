/**
 * The drive list as rows of text (pure): a box to tick for drives that may be erased, none for protected
 * ones, whose reason is written out in full on the lines below (never cut).
 */
import { formatSize } from '../../../core/format.js';
import { type Lang, SEMICOLON } from '../../../core/i18n.js';
import { marker } from '../components/item-rows.js';
import type { Line, Row } from '../components/scroll-list.js';
import { indented, WIDTH, wrap } from '../layout.js';
import type { DriveEntry } from '../services.js';
import { isSelectable } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { colon, consoleSafe, PROTECTION_WORDS, W } from '../wording.js';

/** "WDC WD5000AAKX, n° WCAYUJ123456", with words where the drive did not say. */
export function driveIdentity(d: DriveEntry['drive'], lang: Lang): string {
  const model = d.model ? consoleSafe(d.model) : W.unknownModel[lang];
  const serial = d.serial ? `${W.serialShort[lang]} ${consoleSafe(d.serial)}` : W.unknownSerial[lang];
  return `${model}, ${serial}`;
}

function protectionText(entry: DriveEntry, lang: Lang): string {
  const reasons = entry.drive.protections.map((p) =>
    consoleSafe(`${PROTECTION_WORDS[p.reason][lang]} (${p.detail[lang]})`),
  );
  const why = reasons.length > 0 ? reasons.join(SEMICOLON[lang]) : consoleSafe(entry.refusal?.[lang] ?? '');
  return `${W.protectedLabel[lang]}${colon(lang)}${why}`;
}

export function driveRow(entry: DriveEntry, state: GuideState, focusedPath: string | null): Row {
  const { lang } = state;
  const d = entry.drive;
  const head = `${d.path.padEnd(12)} ${formatSize(d.sizeBytes, lang).padStart(8)}  ${driveIdentity(d, lang)}`;
  if (!isSelectable(state, d.path)) {
    // Greyed AND labelled: the reason is in words, and there is no box to tick.
    const lines: Line[] = [
      ...indented(head, '      ', WIDTH).map((text): Line => [{ text, color: 'gray' }]),
      ...indented(protectionText(entry, lang), '        ', WIDTH).map(
        (text): Line => [{ text, color: 'gray' }],
      ),
    ];
    return { key: d.path, lines };
  }
  const focused = focusedPath === d.path;
  const ticked = state.selected.includes(d.path);
  const [first = '', ...rest] = wrap(`${ticked ? '[X]' : '[ ]'} ${head}`, WIDTH - 2, '    ');
  return {
    key: d.path,
    lines: [
      [{ text: marker(focused) }, { text: first, inverse: focused, bold: ticked }],
      ...rest.map((text): Line => [{ text: `  ${text}`, bold: ticked }]),
    ],
  };
}
