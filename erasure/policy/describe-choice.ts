/** Human text for `gomme erase --dry-run`: the chosen method, its NIST level, why, and the expected time. */
import type { Drive } from '../../core/drive.js';
import { formatEstimate } from '../../core/format-time.js';
import { type Lang, labelled, type Text, text, textOf } from '../../core/i18n.js';
import type { NvmeSanitizeEstimates } from '../../core/tools/nvme/parse-sanitize-log.js';
import { NIST_LEVEL_LABEL, NIST_LEVEL_WORDS } from '../../core/words/levels.js';
import { methodWords } from '../../core/words/methods.js';
import { estimatePurgeSeconds, type PurgeEstimate } from '../purge/estimate.js';
import type { ErasureChoice } from './select-erasure.js';

const W = {
  method: text('Méthode', 'Method'),
  why: text('Pourquoi', 'Why'),
  expected: text('Durée prévue', 'Expected time'),
  drive: text('estimation du disque', 'the drive’s own estimate'),
  ruleOfThumb: text('ordre de grandeur', 'rule of thumb'),
} satisfies Record<string, Text>;

export function describeChoice(choice: ErasureChoice, lang: Lang, estimate?: PurgeEstimate): string {
  if (choice.kind === 'destroy') {
    return [text('NON EFFACÉ : À DÉTRUIRE', 'NOT ERASED: TO BE DESTROYED'), labelled(W.why, choice.reason)]
      .map((line) => line[lang])
      .join('\n');
  }
  const id = choice.kind === 'purge' ? choice.engine : choice.method;
  const name = methodWords(id) ?? text(choice.technique, choice.technique);
  const lines = [
    labelled(
      W.method,
      textOf((l) => `${name[l]} (${id})`),
    ),
    labelled(NIST_LEVEL_LABEL, NIST_LEVEL_WORDS[choice.nistLevel]),
    labelled(W.why, choice.reason),
  ];
  if (estimate) lines.push(labelled(W.expected, estimateWords(estimate)));
  return lines.map((line) => line[lang]).join('\n');
}

/** "8 min (estimation du disque)", "au moins 2 h 05 min (estimation du disque)", "3 h 00 min (ordre de grandeur)". */
export function estimateWords(e: PurgeEstimate): Text {
  const source = e.basis === 'drive' ? W.drive : W.ruleOfThumb;
  return textOf((lang) => `${formatEstimate(e.seconds, lang, { atLeast: e.atLeast })} (${source[lang]})`);
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
