import { describe, expect, it } from 'vitest';
import type { EraseResult } from '../../../core/events.js';
import { driveVerdict, RESULT_SEVERITY, stricterResult, worstResult } from '../../../core/verdict.js';

const base = { stopped: false, errorCount: 0, verificationPassed: true as boolean | null };

describe('driveVerdict: the one rule of every engine and of the record', () => {
  it('stopped beats everything: ABORTED (resumable), even with errors', () => {
    expect(driveVerdict({ ...base, stopped: true, errorCount: 3, verificationPassed: false })).toBe(
      'ABORTED',
    );
  });

  it('a failed read-back, a recorded error or a failed firmware command is FAILED', () => {
    expect(driveVerdict({ ...base, verificationPassed: false })).toBe('FAILED');
    expect(driveVerdict({ ...base, errorCount: 1 })).toBe('FAILED');
    expect(driveVerdict({ ...base, firmware: { succeeded: false } })).toBe('FAILED');
  });

  it('a purge the data did not confirm is FAILED; an overwrite without read-back is not', () => {
    expect(driveVerdict({ ...base, verificationPassed: null, firmware: { succeeded: true } })).toBe('FAILED');
    expect(driveVerdict({ ...base, verificationPassed: null })).toBe('ERASED');
    expect(driveVerdict({ ...base, firmware: { succeeded: true } })).toBe('ERASED');
  });

  it('what the erasure could not reach makes ERASED_WITH_EXCEPTIONS', () => {
    expect(driveVerdict({ ...base, hiddenAreaLeft: true })).toBe('ERASED_WITH_EXCEPTIONS');
    expect(driveVerdict({ ...base, unresumedInterruption: true })).toBe('ERASED_WITH_EXCEPTIONS');
    // An error still wins: exceptions never soften a failure.
    expect(driveVerdict({ ...base, hiddenAreaLeft: true, errorCount: 1 })).toBe('FAILED');
  });

  it('one severity order for the machine, the lot and "stricter of two"', () => {
    const all: EraseResult[] = ['ERASED', 'ERASED_WITH_EXCEPTIONS', 'ABORTED', 'FAILED'];
    expect([...all].sort((a, b) => RESULT_SEVERITY[a] - RESULT_SEVERITY[b])).toEqual(all);
    expect(worstResult(['ERASED', 'ABORTED', 'ERASED_WITH_EXCEPTIONS'])).toBe('ABORTED');
    expect(worstResult([])).toBe('ERASED');
    expect(stricterResult('ERASED', 'ERASED_WITH_EXCEPTIONS')).toBe('ERASED_WITH_EXCEPTIONS');
    expect(stricterResult('FAILED', 'ERASED')).toBe('FAILED');
  });
});
