/**
 * The diagnostics data model shared by checks, guided questions, grading and the JSON contract
 * (diagnostics/README.md). Field names are part of the script contract: only add, never rename.
 */
import type { Text } from '../core/i18n.js';

/** `not-present`: this machine lacks the part (no battery, no webcam): never a pass and never a fail. */
export type TestStatus = 'pass' | 'warn' | 'fail' | 'not-present' | 'skipped';

/**
 * What a finding means for the device's destination (diagnostics.md §3):
 * fail — must not be sold as is; repair — a part swap or cleaning fixes it ("À réparer");
 * reserve — sellable if disclosed ("OK avec réserves"); blocking — a password/lock to clear before anything.
 */
export type Severity = 'fail' | 'repair' | 'reserve' | 'blocking' | 'info';

export interface Reason extends Text {
  /** Stable machine code, e.g. "ata-pending-sectors", "battery-health-low". */
  code: string;
  severity: Severity;
}

export function reason(code: string, severity: Severity, fr: string, en: string): Reason {
  return { code, severity, fr, en };
}

export interface TestResult {
  /** Stable test name: "smart", "smart-self-test", "ram", "cpu", "battery", "charger", "network", "wifi",
   * "webcam", "audio", "locks", or a guided question id ("keyboard", "screen-colours"…). */
  name: string;
  kind: 'auto' | 'guided';
  status: TestStatus;
  reasons: Reason[];
  /** The device this result is about, when several exist (a drive path, a battery name). */
  subject?: string;
  /** Measured values (temperatures, health %, bogo-ops/s…): free-form, for the report. */
  values: Record<string, unknown>;
  durationMs: number;
}

export type ProgressEvent =
  | { type: 'test-start'; name: string; timeBoxMs: number }
  | { type: 'test-progress'; name: string; fraction: number; detail?: string }
  /** `untested`: the test ended without testing its function (skipped, or too short to count). */
  | { type: 'test-end'; name: string; status: TestStatus; untested?: boolean };

/** Time boxes for the automatic tests; `--quick` sets them small. */
export interface TimeBoxes {
  smartSelfTestMs: number;
  memtesterMs: number;
  memtesterMegabytes: number;
  stressMs: number;
}

export const FULL_TIME_BOXES: TimeBoxes = {
  // "short" self-tests take 1–2 min, usually under ten minutes (smartctl.8).
  smartSelfTestMs: 10 * 60_000,
  memtesterMs: 15 * 60_000,
  memtesterMegabytes: 1024,
  // DeviceHub warns below 5 minutes of stress; a shorter run is flagged invalid (diagnostics.md §3).
  stressMs: 5 * 60_000,
};

export const QUICK_TIME_BOXES: TimeBoxes = {
  smartSelfTestMs: 0,
  memtesterMs: 30_000,
  memtesterMegabytes: 16,
  stressMs: 5_000,
};
