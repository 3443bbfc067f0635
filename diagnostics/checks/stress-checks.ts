/**
 * RAM (memtester) and CPU (stress-ng --verify) runs, time-boxed and cancellable, watching temperatures
 * (hwmon, thermal zones) and Intel throttle counters during the CPU run.
 */
import { memtesterArgs, parseMemtester } from '../../core/tools/memtester/memtester.js';
import {
  parseStressNgMetrics,
  stressNgCpuArgs,
  stressNgOutcome,
} from '../../core/tools/stress-ng/stress-ng.js';
import type { Probe } from '../probe.js';
import { type ProgressEvent, reason, type TestResult } from '../types.js';
import { cpuVerdict, memtesterVerdict } from './stress-verdicts.js';

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

export async function ramCheck(
  probe: Probe,
  megabytes: number,
  timeBoxMs: number,
  options: RunOptions = {},
): Promise<TestResult> {
  const started = performance.now();
  const run = await probe.run('memtester', memtesterArgs(megabytes), {
    timeoutMs: timeBoxMs,
    signal: options.signal,
  });
  const durationMs = Math.round(performance.now() - started);
  if (!run) return missing('ram', 'memtester', durationMs);
  const timedOut = run.timedOut || (options.signal?.aborted ?? false);
  const parsed = parseMemtester(run.exitCode, run.stdout);
  const verdict = memtesterVerdict(parsed, timedOut);
  return {
    name: 'ram',
    kind: 'auto',
    ...verdict,
    values: { megabytes, exitCode: run.exitCode, failedTests: parsed.failedTests },
    durationMs,
  };
}

export async function cpuCheck(
  probe: Probe,
  stressMs: number,
  options: RunOptions = {},
): Promise<{ result: TestResult; score: number | null }> {
  const sensors = await temperatureSensors(probe);
  const throttleBefore = await throttleCount(probe);
  const started = performance.now();
  let maxTemperatureC: number | null = null;
  const sample = async () => {
    for (const path of sensors) {
      const milli = Number(await probe.read(path));
      // Readings outside 1–150 °C are sensor noise or unpopulated inputs.
      if (Number.isFinite(milli) && milli > 1000 && milli < 150_000)
        maxTemperatureC = Math.max(maxTemperatureC ?? 0, Math.round(milli / 1000));
    }
    options.onProgress?.({
      type: 'test-progress',
      name: 'cpu',
      fraction: Math.min(1, (performance.now() - started) / stressMs),
      detail: maxTemperatureC === null ? undefined : `${maxTemperatureC} °C`,
    });
  };
  const timer = setInterval(() => void sample(), 1_000);
  const seconds = Math.max(1, Math.round(stressMs / 1000));
  const run = await probe
    .run('stress-ng', stressNgCpuArgs({ seconds }), { timeoutMs: stressMs + 30_000, signal: options.signal })
    .finally(() => clearInterval(timer));
  await sample();
  const durationMs = Math.round(performance.now() - started);
  if (!run) return { result: missing('cpu', 'stress-ng', durationMs), score: null };
  const throttleAfter = await throttleCount(probe);
  const metrics = parseStressNgMetrics(run.stderr).find((m) => m.stressor === 'cpu');
  const outcome = run.timedOut ? 'killed' : stressNgOutcome(run.exitCode);
  const verdict = cpuVerdict({
    outcome: options.signal?.aborted ? 'unknown' : outcome,
    durationMs,
    maxTemperatureC,
    throttleDelta: throttleBefore === null || throttleAfter === null ? null : throttleAfter - throttleBefore,
  });
  const score = metrics ? Math.round(metrics.bogoOpsPerSecondReal) : null;
  return {
    result: {
      name: 'cpu',
      kind: 'auto',
      ...verdict,
      values: { exitCode: run.exitCode, bogoOpsPerSecond: score, maxTemperatureC, sensors: sensors.length },
      durationMs,
    },
    score,
  };
}

/** Every hwmon tempN_input and thermal zone temp file (m°C). */
async function temperatureSensors(probe: Probe): Promise<string[]> {
  const paths: string[] = [];
  for (const hw of await probe.list('/sys/class/hwmon')) {
    for (const f of await probe.list(`/sys/class/hwmon/${hw}`))
      if (/^temp\d+_input$/.test(f)) paths.push(`/sys/class/hwmon/${hw}/${f}`);
  }
  for (const zone of await probe.list('/sys/class/thermal'))
    if (zone.startsWith('thermal_zone')) paths.push(`/sys/class/thermal/${zone}/temp`);
  return paths;
}

/** Sum of Intel per-core thermal throttle events; null where the kernel does not expose them (AMD, VMs). */
async function throttleCount(probe: Probe): Promise<number | null> {
  let total: number | null = null;
  for (const cpu of await probe.list('/sys/devices/system/cpu')) {
    if (!/^cpu\d+$/.test(cpu)) continue;
    const raw = await probe.read(`/sys/devices/system/cpu/${cpu}/thermal_throttle/core_throttle_count`);
    if (raw !== null && Number.isFinite(Number(raw))) total = (total ?? 0) + Number(raw);
  }
  return total;
}

function missing(name: string, tool: string, durationMs: number): TestResult {
  const r = reason(
    `${name}-tool-missing`,
    'info',
    `${tool} absent : test non fait.`,
    `${tool} missing: test not run.`,
  );
  return { name, kind: 'auto', status: 'skipped', reasons: [r], values: {}, durationMs };
}
