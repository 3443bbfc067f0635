import { readMachineIdentity } from '../../core/detect/machine-identity.js';
import { joinText, SEMICOLON, type Text, text } from '../../core/i18n.js';
import type { System } from '../../core/run/system.js';
import { formFactorOf, type Grade, grade, testLabel } from '../../diagnostics/grading/grade.js';
import {
  categoryWords,
  cosmeticWords,
  eventVerdict,
  functionalHeadline,
  testName,
  testVerdict,
  untestedList,
  verdictLine,
} from '../../diagnostics/grading/verdict-words.js';
import { guidedResults } from '../../diagnostics/guided/guided-results.js';
import { questionsToAsk } from '../../diagnostics/guided/questions.js';
import { readHardwarePlan } from '../../diagnostics/interactive/plan.js';
import { type DiagReport, GROUPS, runDiagnostics } from '../../diagnostics/run-diagnostics.js';
import type { TestResult, TimeBoxes } from '../../diagnostics/types.js';
import { keepDiagnostics } from '../../session/save-diagnostics.js';
import type { DiagnosticsService, DiagRow, DiagSummary } from './services.js';

/**
 * The guide's view of `diagnostics/`: automatic tests run in the background while the hardware tests and the
 * questions they leave take the screen; everything is graded by the same rules and words as `gomme diag`.
 */
export function diagnosticsService(
  system: System,
  options: {
    timeBoxes: TimeBoxes;
    publicDonor: () => boolean;
    hardwareTests?: boolean;
    /** Where the graded report is kept (DATA_DIR/diagnostics/) and pushed from when the station has a hub. */
    keep?: { dataDir: string; env: NodeJS.ProcessEnv };
  },
): DiagnosticsService {
  let report: DiagReport | null = null;
  const service: DiagnosticsService = {
    questionsFor: (context) => questionsToAsk(context),
    async runAutomatic({ signal, onTest }) {
      report = await runDiagnostics(system, {
        timeBoxes: options.timeBoxes,
        only: GROUPS.filter((g) => g !== 'guided'),
        signal,
        onProgress(event) {
          if (event.type === 'test-start') onTest({ name: event.name, status: 'running' });
          if (event.type === 'test-end')
            onTest({ name: event.name, status: eventVerdict(event.status, event.untested ?? false) });
        },
      });
      // Each test in the words of the result: a test too short to count is "non testé" here too.
      for (const t of report.tests) onTest({ name: testLabel(t), status: testVerdict(t) });
    },
    async summarise({ answers, hardware }): Promise<DiagSummary> {
      if (!report) throw new Error('diagnostics graded before the automatic tests ended');
      const guided = guidedResults(answers, {
        absent: hardware?.absent ?? [],
        ranTests: hardware?.ranTests ?? [],
        hardware: hardware?.results ?? [],
      });
      const tests = [...report.tests, ...guided];
      const g = grade({
        tests,
        formFactor: report.inventory.system.formFactor,
        ramBytes: report.inventory.memory.totalBytes,
        cpuScore: report.inventory.cpu.score,
        drives: report.inventory.drives.filter((d) => !d.bootMedium),
        publicDonor: options.publicDonor(),
      });
      if (options.keep)
        keepDiagnostics(options.keep.dataDir, options.keep.env, { ...report, tests, grade: g });
      return summaryOf(g, tests, {
        cpu: report.inventory.cpu.model,
        memoryBytes: report.inventory.memory.totalBytes,
      });
    },
  };
  if (options.hardwareTests !== false) {
    service.hardware = {
      system,
      async plan() {
        // Read at once from DMI: the inventory of the automatic tests is not there yet.
        const { chassisType } = await readMachineIdentity(system);
        return readHardwarePlan(system, formFactorOf(chassisType === null ? null : String(chassisType)));
      },
    };
  }
  return service;
}

/** The verdict as the guide shows it: headline, every letter explained, one row per test. */
export function summaryOf(
  g: Grade,
  tests: readonly TestResult[],
  inventory: DiagSummary['inventory'],
): DiagSummary {
  const explanations: Text[] = [cosmeticWords(g.cosmetic), categoryWords(g.performance.category)];
  if (g.priceCapEuros !== null) {
    explanations.push(
      text(
        `prix de revente maximum : ${g.priceCapEuros} EUR (don d'un organisme public)`,
        `resale price cap: EUR ${g.priceCapEuros} (donated by a public body)`,
      ),
    );
  }
  return {
    status: g.functional.status,
    headline: functionalHeadline(g.functional),
    untested: g.functional.untested.length > 0 ? untestedList(g.functional) : null,
    explanations,
    rows: tests.map((t, i) => diagRow(t, i)),
    notes: verdictLine(g),
    inventory,
  };
}

function diagRow(t: TestResult, index: number): DiagRow {
  const verdict = testVerdict(t);
  const reasons = t.reasons.filter((r) => verdict !== 'pass' || r.severity !== 'info');
  return {
    id: `${index}:${testLabel(t)}`,
    verdict,
    name: testName(testLabel(t)),
    reason:
      reasons.length > 0
        ? joinText(
            reasons.map((r) => text(r.fr, r.en)),
            SEMICOLON,
          )
        : null,
  };
}
