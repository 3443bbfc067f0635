import { describe, expect, it } from 'vitest';
import { evaluateAnswers, parseAnswers } from '../../../diagnostics/guided/answers.js';
import { QUESTIONS, questionsToAsk, UNSURE } from '../../../diagnostics/guided/questions.js';

describe('guided question model', () => {
  it('every question has bilingual text, unique choice ids and the "call the supervisor" choice', () => {
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) {
      expect(q.prompt.fr && q.prompt.en && q.instructions.fr && q.instructions.en).toBeTruthy();
      expect(q.choices).toContain(UNSURE);
      expect(new Set(q.choices.map((c) => c.id)).size).toBe(q.choices.length);
      for (const c of q.choices) expect(c.label.fr && c.label.en).toBeTruthy();
    }
    expect(UNSURE.label.fr).toBe("Je ne sais pas / appeler l'encadrant");
  });

  it('covers keyboard, touchpad, screen, speakers, microphone, webcam, USB ports, hinge and cosmetic grade', () => {
    expect(QUESTIONS.map((q) => q.id)).toEqual(
      expect.arrayContaining([
        'keyboard',
        'touchpad',
        'screen',
        'dead-pixels',
        'backlight',
        'speakers',
        'microphone',
        'webcam-image',
        'usb-ports',
        'hinge',
        'cosmetic',
      ]),
    );
  });
});

describe('answers', () => {
  it('JSON form and id=choice lines give the same answers', () => {
    const json = parseAnswers('{"answers":{"keyboard":"ok","cosmetic":"B"}}');
    const lines = parseAnswers('# comment\nkeyboard = ok\n\ncosmetic=B\n');
    expect(json).toEqual({ keyboard: 'ok', cosmetic: 'B' });
    expect(lines).toEqual(json);
    expect(parseAnswers('  \n')).toEqual({});
  });

  it.each([
    ['{"answers":', /not valid JSON/],
    ['{"answers":[1]}', /expected/],
    ['{"answers":{"keyboard":1}}', /not a string/],
    ['keyboard', /not "question=choice"/],
    ['trackball=ok', /unknown question/],
    ['keyboard=maybe', /not a choice/],
  ])('%j is refused with a readable error', (input, message) => {
    expect(() => parseAnswers(input)).toThrow(message);
  });

  it('evaluation: outcome → status, severity and cosmetic grade; unanswered → skipped', () => {
    const results = evaluateAnswers({
      keyboard: 'dead-key',
      speakers: 'unsure',
      'usb-ports': 'one-dead',
      cosmetic: 'A',
      touchpad: 'absent',
    });
    const by = (id: string) => results.find((r) => r.name === id);
    expect(by('keyboard')).toMatchObject({
      kind: 'guided',
      status: 'fail',
      reasons: [{ code: 'keyboard-dead-key', severity: 'fail' }],
    });
    expect(by('speakers')).toMatchObject({
      status: 'skipped',
      reasons: [{ code: 'ask-supervisor', severity: 'info' }],
    });
    expect(by('usb-ports')).toMatchObject({ status: 'warn', reasons: [{ severity: 'reserve' }] });
    expect(by('cosmetic')).toMatchObject({ status: 'pass', values: { cosmeticGrade: 'A' } });
    expect(by('touchpad')?.status).toBe('not-present');
    expect(by('hinge')).toMatchObject({ status: 'skipped', reasons: [{ code: 'not-answered' }] });
    expect(results).toHaveLength(QUESTIONS.length);
  });
});

describe('which questions are asked', () => {
  it('a person judges colours, sound heard, USB ports, hinge and wear; keys, pointer, microphone and webcam are automatic', () => {
    const judge = Object.fromEntries(QUESTIONS.map((q) => [q.id, q.judge]));
    expect(judge).toEqual({
      keyboard: 'automatic',
      touchpad: 'automatic',
      screen: 'person',
      'dead-pixels': 'person',
      backlight: 'person',
      speakers: 'person',
      microphone: 'automatic',
      'webcam-image': 'automatic',
      'usb-ports': 'person',
      hinge: 'person',
      cosmetic: 'person',
    });
  });

  it('never about a part the machine lacks, never one a hardware test asked or decided', () => {
    const ids = (context: Parameters<typeof questionsToAsk>[0]) => questionsToAsk(context).map((q) => q.id);
    expect(ids({ absent: [], ranTests: [] })).toHaveLength(QUESTIONS.length);
    expect(ids({ absent: ['sound', 'webcam', 'hinge'], ranTests: [] })).toEqual([
      'keyboard',
      'touchpad',
      'screen',
      'dead-pixels',
      'backlight',
      'usb-ports',
      'cosmetic',
    ]);
    expect(
      ids({
        absent: ['webcam'],
        ranTests: ['keyboard', 'pointer', 'screen', 'speakers', 'microphone', 'usb'],
      }),
    ).toEqual(['hinge', 'cosmetic']);
  });

  it('"these keys are not on this keyboard" is a pass', () => {
    expect(evaluateAnswers({ keyboard: 'not-on-keyboard' }).find((r) => r.name === 'keyboard')?.status).toBe(
      'pass',
    );
  });
});
