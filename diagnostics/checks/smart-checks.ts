/**
 * SMART verdict per drive (smartctl -j -x, as discovery reads it, so a replayed capture answers it too) and
 * the drive's short self-test, time-boxed and cancellable.
 */
import type { Drive } from '../../core/drive.js';
import { bool, int, parseJsonRecord } from '../../core/tools/json-access.js';
import { parseSmartctlJson } from '../../core/tools/smartctl/parse-smartctl.js';
import type { Probe } from '../probe.js';
import { type ProgressEvent, reason, type TestResult } from '../types.js';
import { ataDevstatEndurance, smartVerdict } from './smart-verdict.js';

const SMART_TRANSPORTS = new Set(['sata', 'ata', 'nvme', 'usb', 'sas', 'scsi']);

export async function smartChecks(probe: Probe, drives: Drive[]): Promise<TestResult[]> {
  const targets = drives.filter((d) => !d.protections.some((p) => p.reason === 'boot-medium'));
  if (targets.length === 0) {
    return [
      {
        name: 'smart',
        kind: 'auto',
        status: 'not-present',
        reasons: [reason('smart-no-drive', 'info', 'Aucun disque interne.', 'No internal drive.')],
        values: {},
        durationMs: 0,
      },
    ];
  }
  const out: TestResult[] = [];
  for (const drive of targets) {
    const started = performance.now();
    if (!SMART_TRANSPORTS.has(drive.transport)) {
      const r = reason(
        'smart-no-data',
        'info',
        `Pas de SMART sur un disque ${drive.transport}.`,
        `No SMART on a ${drive.transport} drive.`,
      );
      out.push({
        name: 'smart',
        kind: 'auto',
        status: 'skipped',
        reasons: [r],
        subject: drive.path,
        values: {},
        durationMs: 0,
      });
      continue;
    }
    const run = await probe.run('smartctl', ['-j', '-x', drive.path], { timeoutMs: 30_000 });
    const report = parseSmartctlJson(run?.stdout ?? '');
    const verdict = smartVerdict(report, ataDevstatEndurance(run?.stdout ?? ''));
    out.push({
      name: 'smart',
      kind: 'auto',
      status: verdict.status,
      reasons: verdict.reasons,
      subject: drive.path,
      values: {
        model: report.model,
        serial: report.serial,
        powerOnHours: report.powerOnHours,
        temperatureC: report.temperatureC,
        enduranceUsedPercent: verdict.enduranceUsedPercent,
        smartPassed: report.smartPassed,
      },
      durationMs: Math.round(performance.now() - started),
    });
  }
  return out;
}

export interface SelfTestOptions {
  timeBoxMs: number;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** Poll interval; tests shorten it. */
  pollMs?: number;
}

/** Starts `smartctl -t short` and polls until the drive reports a result or the time box ends. */
export async function selfTest(probe: Probe, drive: Drive, options: SelfTestOptions): Promise<TestResult> {
  const started = performance.now();
  const base = { name: 'smart-self-test', kind: 'auto' as const, subject: drive.path };
  const done = (
    status: TestResult['status'],
    reasons: TestResult['reasons'],
    values: Record<string, unknown> = {},
  ): TestResult => ({
    ...base,
    status,
    reasons,
    values,
    durationMs: Math.round(performance.now() - started),
  });
  if (options.timeBoxMs <= 0) {
    return done('skipped', [
      reason(
        'self-test-too-short',
        'info',
        'Autotest court non lancé (mode rapide).',
        'Short self-test not run (quick mode).',
      ),
    ]);
  }
  const start = await probe.run('smartctl', ['-j', '-t', 'short', drive.path], {
    timeoutMs: 30_000,
    signal: options.signal,
  });
  if (!start || (start.exitCode ?? 255) & 0x07) {
    return done('skipped', [
      reason(
        'self-test-unsupported',
        'info',
        "Le disque n'a pas lancé d'autotest.",
        'The drive did not start a self-test.',
      ),
    ]);
  }
  const nvme = drive.transport === 'nvme';
  const deadline = performance.now() + options.timeBoxMs;
  while (performance.now() < deadline) {
    if (options.signal?.aborted)
      return done('skipped', [reason('aborted', 'info', 'Interrompu.', 'Interrupted.')]);
    await sleep(options.pollMs ?? 10_000, options.signal);
    const poll = await probe.run(
      'smartctl',
      ['-j', nvme ? '-l' : '-c', nvme ? 'selftest' : '', drive.path].filter((a) => a !== ''),
      {
        timeoutMs: 30_000,
      },
    );
    const state = selfTestState(poll?.stdout ?? '');
    options.onProgress?.({
      type: 'test-progress',
      name: base.name,
      fraction: Math.min(1, (performance.now() - started) / options.timeBoxMs),
    });
    if (state === 'passed') return done('pass', []);
    if (state === 'failed')
      return done('fail', [
        reason(
          'self-test-failed',
          'fail',
          "L'autotest court du disque a échoué.",
          "The drive's short self-test failed.",
        ),
      ]);
  }
  await probe.run('smartctl', ['-X', drive.path], { timeoutMs: 30_000 });
  return done('skipped', [
    reason(
      'self-test-too-short',
      'info',
      'Autotest arrêté par la limite de temps.',
      'Self-test stopped by its time box.',
    ),
  ]);
}

/**
 * ATA: ata_smart_data.self_test.status (value 0 = completed without error, 0xF_ = in progress, other = failed
 * or aborted; `passed` when smartctl says). NVMe: nvme_self_test_log (current operation 0 = none running; the
 * newest entry's result 0 = no error).
 */
export function selfTestState(json: string): 'running' | 'passed' | 'failed' | 'unknown' {
  const root = parseJsonRecord(json);
  const ataValue = int(root, 'ata_smart_data', 'self_test', 'status', 'value');
  if (ataValue !== null) {
    const nibble = ataValue >> 4;
    if (nibble === 0x0f) return 'running';
    // 1 aborted by host, 2 interrupted by reset: no verdict. 3–8 are failures (ATA ACS, SMART self-test log).
    if (nibble === 1 || nibble === 2) return 'unknown';
    const passed = bool(root, 'ata_smart_data', 'self_test', 'status', 'passed');
    if (passed !== null) return passed ? 'passed' : 'failed';
    return nibble === 0 ? 'passed' : 'failed';
  }
  const current = int(root, 'nvme_self_test_log', 'current_self_test_operation', 'value');
  if (current !== null && current !== 0) return 'running';
  const result = int(root, 'nvme_self_test_log', 'table', 0, 'self_test_result', 'value');
  if (current === 0 && result !== null) return result === 0 ? 'passed' : 'failed';
  return 'unknown';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
