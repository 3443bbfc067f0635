/** RAM (memtester) and CPU (stress-ng) verdicts, pure (diagnostics.md §3, rules-v1.ram / .cpu). */
import type { MemtesterResult } from '../../core/tools/memtester/memtester.js';
import type { StressNgOutcome } from '../../core/tools/stress-ng/stress-ng.js';
import { rulesV1 } from '../grading/rules-v1.js';
import { type Reason, reason } from '../types.js';
import { statusOf, type Verdict } from './battery-verdict.js';

export function memtesterVerdict(result: MemtesterResult, timedOut: boolean): Verdict {
  if (result.stuckAddressFailed || result.otherTestFailed) {
    const which = result.failedTests.join(', ') || 'memtester';
    return {
      status: 'fail',
      reasons: [reason('ram-errors', 'repair', `Erreurs mémoire (${which}).`, `Memory errors (${which}).`)],
    };
  }
  if (result.allocationFailed) {
    return {
      status: 'skipped',
      reasons: [
        reason(
          'ram-no-lock',
          'info',
          'memtester n’a pas pu verrouiller la mémoire.',
          'memtester could not lock the memory.',
        ),
      ],
    };
  }
  if (timedOut) {
    // Stopped by its time box: what ran found nothing, but the pass is incomplete.
    return {
      status: 'pass',
      reasons: [
        reason(
          'ram-too-short',
          'info',
          'Test mémoire arrêté par la limite de temps.',
          'Memory test stopped by its time box.',
        ),
      ],
    };
  }
  return { status: 'pass', reasons: [] };
}

export interface CpuObservation {
  outcome: StressNgOutcome;
  durationMs: number;
  maxTemperatureC: number | null;
  /** Increase of Intel core_throttle_count during the run (null when not exposed). */
  throttleDelta: number | null;
}

export function cpuVerdict(o: CpuObservation): Verdict {
  const reasons: Reason[] = [];
  if (o.outcome === 'stressor-failed') {
    reasons.push(
      reason(
        'cpu-wrong-results',
        'fail',
        'Le processeur a donné des résultats faux sous charge.',
        'The CPU computed wrong results under load.',
      ),
    );
  } else if (o.outcome === 'killed' || o.outcome === 'alarm') {
    reasons.push(
      reason('cpu-stress-killed', 'fail', 'Le test de charge a été tué.', 'The stress run was killed.'),
    );
  } else if (o.outcome !== 'ok' && o.outcome !== 'metrics-untrustworthy') {
    return {
      status: 'skipped',
      reasons: [
        reason('cpu-stress-unusable', 'info', `stress-ng : ${o.outcome}.`, `stress-ng: ${o.outcome}.`),
      ],
    };
  }
  const hot = rulesV1.cpu.hotCelsius.value;
  if (o.maxTemperatureC !== null && o.maxTemperatureC >= hot) {
    reasons.push(
      reason(
        'cpu-overheat',
        'repair',
        `${o.maxTemperatureC} °C sous charge : nettoyer, changer la pâte thermique.`,
        `${o.maxTemperatureC} °C under load: clean, repaste.`,
      ),
    );
  }
  if (o.throttleDelta !== null && o.throttleDelta > 0) {
    reasons.push(
      reason(
        'cpu-throttling',
        'repair',
        'Le processeur ralentit pour cause de chaleur : nettoyer, changer la pâte thermique.',
        'The CPU throttles from heat: clean, repaste.',
      ),
    );
  }
  if (o.durationMs < rulesV1.cpu.minimumStressMs.value) {
    reasons.push(
      reason(
        'cpu-too-short',
        'info',
        'Charge de moins de 5 minutes : test indicatif seulement.',
        'Under 5 minutes of load: indicative only.',
      ),
    );
  }
  return { status: statusOf(reasons), reasons };
}
