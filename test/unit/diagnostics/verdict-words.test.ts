import { describe, expect, it } from 'vitest';
import { type GradeInput, grade } from '../../../diagnostics/grading/grade.js';
import {
  categoryWords,
  cosmeticWords,
  functionalHeadline,
  testName,
  testVerdict,
  VERDICT_WORDS,
  verdictLine,
} from '../../../diagnostics/grading/verdict-words.js';
import { reason, type TestResult } from '../../../diagnostics/types.js';

const result = (name: string, over: Partial<TestResult> = {}): TestResult => ({
  name,
  kind: 'auto',
  status: 'pass',
  reasons: [],
  values: {},
  durationMs: 0,
  ...over,
});
const input = (tests: TestResult[]): GradeInput => ({
  tests,
  formFactor: 'laptop',
  ramBytes: 8 * 1024 ** 3,
  cpuScore: 1000,
  drives: [{ kind: 'ssd', sizeBytes: 256e9 }],
  publicDonor: false,
});

describe('verdict words', () => {
  it('a test too short to count is "non testé", never "OK", as in the grade', () => {
    const quick = result('cpu', { reasons: [reason('cpu-too-short', 'info', 'court', 'short')] });
    expect(VERDICT_WORDS[testVerdict(quick)].fr).toBe('non testé');
    expect(VERDICT_WORDS[testVerdict(result('ram', { status: 'skipped' }))].en).toBe('not tested');
    expect(testVerdict(result('smart'))).toBe('pass');
    expect(testVerdict(result('webcam', { status: 'not-present' }))).toBe('not-present');
    const g = grade(input([quick, result('smart')]));
    expect(functionalHeadline(g.functional).fr).toBe('INCOMPLET : 1 fonction non testée');
    expect(functionalHeadline(g.functional, { list: true }).en).toBe(
      'INCOMPLETE: 1 function not tested: processor',
    );
  });

  it('names tests in words, with the device when there is one', () => {
    expect(testName('smart:/dev/sda').fr).toBe('santé du disque (SMART) /dev/sda');
    expect(testName('locks').en).toBe('passwords (firmware, drives)');
    expect(testName('something-new').fr).toBe('something-new');
  });

  it('every letter comes with what it means', () => {
    expect(cosmeticWords('B').fr).toBe('aspect B : usure visible, micro-rayures');
    expect(categoryWords('D').en).toContain('performance D (the slowest');
    expect(cosmeticWords(null).fr).toBe('aspect : non noté');
    const fail = grade(
      input([result('battery', { status: 'fail', reasons: [reason('x', 'repair', 'a', 'b')] })]),
    );
    expect(functionalHeadline(fail.functional).fr).toBe('ÉCHEC : à réparer');
    expect(verdictLine(grade(input([result('smart')]))).fr).toMatch(
      /^BON ; aspect : non noté ; performance [A-D] \(/,
    );
  });
});
