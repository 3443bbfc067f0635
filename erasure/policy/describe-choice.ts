/** Human text for `gomme erase --dry-run`: the chosen method, its NIST level, why, and the expected time. */
import type { Drive } from '../../core/drive.js';
import type { Lang } from '../../core/i18n.js';
import type { NvmeSanitizeEstimates } from '../../core/tools/nvme/parse-sanitize-log.js';
import { estimatePurgeSeconds, type PurgeEstimate } from '../purge/estimate.js';
import type { ErasureChoice } from './select-erasure.js';

export function describeChoice(choice: ErasureChoice, lang: Lang, estimate?: PurgeEstimate): string {
  if (choice.kind === 'destroy') {
    return lang === 'fr'
      ? `NON EFFACÉ : À DÉTRUIRE\nPourquoi : ${choice.reason.fr}`
      : `NOT ERASED: TO BE DESTROYED\nWhy: ${choice.reason.en}`;
  }
  const method =
    choice.kind === 'purge'
      ? `${choice.technique} (${choice.engine})`
      : `${choice.technique} (${choice.method})`;
  const level = choice.nistLevel === 'purge' ? 'Purge' : 'Clear';
  const lines =
    lang === 'fr'
      ? [`Méthode : ${method}`, `Niveau NIST SP 800-88 : ${level}`, `Pourquoi : ${choice.reason.fr}`]
      : [`Method: ${method}`, `NIST SP 800-88 level: ${level}`, `Why: ${choice.reason.en}`];
  if (estimate) lines.push(formatEstimate(estimate, lang));
  return lines.join('\n');
}

function formatEstimate(e: PurgeEstimate, lang: Lang): string {
  const minutes = Math.max(1, Math.round(e.seconds / 60));
  const span = minutes >= 120 ? `${Math.round(minutes / 6) / 10} h` : `${minutes} min`;
  const bound = e.atLeast ? (lang === 'fr' ? 'au moins ' : 'at least ') : '';
  const source =
    e.basis === 'drive'
      ? lang === 'fr'
        ? 'estimation du disque'
        : 'the drive’s own estimate'
      : lang === 'fr'
        ? 'ordre de grandeur'
        : 'rule of thumb';
  return lang === 'fr'
    ? `Durée prévue : ${bound}${span} (${source})`
    : `Expected time: ${bound}${span} (${source})`;
}

/** The expected duration of a choice, from the drive's own estimates when it gave any. */
export function estimateChoice(
  drive: Drive,
  choice: ErasureChoice,
  nvmeEstimates: NvmeSanitizeEstimates | null = null,
): PurgeEstimate {
  const noDeallocate = drive.capabilities.nvme?.noDeallocateInhibited === false;
  return estimatePurgeSeconds(
    drive,
    choice.kind === 'purge' ? choice.engine : 'overwrite',
    nvmeEstimates,
    noDeallocate,
  );
}
