import { formatMemorySize } from '../core/format.js';
import { COLON, type Lang, SEMICOLON, type Text, text } from '../core/i18n.js';
import {
  categoryWords,
  cosmeticWords,
  functionalHeadline,
  testName,
  testVerdict,
  VERDICT_WORDS,
} from './grading/verdict-words.js';
import type { DiagReport } from './run-diagnostics.js';

const W = {
  serial: text('n° de série', 'serial'),
  processor: text('Processeur', 'CPU'),
  memory: text('Mémoire', 'Memory'),
  drives: text('disques', 'drives'),
  functional: text('État fonctionnel', 'Functional'),
  priceCap: text('Prix de revente maximum', 'Resale price cap'),
} satisfies Record<string, Text>;

/** The human summary of a diagnostics run (the JSON is the contract; this is for the trainee). */
export function renderDiag(report: DiagReport, lang: Lang): string {
  const { system, cpu, memory } = report.inventory;
  const colon = COLON[lang];
  const ram = memory.totalBytes === null ? '?' : formatMemorySize(memory.totalBytes, lang);
  const lines = [
    `${system.vendor ?? '?'} ${system.product ?? ''}  ${W.serial[lang]} ${system.serial ?? '?'}`,
    `${W.processor[lang]} ${cpu.model ?? '?'} (${cpu.cores ?? '?'}/${cpu.threads})  ${W.memory[lang]} ${ram}  ${W.drives[lang]} ${report.inventory.drives.length}`,
    '',
  ];
  const named = report.tests.map((t) => ({
    t,
    name: testName(t.subject ? `${t.name}:${t.subject}` : t.name)[lang],
  }));
  const width = Math.max(28, ...named.map((n) => n.name.length));
  for (const { t, name } of named) {
    const why = t.reasons.map((r) => r[lang]).join(SEMICOLON[lang]);
    lines.push(`  ${VERDICT_WORDS[testVerdict(t)][lang].padEnd(12)} ${name.padEnd(width)} ${why}`.trimEnd());
  }
  const g = report.grade;
  // The same words as the guide and the machine certificate: untested functions make the machine INCOMPLET.
  lines.push(
    '',
    `${W.functional[lang]}${colon}${functionalHeadline(g.functional, { list: true })[lang]}`,
    cosmeticWords(g.cosmetic)[lang],
    categoryWords(g.performance.category)[lang],
  );
  if (g.priceCapEuros !== null) lines.push(`${W.priceCap[lang]}${colon}${g.priceCapEuros} €`);
  return lines.join('\n');
}
