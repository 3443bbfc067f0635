/** memtester and stress-ng for real on this machine: their real output through the parsers, and cancellation. */
import { describe, expect, it } from 'vitest';
import { realSystem } from '../../../core/run/system.js';
import { memtesterArgs, parseMemtester } from '../../../core/tools/memtester/memtester.js';
import {
  parseStressNgMetrics,
  stressNgCpuArgs,
  stressNgOutcome,
} from '../../../core/tools/stress-ng/stress-ng.js';
import { cpuCheck, ramCheck } from '../../../diagnostics/checks/stress-checks.js';
import { Probe } from '../../../diagnostics/probe.js';
import type { ProgressEvent } from '../../../diagnostics/types.js';

const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('real memtester and stress-ng', () => {
  it('memtester 4 MB: every test ok, exit 0', async () => {
    const run = await realSystem().runner.run('memtester', memtesterArgs(4), { timeoutMs: 60_000 });
    const parsed = parseMemtester(run.exitCode, run.stdout);
    expect(run.exitCode).toBe(0);
    expect(parsed.failedTests).toEqual([]);
    expect(parsed.passedTests).toEqual(
      expect.arrayContaining(['Stuck Address', 'Random Value', 'Walking Ones']),
    );
  });

  it('stress-ng 2 s --verify: exit 0 and a bogo-ops/s figure', async () => {
    const run = await realSystem().runner.run('stress-ng', stressNgCpuArgs({ seconds: 2 }), {
      timeoutMs: 30_000,
    });
    expect(stressNgOutcome(run.exitCode)).toBe('ok');
    const cpu = parseStressNgMetrics(run.stderr).find((m) => m.stressor === 'cpu');
    expect(cpu?.bogoOpsPerSecondReal).toBeGreaterThan(0);
    expect(cpu?.realSeconds).toBeGreaterThan(1);
  });

  it('an aborted CPU test stops early and is skipped, not passed', async () => {
    const controller = new AbortController();
    const events: ProgressEvent[] = [];
    setTimeout(() => controller.abort(), 1_500);
    const started = performance.now();
    const { result } = await cpuCheck(new Probe(realSystem()), 60_000, {
      signal: controller.signal,
      onProgress: (e) => events.push(e),
    });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.status).toBe('skipped');
    expect(events.some((e) => e.type === 'test-progress')).toBe(true);
  });

  it('memtester cut by its time box passes with a "too short" note', async () => {
    const result = await ramCheck(new Probe(realSystem()), 2048, 1_000);
    expect(result.status).toBe('pass');
    expect(result.reasons.map((r) => r.code)).toEqual(['ram-too-short']);
  });
});
