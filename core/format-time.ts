/**
 * Durations, estimates and dates for the reader. Dates are shown in local time with the zone named
 * ("07/12/2026 02:34 (heure de Paris)", "2026-12-07 02:34 (Paris time)"); records and JSON keep UTC.
 * An estimate never reads "0 s": "moins d'une minute" when tiny, "inconnue" when nobody knows.
 */
import { type Lang, type Text, text } from './i18n.js';

const W = {
  underSecond: text('moins d’une seconde', 'under a second'),
  underMinute: text('moins d’une minute', 'under a minute'),
  unknown: text('inconnue', 'unknown'),
  atLeast: text('au moins', 'at least'),
} satisfies Record<string, Text>;

const pad = (n: number) => String(n).padStart(2, '0');

/** A measured duration: "12 s", "3 min 05 s", "2 h 05 min"; under a second says so. */
export function formatDuration(seconds: number, lang: Lang): string {
  const s = Math.round(Math.max(0, seconds));
  if (s < 1) return W.underSecond[lang];
  return clock(s);
}

function clock(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h} h ${pad(m)} min`;
  if (m > 0) return `${m} min ${pad(s % 60)} s`;
  return `${s} s`;
}

/**
 * An expected duration, to the minute: "12 min", "2 h 05 min", "moins d'une minute", "au moins 40 min"
 * (the drive said "more than"), "inconnue" (null: nothing to base it on).
 */
export function formatEstimate(
  seconds: number | null,
  lang: Lang,
  options: { atLeast?: boolean } = {},
): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return W.unknown[lang];
  if (seconds < 60) return W.underMinute[lang];
  const minutes = Math.round(seconds / 60);
  const span = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min` : `${minutes} min`;
  return options.atLeast ? `${W.atLeast[lang]} ${span}` : span;
}

/** The zone this machine shows times in (TZ, else the system's). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

const UTC_ZONES = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/GMT',
  'GMT',
  'Etc/Universal',
  'Universal',
  'Etc/Zulu',
  'Zulu',
]);

/** "heure de Paris" / "Paris time"; "UTC" for UTC; the zone's id when it names no place (Etc/GMT-2). */
export function zoneLabel(timeZone: string, lang: Lang): string {
  if (UTC_ZONES.has(timeZone)) return 'UTC';
  if (timeZone.startsWith('Etc/') || !timeZone.includes('/')) return timeZone;
  const place = (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
  return text(`heure de ${place}`, `${place} time`)[lang];
}

interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

function partsIn(at: string | Date, timeZone: string): DateParts {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(
    format.formatToParts(typeof at === 'string' ? new Date(at) : at).map((p) => [p.type, p.value]),
  );
  return parts as unknown as DateParts;
}

/** The day alone: "07/12/2026" / "2026-12-07". */
export function formatDay(at: string | Date, lang: Lang, timeZone = localTimeZone()): string {
  const p = partsIn(at, timeZone);
  return text(`${p.day}/${p.month}/${p.year}`, `${p.year}-${p.month}-${p.day}`)[lang];
}

/** Day and time in `timeZone`, with the zone: "07/12/2026 02:34 (heure de Paris)". */
export function formatDateTime(at: string | Date, lang: Lang, timeZone = localTimeZone()): string {
  const p = partsIn(at, timeZone);
  return `${formatDay(at, lang, timeZone)} ${p.hour}:${p.minute} (${zoneLabel(timeZone, lang)})`;
}

/** Day and time without the zone, for tables whose heading names it once. */
export function formatShortDateTime(at: string | Date, lang: Lang, timeZone = localTimeZone()): string {
  const p = partsIn(at, timeZone);
  return `${formatDay(at, lang, timeZone)} ${p.hour}:${p.minute}`;
}
