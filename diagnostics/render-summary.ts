import { formatMemorySize } from '../core/format.js';
import { COLON, type Lang, SEMICOLON, type Text, text } from '../core/i18n.js';
import { testNameWords, testStatusWords } from '../core/words/tests.js';
import type { DiagReport } from './run-diagnostics.js';

const FUNCTIONAL: Record<DiagReport['grade']['functional']['status'], Text> = {
  pass: text('OK', 'PASS'),
  'pass-with-reservations': text('OK AVEC RÉSERVES', 'PASS WITH RESERVATIONS'),
  fail: text('ÉCHEC', 'FAIL'),
};

const W = {
  serial: text('n° de série', 'serial'),
  processor: text('Processeur', 'CPU'),
  memory: text('Mémoire', 'Memory'),
  drives: text('disques', 'drives'),
  functional: text('État fonctionnel', 'Functional'),
  repairable: text(' (réparable)', ' (repairable)'),
  cosmetic: text('Aspect', 'Cosmetic'),
  category: text('Catégorie', 'Category'),
  priceCap: text('Prix maximum', 'Price cap'),
  untested: text('Non testé', 'Not tested'),
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
    name: `${testNameWords(t.name)[lang]}${t.subject ? ` ${t.subject}` : ''}`,
  }));
  const width = Math.max(28, ...named.map((n) => n.name.length));
  for (const { t, name } of named) {
    const why = t.reasons.map((r) => r[lang]).join(SEMICOLON[lang]);
    lines.push(`  ${testStatusWords(t.status)[lang].padEnd(12)} ${name.padEnd(width)} ${why}`.trimEnd());
  }
  const g = report.grade;
  const price = g.priceCapEuros === null ? '' : `   ${W.priceCap[lang]}${colon}${g.priceCapEuros} €`;
  lines.push(
    '',
    `${W.functional[lang]}${colon}${FUNCTIONAL[g.functional.status][lang]}${g.functional.repairable ? W.repairable[lang] : ''}`,
    `${W.cosmetic[lang]}${colon}${g.cosmetic ?? '?'}   ${W.category[lang]}${colon}${g.performance.category ?? '?'}${price}`,
  );
  if (g.functional.untested.length > 0) {
    const untested = g.functional.untested.map((name) => testNameWords(name)[lang]);
    lines.push(`${W.untested[lang]}${colon}${untested.join(', ')}`);
  }
  return lines.join('\n');
}
