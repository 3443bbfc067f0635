/**
 * stress-ng (stress-ng.1, 0.15.06): argv, exit status and `--metrics-brief` figures.
 * Exit status: 0 success, 1 error (bad arguments…), 2 a stressor failed (with --verify: wrong results),
 * 3 a stressor could not get resources, 4 not implemented, 5 killed by a signal, 6 by SIGALRM, 7 metrics
 * untrustworthy.
 */

export function stressNgCpuArgs(options: { seconds: number; workers?: number }): string[] {
  return [
    '--cpu',
    String(options.workers ?? 0),
    '--verify',
    '--timeout',
    `${Math.max(1, Math.round(options.seconds))}s`,
    '--metrics-brief',
  ];
}

export type StressNgOutcome =
  | 'ok'
  | 'error'
  | 'stressor-failed'
  | 'no-resources'
  | 'not-implemented'
  | 'killed'
  | 'alarm'
  | 'metrics-untrustworthy'
  | 'unknown';

const OUTCOMES: Record<number, StressNgOutcome> = {
  0: 'ok',
  1: 'error',
  2: 'stressor-failed',
  3: 'no-resources',
  4: 'not-implemented',
  5: 'killed',
  6: 'alarm',
  7: 'metrics-untrustworthy',
};

export function stressNgOutcome(exitCode: number | null): StressNgOutcome {
  return exitCode === null ? 'unknown' : (OUTCOMES[exitCode] ?? 'unknown');
}

export interface StressNgMetric {
  stressor: string;
  bogoOps: number;
  realSeconds: number;
  /** Bogo operations per second of wall-clock time, all workers together: the CPU score. */
  bogoOpsPerSecondReal: number;
}

/** The "metrc:" table stress-ng prints on stderr with --metrics-brief. */
export function parseStressNgMetrics(stderr: string): StressNgMetric[] {
  const out: StressNgMetric[] = [];
  for (const line of String(stderr).split(/\r?\n/)) {
    const match = /metrc:\s*\[\d+\]\s+([a-z][\w-]*)\s+(\d+)\s+([\d.]+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)/.exec(
      line,
    );
    if (!match?.[1] || match[1] === 'stressor') continue;
    const values = [match[2], match[3], match[4]].map(Number);
    if (values.some((v) => !Number.isFinite(v))) continue;
    out.push({
      stressor: match[1],
      bogoOps: values[0] ?? 0,
      realSeconds: values[1] ?? 0,
      bogoOpsPerSecondReal: values[2] ?? 0,
    });
  }
  return out;
}
