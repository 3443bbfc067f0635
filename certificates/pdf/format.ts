import type { Lang } from '../../core/i18n.js';

/** Value formatting for certificates: explicit units and UTC, so a printed page is unambiguous years later. */

export function formatBytes(bytes: number, lang: Lang): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go', 'To'] : ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const short = `${value.toLocaleString(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
  return unit === 0
    ? short
    : `${short} (${bytes.toLocaleString(locale)} ${lang === 'fr' ? 'octets' : 'bytes'})`;
}

export function formatShortBytes(bytes: number, lang: Lang): string {
  return formatBytes(bytes, lang).replace(/ \(.*\)$/, '');
}

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const dayEn = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${lang === 'fr' ? day : dayEn} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0
    ? `${h} h ${String(m).padStart(2, '0')} min`
    : m > 0
      ? `${m} min ${String(s).padStart(2, '0')} s`
      : `${s} s`;
}

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
