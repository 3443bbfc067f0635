import type { GommeError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n.js';

/** A typed failure as the unattended log's NDJSON `error` line (the same fields `gomme … --json` prints). */
export function errorEvent(error: GommeError, lang: Lang): Record<string, unknown> {
  return {
    type: 'error',
    code: error.code,
    exitCode: error.exitCode,
    message: error.text[lang],
    hint: error.hint?.[lang] ?? null,
  };
}
