import { formatSize, formatSizeExact } from '../../core/format.js';
import { formatDateTime, formatDay, localTimeZone } from '../../core/format-time.js';
import type { Lang } from '../../core/i18n.js';

/**
 * Value formatting for certificates, through the shared formatters: explicit units, and dates in local time
 * with the zone named, so a printed page is unambiguous years later (the attached record keeps UTC).
 */

/** "268 Mo (268 435 456 octets)". */
export function formatBytes(bytes: number, lang: Lang): string {
  return formatSizeExact(bytes, lang);
}

/** "268 Mo". */
export function formatShortBytes(bytes: number, lang: Lang): string {
  return formatSize(bytes, lang);
}

/** "07/12/2026 02:34 (heure de Paris)" / "2026-12-07 02:34 (Paris time)". */
export function formatDate(iso: string, lang: Lang, timeZone = localTimeZone()): string {
  return formatDateTime(iso, lang, timeZone);
}

/** "07/12/2026" / "2026-12-07", in the same zone as formatDate. */
export function formatDayOnly(iso: string, lang: Lang, timeZone = localTimeZone()): string {
  return formatDay(iso, lang, timeZone);
}

export { formatDuration } from '../../core/format-time.js';

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** Standard PDF fonts only encode WinAnsi: replace what they cannot draw rather than print garbage. */
export function winAnsi(value: string): string {
  return value
    .replace(/[\u202f\u2009]/g, '\u00a0')
    .replace(/[≥]/g, '>=')
    .replace(/[≤]/g, '<=')
    .replace(/[→]/g, '->')
    .replace(
      /[^\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
      '?',
    );
}
