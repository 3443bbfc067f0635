import { describe, expect, it } from 'vitest';
import { parseInputDevices } from '../../../../core/tools/procfs/parse-input-devices.js';
import { evaluateAnswers } from '../../../../diagnostics/guided/answers.js';
import { planInputTests } from '../../../../diagnostics/interactive/input/input-devices.js';
import { planHardwareTests } from '../../../../diagnostics/interactive/plan.js';
import {
  answered,
  microphoneResult,
  webcamResult,
  withHardwareResults,
} from '../../../../diagnostics/interactive/results.js';
import { measureWav } from '../../../../diagnostics/interactive/sound/level.js';
import { hardwareBytes, hardwareText } from '../../../helpers/hardware-fixtures.js';

describe('hardware results', () => {
  it('a machine without sound card or webcam gets not-present results and those questions are dropped', () => {
    const plan = planHardwareTests(
      planInputTests(parseInputDevices(hardwareText('input/proc-bus-input-devices.txt'))),
      {
        audio: [],
        webcams: [],
        system: { formFactor: 'desktop' },
      },
    );
    expect(plan.absent).toEqual(['sound', 'webcam', 'hinge']);
    expect(plan.absentResults.map((r) => [r.name, r.status])).toEqual([
      ['speakers', 'not-present'],
      ['microphone', 'not-present'],
      ['webcam-image', 'not-present'],
    ]);
    expect(plan.keyboards).toHaveLength(1);
  });

  it('microphone: decided by the level of the recording', () => {
    const sound = microphoneResult(measureWav(hardwareBytes('sound/arecord-loopback-speech.wav.gz')), 0, '');
    expect(sound).toMatchObject({ name: 'microphone', kind: 'auto', status: 'pass' });
    const silent = microphoneResult(
      measureWav(hardwareBytes('sound/arecord-loopback-silence.wav.gz')),
      0,
      '',
    );
    expect(silent).toMatchObject({
      status: 'fail',
      reasons: [{ code: 'microphone-silent', severity: 'repair' }],
    });
    const none = microphoneResult(
      measureWav(hardwareBytes('sound/arecord-hda-no-input.wav')),
      1,
      'read error',
    );
    expect(none.reasons[0]?.code).toBe('microphone-no-data');
  });

  it('webcam: a black frame is a dead webcam (reservation), not a pass; presence alone is nothing', () => {
    const format = { width: 640, height: 480, pixelFormat: 'YUYV', bytesPerLine: 1280, sizeImage: 614400 };
    const black = webcamResult({
      device: '/dev/video0',
      format,
      bytes: 614400,
      exitCode: 0,
      stderr: '',
      judgement: { verdict: 'black', meanLuma: 16, stdDev: 0, darkShare: 1 },
    });
    expect(black).toMatchObject({
      name: 'webcam-image',
      status: 'warn',
      reasons: [{ code: 'webcam-dead', severity: 'reserve' }],
    });
  });

  it('a hardware result replaces the unanswered question; answers keep the test values', () => {
    const merged = withHardwareResults(evaluateAnswers({ cosmetic: 'B' }), [
      answered('keyboard', 'dead-key', { missing: ['F5'] }),
    ]);
    expect(merged.filter((r) => r.name === 'keyboard')).toEqual([
      expect.objectContaining({
        status: 'fail',
        kind: 'guided',
        values: { missing: ['F5'], choice: 'dead-key' },
      }),
    ]);
    expect(merged.find((r) => r.name === 'cosmetic')?.status).toBe('pass');
    expect(merged.find((r) => r.name === 'hinge')?.reasons[0]?.code).toBe('not-answered');
  });
});
