/**
 * Runs the diagnostics: inventory, automatic checks (each time-boxed, cancellable, reporting progress),
 * guided answers, then grading. The result is the `gomme diag --json` object (diagnostics/README.md).
 */
import type { Drive } from '../core/drive.js';
import type { System } from '../core/run/system.js';
import { presenceChecks } from './checks/presence-checks.js';
import { selfTest, smartChecks } from './checks/smart-checks.js';
import { cpuCheck, ramCheck } from './checks/stress-checks.js';
import { type Grade, grade, isUntested } from './grading/grade.js';
import type { Group } from './groups.js';
import type { Answers } from './guided/answers.js';
import { type AbsentParts, readAbsentParts } from './guided/ask-context.js';
import { guidedResults } from './guided/guided-results.js';
import { collectInventory } from './inventory/collect.js';
import type { Inventory } from './inventory/types.js';
import { Probe } from './probe.js';
import { type ProgressEvent, reason, type TestResult, type TimeBoxes } from './types.js';

export { GROUPS, type Group } from './groups.js';

const GROUP_OF: Record<string, Group> = {
  battery: 'power',
  charger: 'power',
  ethernet: 'network',
  wifi: 'network',
  bluetooth: 'network',
  webcam: 'webcam',
  audio: 'audio',
  panel: 'panel',
  locks: 'locks',
};

export interface DiagOptions {
  timeBoxes: TimeBoxes;
  only?: readonly Group[];
  answers?: Answers;
  /** The parts this machine lacks (read here when not given): their questions are not-present, never asked. */
  absentParts?: AbsentParts;
  publicDonor?: boolean;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

export interface DiagReport {
  format: 'gomme-diag';
  version: 1;
  startedAt: string;
  durationMs: number;
  replayed: boolean;
  inventory: Inventory;
  tests: TestResult[];
  grade: Grade;
}

export async function runDiagnostics(system: System, options: DiagOptions): Promise<DiagReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const wants = (g: Group) => !options.only || options.only.length === 0 || options.only.includes(g);
  const emit = options.onProgress ?? (() => {});
  const { inventory, drives } = await collectInventory(system);
  const probe = new Probe(system);
  const tests: TestResult[] = [];
  const notRun = (name: string, code: string, fr: string, en: string): TestResult => ({
    name,
    kind: 'auto',
    status: 'skipped',
    reasons: [reason(code, 'info', fr, en)],
    values: {},
    durationMs: 0,
  });
  /** Runs one test unless cancelled; announces start and end. */
  const step = async (name: string, timeBoxMs: number, run: () => Promise<TestResult[]>) => {
    if (options.signal?.aborted) {
      tests.push(notRun(name, 'aborted', 'Interrompu avant de commencer.', 'Interrupted before it started.'));
      return;
    }
    emit({ type: 'test-start', name, timeBoxMs });
    const results = await run();
    tests.push(...results);
    for (const r of results)
      emit({
        type: 'test-end',
        name: r.subject ? `${r.name}:${r.subject}` : r.name,
        status: r.status,
        untested: isUntested(r),
      });
  };
  const replayedSkip = (name: string) =>
    notRun(
      name,
      'replayed',
      'Paquet rejoué : ce test ne tourne que sur la machine.',
      'Replayed bundle: this test only runs on the machine.',
    );

  if (wants('smart')) {
    await step('smart', 30_000, () => smartChecks(probe, drives));
    const smartTargets = drives.filter(
      (d) => ['sata', 'ata', 'nvme', 'sas', 'scsi'].includes(d.transport) && !isBootMedium(d),
    );
    for (const drive of smartTargets) {
      await step('smart-self-test', options.timeBoxes.smartSelfTestMs, async () => [
        system.replayed
          ? { ...replayedSkip('smart-self-test'), subject: drive.path }
          : await selfTest(probe, drive, {
              timeBoxMs: options.timeBoxes.smartSelfTestMs,
              signal: options.signal,
              onProgress: emit,
            }),
      ]);
    }
  }
  if (wants('ram')) {
    await step('ram', options.timeBoxes.memtesterMs, async () => [
      system.replayed
        ? replayedSkip('ram')
        : await ramCheck(probe, options.timeBoxes.memtesterMegabytes, options.timeBoxes.memtesterMs, options),
    ]);
  }
  if (wants('cpu')) {
    await step('cpu', options.timeBoxes.stressMs, async () => {
      if (system.replayed) return [replayedSkip('cpu')];
      const { result, score } = await cpuCheck(probe, options.timeBoxes.stressMs, options);
      inventory.cpu.score = score;
      return [result];
    });
  }
  const presence = presenceChecks(inventory).filter((t) => wants(GROUP_OF[t.name] ?? 'locks'));
  tests.push(...presence);
  if (wants('guided')) {
    const parts = options.absentParts ?? (await readAbsentParts(system));
    tests.push(
      ...guidedResults(options.answers ?? {}, {
        absent: parts.absent,
        ranTests: [],
        hardware: parts.absentResults,
      }),
    );
  }
  inventory.warnings.push(...probe.warnings.filter((w) => !inventory.warnings.includes(w)));

  const gradeResult = grade({
    tests,
    formFactor: inventory.system.formFactor,
    ramBytes: inventory.memory.totalBytes,
    cpuScore: inventory.cpu.score,
    drives: inventory.drives.filter((d) => !d.bootMedium),
    publicDonor: options.publicDonor ?? false,
  });
  return {
    format: 'gomme-diag',
    version: 1,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    replayed: system.replayed,
    inventory,
    tests,
    grade: gradeResult,
  };
}

function isBootMedium(drive: Drive): boolean {
  return drive.protections.some((p) => p.reason === 'boot-medium');
}
