import { formatDuration, formatEstimate } from '../../../core/format-time.js';
import type { Lang } from '../../../core/i18n.js';
import { consoleSafe } from '../wording.js';

// The shared words use typographic apostrophes, which the console font lacks: they pass through consoleSafe.

/** An estimate in words: never "0 s" (a short job is "moins d'une minute", an unknown one "inconnue"). */
export function estimateWords(seconds: number | null, lang: Lang): string {
  return consoleSafe(formatEstimate(seconds, lang));
}

/** A measured duration: at least one second, so a quick job never reads "0 s". */
export function tookWords(seconds: number, lang: Lang): string {
  return consoleSafe(formatDuration(Math.max(1, seconds), lang));
}
