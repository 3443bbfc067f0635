import { describe, expect, it } from 'vitest';
import { decodeSmartctlExit } from '../../../../../core/tools/smartctl/exit-status.js';

describe('decodeSmartctlExit', () => {
  it('0: a verdict, nothing flagged', () => {
    const s = decodeSmartctlExit(0);
    expect(s.noVerdict).toBe(false);
    expect(Object.entries(s).filter(([, v]) => v === true)).toEqual([]);
  });

  it.each([
    [1, 'commandLineError'],
    [2, 'deviceOpenFailed'],
    [4, 'commandFailed'],
    [8, 'diskFailing'],
    [16, 'prefailBelowThreshold'],
    [32, 'attributeBelowThresholdInPast'],
    [64, 'errorLogHasEntries'],
    [128, 'selfTestLogHasErrors'],
  ] as const)('%i sets only %s', (code, flag) => {
    const s = decodeSmartctlExit(code);
    const set = Object.entries(s)
      .filter(([k, v]) => v === true && k !== 'noVerdict')
      .map(([k]) => k);
    expect(set).toEqual([flag]);
    expect(s.noVerdict).toBe(code <= 4);
  });

  it('216 (USB JMicron failing disk) = failing + prefail now + error log + self-test errors', () => {
    expect(decodeSmartctlExit(216)).toEqual({
      code: 216,
      commandLineError: false,
      deviceOpenFailed: false,
      commandFailed: false,
      diskFailing: true,
      prefailBelowThreshold: true,
      attributeBelowThresholdInPast: false,
      errorLogHasEntries: true,
      selfTestLogHasErrors: true,
      noVerdict: false,
    });
  });

  it.each([-1, 256, 1.5, Number.NaN])('%s is not a smartctl status: no verdict, no disk flag', (code) => {
    const s = decodeSmartctlExit(code);
    expect(s.noVerdict).toBe(true);
    expect(s.diskFailing || s.errorLogHasEntries || s.deviceOpenFailed || s.selfTestLogHasErrors).toBe(false);
  });
});
