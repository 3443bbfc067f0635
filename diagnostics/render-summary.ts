import type { Lang } from '../core/i18n.js';
import type { DiagReport } from './run-diagnostics.js';
import type { TestStatus } from './types.js';

const STATUS: Record<TestStatus, { fr: string; en: string }> = {
  pass: { fr: 'OK', en: 'PASS' },
  warn: { fr: 'RÉSERVE', en: 'WARN' },
  fail: { fr: 'ÉCHEC', en: 'FAIL' },
  'not-present': { fr: 'absent', en: 'not present' },
  skipped: { fr: 'non fait', en: 'skipped' },
};

const FUNCTIONAL = {
  pass: { fr: 'OK', en: 'PASS' },
  'pass-with-reservations': { fr: 'OK AVEC RÉSERVES', en: 'PASS WITH RESERVATIONS' },
  fail: { fr: 'ÉCHEC', en: 'FAIL' },
} as const;

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
    lines.push(`  ${STATUS[t.status][lang].padEnd(12)} ${name.padEnd(28)} ${why}`);
  }
  const g = report.grade;
  lines.push(
    '',
    `${fr ? 'État fonctionnel' : 'Functional'}: ${FUNCTIONAL[g.functional.status][lang]}${g.functional.repairable ? (fr ? ' (réparable)' : ' (repairable)') : ''}`,
    `${fr ? 'Esthétique' : 'Cosmetic'}: ${g.cosmetic ?? '?'}   ${fr ? 'Catégorie' : 'Category'}: ${g.performance.category ?? '?'}${g.priceCapEuros === null ? '' : `   ${fr ? 'Prix max' : 'Price cap'}: ${g.priceCapEuros} €`}`,
  );
  if (g.functional.untested.length > 0)
    lines.push(`${fr ? 'Non testé' : 'Not tested'}: ${g.functional.untested.join(', ')}`);
  return lines.join('\n');
}
