import type { Lang } from '../../../core/i18n.js';
import { formatDuration } from '../../output/erase-report.js';
import { W } from '../wording.js';

/** An estimate in words: never "0 s" (a short job is "moins d'une minute"). */
export function estimateWords(seconds: number | null, lang: Lang): string {
  if (seconds === null || !Number.isFinite(seconds)) return '?';
  return seconds < 60 ? W.underAMinute[lang] : formatDuration(seconds);
}

/** A measured duration: at least one second, so a quick job never reads "0 s". */
export function tookWords(seconds: number): string {
  return formatDuration(Math.max(1, seconds));
}
