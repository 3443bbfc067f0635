import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { grade } from '../../../diagnostics/grading/grade.js';
import { guidedResults } from '../../../diagnostics/guided/guided-results.js';
import { promptAnswers } from '../../../diagnostics/guided/prompt.js';
import { questionsToAsk } from '../../../diagnostics/guided/questions.js';
import { notPresent } from '../../../diagnostics/interactive/results.js';
import type { TestResult } from '../../../diagnostics/types.js';

const byName = (results: TestResult[]) => Object.fromEntries(results.map((r) => [r.name, r.status]));

describe('guided results', () => {
  it('an absent part is not-present, never "not answered" (so never an untested function)', () => {
    const results = guidedResults(
      {
        keyboard: 'ok',
        touchpad: 'ok',
        screen: 'ok',
        'dead-pixels': 'A',
        backlight: 'ok',
        'usb-ports': 'ok',
        cosmetic: 'A',
      },
      {
        absent: ['sound', 'webcam', 'hinge'],
        ranTests: [],
        hardware: [notPresent('webcam-image', 'Pas de webcam.', 'No webcam.')],
      },
    );
    expect(byName(results)).toMatchObject({
      speakers: 'not-present',
      microphone: 'not-present',
      hinge: 'not-present',
      'webcam-image': 'not-present',
      keyboard: 'pass',
    });
    expect(results.filter((r) => r.name === 'webcam-image')).toHaveLength(1);
    const g = grade({
      tests: results,
      formFactor: 'desktop',
      ramBytes: null,
      cpuScore: null,
      drives: [],
      publicDonor: false,
    });
    expect(g.functional.untested).toEqual([]);
    expect(g.functional.status).toBe('pass');
  });

  it('a question a hardware test decided is taken from the test; an unanswered one is untested', () => {
    const keyboard: TestResult = {
      name: 'keyboard',
      kind: 'auto',
      status: 'pass',
      reasons: [],
      values: {},
      durationMs: 0,
    };
    const results = guidedResults({}, { absent: [], ranTests: ['keyboard'], hardware: [keyboard] });
    expect(results.filter((r) => r.name === 'keyboard')).toEqual([keyboard]);
    expect(byName(results).cosmetic).toBe('skipped');
  });
});

describe('gomme diag prompt', () => {
  it('asks only the questions it is given', async () => {
    const input = new PassThrough();
    let shown = '';
    const output = new Writable({
      write(chunk, _e, done) {
        shown += String(chunk);
        done();
      },
    });
    const questions = questionsToAsk({
      absent: ['keyboard', 'pointer', 'sound', 'webcam', 'usb', 'display'],
      ranTests: [],
    });
    expect(questions.map((q) => q.id)).toEqual(['hinge', 'cosmetic']);
    const answered = promptAnswers(input, output, 'fr', questions);
    input.write('1\n');
    await new Promise((r) => setTimeout(r, 20));
    input.write('2\n');
    expect(await answered).toEqual({ hinge: 'ok', cosmetic: 'B' });
    expect(shown).toContain('charnières');
    expect(shown).not.toContain('webcam');
  });
});

describe('an answer given for a part not seen', () => {
  it('stands: the person saw it, the detection may have missed it', () => {
    const results = guidedResults(
      { speakers: 'ok' },
      {
        absent: ['sound'],
        ranTests: [],
        hardware: [notPresent('speakers', 'Pas de carte son.', 'No sound card.')],
      },
    );
    expect(results.filter((r) => r.name === 'speakers').map((r) => r.status)).toEqual(['pass']);
    expect(results.find((r) => r.name === 'microphone')?.status).toBe('not-present');
  });
});
