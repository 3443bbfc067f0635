import { resolveDataDir } from '../../core/journal/data-dir.js';
import type { System } from '../../core/run/system.js';
import { runDiagnostics } from '../../diagnostics/run-diagnostics.js';
import type { TimeBoxes } from '../../diagnostics/types.js';
import { saveDiagnostics } from '../../session/save-diagnostics.js';
import type { CommandContext } from '../io.js';

type Emit = (event: Record<string, unknown>) => void;

/**
 * gomme.mode=diag after the inventory: the automatic tests (nobody is there to answer the guided questions, so
 * those functions stay "untested" and the grade says so), graded, then the report kept on the data partition
 * and queued for the hub when the station has one (the caller pushes it with the rest). One NDJSON line per
 * test start and end, then one with where the report is and its grade. A report that could not be kept or
 * queued is a warning: the diagnostics ran.
 */
export async function diagnoseUnattended(
  ctx: CommandContext,
  deps: { system: System; now(): Date },
  emit: Emit,
  timeBoxes: TimeBoxes,
): Promise<void> {
  const at = () => deps.now().toISOString();
  const report = await runDiagnostics(deps.system, {
    timeBoxes,
    answers: {},
    onProgress(event) {
      if (event.type === 'test-start')
        emit({
          type: 'diagnostics',
          phase: 'test-start',
          at: at(),
          name: event.name,
          timeBoxMs: event.timeBoxMs,
        });
      if (event.type === 'test-end')
        emit({ type: 'diagnostics', phase: 'test-end', at: at(), name: event.name, status: event.status });
    },
  });
  const saved = saveDiagnostics(resolveDataDir(ctx.env), report, deps.now());
  if (saved.problem) emit({ type: 'warning', at: at(), message: saved.problem[ctx.lang] });
  emit({
    type: 'unattended',
    phase: 'diagnostics-saved',
    at: at(),
    output: saved.status === 'not-written' ? null : saved.path,
    hub: saved.status,
    grade: report.grade.functional.status,
    untested: report.grade.functional.untested,
  });
}
