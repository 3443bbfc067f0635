/**
 * Numbers, percentages, sizes and speeds written for the reader's language (Intl): French "12,2 %",
 * "268 Mo", "707 Mo/s", "1,5 To"; English "12.2%", "268 MB", "707 MB/s", "1.5 TB". Durations and dates are
 * in core/format-time.ts. Every output (CLI, guide, PDF) formats through here, so they all agree.
 */
import { type Lang, text } from './i18n.js';

export const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * Intl writes French with narrow no-break spaces (U+202F), which the Linux console font lacks and the PDF's
 * standard fonts cannot draw: gomme writes a plain space instead.
 */
export const plainSpaces = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** 1234567.25 → "1 234 567,3" / "1,234,567.3" (at most `digits` decimals). */
export function formatNumber(value: number, lang: Lang, digits = 1): string {
  return plainSpaces(numberFormat(lang, { maximumFractionDigits: digits }).format(value));
}

/** A fraction (0.122) as a percentage: "12,2 %" / "12.2%". */
export function formatPercent(fraction: number, lang: Lang, digits = 1): string {
  return plainSpaces(
    numberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(fraction),
  );
}

const UNITS: Record<Lang, readonly string[]> = {
  fr: ['o', 'ko', 'Mo', 'Go', 'To', 'Po'],
  en: ['B', 'kB', 'MB', 'GB', 'TB', 'PB'],
};

/** Under a kilobyte the unit is written out: "512 octets", "1 octet", "0 bytes" (French: 0 and 1 are singular). */
function bytesWord(bytes: number, lang: Lang): string {
  const singular: Record<Lang, boolean> = { fr: bytes < 2, en: bytes === 1 };
  return text(singular.fr ? 'octet' : 'octets', singular.en ? 'byte' : 'bytes')[lang];
}

/** Decimal units, as drive makers label their drives (a "500 GB" disk shows as 500 GB / 500 Go). */
export function formatSize(bytes: number, lang: Lang): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS[lang].length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${formatNumber(value, lang, 0)} ${bytesWord(value, lang)}`;
  // Three significant figures at most: "33,6 Mo", "268 Mo", "1,5 To".
  const digits = value >= 100 ? 0 : 1;
  return `${formatNumber(value, lang, digits)} ${UNITS[lang][unit]}`;
}

/** The size and the exact byte count, for a certificate: "268 Mo (268 435 456 octets)". */
export function formatSizeExact(bytes: number, lang: Lang): string {
  const short = formatSize(bytes, lang);
  if (bytes < 1000) return short;
  return `${short} (${formatNumber(bytes, lang, 0)} ${bytesWord(bytes, lang)})`;
}

/** A transfer speed: "707 Mo/s" / "707 MB/s". */
export function formatRate(bytesPerSecond: number, lang: Lang): string {
  return `${formatSize(bytesPerSecond, lang)}/s`;
}

/**
 * Memory sizes in binary units with the names memory is sold under (JEDEC: 1 GB of RAM = 2^30 bytes), so a
 * machine with two 4 GB sticks shows "8 Go" / "8 GB", not "8,6 Go".
 */
export function formatMemorySize(bytes: number, lang: Lang): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS[lang].length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 || unit === 0 ? 0 : 1;
  return `${formatNumber(value, lang, digits)} ${UNITS[lang][unit]}`;
}
