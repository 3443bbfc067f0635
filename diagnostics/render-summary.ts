import type { Lang } from '../core/i18n.js';
import {
  categoryWords,
  cosmeticWords,
  functionalHeadline,
  testVerdict,
  VERDICT_WORDS,
} from './grading/verdict-words.js';
import type { DiagReport } from './run-diagnostics.js';

/** The human summary of a diagnostics run (the JSON is the contract; this is for the trainee). */
export function renderDiag(report: DiagReport, lang: Lang): string {
  const fr = lang === 'fr';
  const { system, cpu, memory } = report.inventory;
  const gib = (n: number | null) => (n === null ? '?' : `${(n / 1024 ** 3).toFixed(1)} GiB`);
  const lines = [
    `${system.vendor ?? '?'} ${system.product ?? ''}  ${fr ? 'n° de série' : 'serial'} ${system.serial ?? '?'}`,
    `CPU ${cpu.model ?? '?'} (${cpu.cores ?? '?'}/${cpu.threads})  RAM ${gib(memory.totalBytes)}  ${fr ? 'disques' : 'drives'} ${report.inventory.drives.length}`,
    '',
  ];
  for (const t of report.tests) {
    const name = t.subject ? `${t.name} ${t.subject}` : t.name;
    const why = t.reasons.map((r) => r[lang]).join(' ; ');
    lines.push(`  ${VERDICT_WORDS[testVerdict(t)][lang].padEnd(12)} ${name.padEnd(28)} ${why}`);
  }
  const g = report.grade;
  // The same words as the guide and the machine certificate: untested functions make the machine INCOMPLET.
  lines.push(
    '',
    `${fr ? 'État fonctionnel : ' : 'Functional: '}${functionalHeadline(g.functional, { list: true })[lang]}`,
    `${cosmeticWords(g.cosmetic)[lang]}`,
    `${categoryWords(g.performance.category)[lang]}`,
  );
  if (g.priceCapEuros !== null)
    lines.push(`${fr ? 'Prix de revente maximum : ' : 'Resale price cap: '}${g.priceCapEuros} €`);
  return lines.join('\n');
}
