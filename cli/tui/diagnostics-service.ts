import { type Lang, text } from '../../core/i18n.js';
import type { System } from '../../core/run/system.js';
import { testNameWords } from '../../core/words/tests.js';
import { grade } from '../../diagnostics/grading/grade.js';
import { evaluateAnswers } from '../../diagnostics/guided/answers.js';
import { QUESTIONS } from '../../diagnostics/guided/questions.js';
import { type DiagReport, GROUPS, runDiagnostics } from '../../diagnostics/run-diagnostics.js';
import type { TimeBoxes } from '../../diagnostics/types.js';
import type { DiagnosticsService, DiagSummary } from './services.js';

const STATUS_WORDS = {
  pass: text('BON', 'PASS'),
  'pass-with-reservations': text('BON AVEC RÉSERVES', 'PASS WITH RESERVATIONS'),
  fail: text('À RÉPARER OU REFUSÉ', 'FAIL'),
} as const;

/**
 * The guide's view of `diagnostics/`: automatic tests run while the trainee answers the guided questions, then
 * both are graded together by the same rules as `gomme diag`.
 */
export function diagnosticsService(
  system: System,
  options: { timeBoxes: TimeBoxes; publicDonor: () => boolean },
): DiagnosticsService {
  let report: DiagReport | null = null;
  return {
    questions: QUESTIONS,
    async runAutomatic({ signal, onTest }) {
      report = await runDiagnostics(system, {
        timeBoxes: options.timeBoxes,
        only: GROUPS.filter((g) => g !== 'guided'),
        signal,
        onProgress(event) {
          if (event.type === 'test-start') onTest({ name: event.name, status: 'running' });
          if (event.type === 'test-end') onTest({ name: event.name, status: event.status });
        },
      });
      for (const t of report.tests)
        onTest({ name: t.subject ? `${t.name}:${t.subject}` : t.name, status: t.status });
    },
    async summarise(answers): Promise<DiagSummary> {
      if (!report)
        return {
          grade: text('tests automatiques non terminés', 'automatic tests not finished'),
          findings: [],
        };
      const tests = [...report.tests, ...evaluateAnswers(answers)];
      const g = grade({
        tests,
        formFactor: report.inventory.system.formFactor,
        ramBytes: report.inventory.memory.totalBytes,
        cpuScore: report.inventory.cpu.score,
        drives: report.inventory.drives.filter((d) => !d.bootMedium),
        publicDonor: options.publicDonor(),
      });
      const findings = g.functional.reasons.map((r) => {
        const name = testNameWords(r.test);
        return text(`${name.fr} : ${r.fr}`, `${name.en}: ${r.en}`);
      });
      if (g.functional.untested.length > 0) {
        const names = g.functional.untested.map(testNameWords);
        const list = (lang: Lang) => names.map((n) => n[lang]).join(', ');
        findings.push(text(`Non testé : ${list('fr')}`, `Not tested: ${list('en')}`));
      }
      const word = STATUS_WORDS[g.functional.status];
      const cosmetic = g.cosmetic ?? '?';
      const category = g.performance.category ?? '?';
      return {
        grade: text(
          `${word.fr} - aspect ${cosmetic}, catégorie ${category}${g.priceCapEuros ? `, prix max ${g.priceCapEuros} EUR` : ''}`,
          `${word.en} - cosmetic ${cosmetic}, category ${category}${g.priceCapEuros ? `, price cap EUR ${g.priceCapEuros}` : ''}`,
        ),
        findings,
      };
    },
  };
}
