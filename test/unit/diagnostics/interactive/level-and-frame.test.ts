import { describe, expect, it } from 'vitest';
import { parseV4l2Format } from '../../../../core/tools/v4l2-ctl/parse-v4l2-ctl.js';
import { measureLevel, measureWav } from '../../../../diagnostics/interactive/sound/level.js';
import { judgeFrame } from '../../../../diagnostics/interactive/webcam/judge-frame.js';
import { hardwareBytes, hardwareText } from '../../../helpers/hardware-fixtures.js';

describe('microphone level (arecord recordings captured in QEMU)', () => {
  it('speech recorded through the ALSA loopback is sound', () => {
    const level = measureWav(hardwareBytes('sound/arecord-loopback-speech.wav.gz'));
    expect(level.verdict).toBe('sound');
    expect(level.seconds).toBe(3);
    expect(level.loudestWindowDbfs).toBeGreaterThan(-30);
    expect(level.loudestWindowDbfs - level.quietestWindowDbfs).toBeGreaterThan(20);
  });

  it('the loopback with nothing playing is silent; a header with no samples is no data', () => {
    expect(measureWav(hardwareBytes('sound/arecord-loopback-silence.wav.gz'))).toMatchObject({
      verdict: 'silent',
      peakDbfs: -120,
    });
    expect(measureWav(hardwareBytes('sound/arecord-hda-no-input.wav')).verdict).toBe('no-data');
    expect(measureWav(new Uint8Array(0)).verdict).toBe('no-data');
  });

  it('a steady hum or a DC offset is not speech', () => {
    const rate = 48000;
    const hum = Int16Array.from({ length: rate * 3 }, (_, i) =>
      Math.round(3000 * Math.sin((2 * Math.PI * 50 * i) / rate)),
    );
    expect(measureLevel(hum, rate).verdict).toBe('silent');
    const offset = new Int16Array(rate * 3).fill(5000);
    expect(measureLevel(offset, rate)).toMatchObject({ verdict: 'silent', peakDbfs: -120 });
  });
});

describe('webcam frame judgement (vivid frames captured in QEMU, 640x480 YUYV)', () => {
  const format = parseV4l2Format(hardwareText('webcam/v4l2-get-fmt.out'));
  if (!format) throw new Error('format');

  it.each([
    ['colorbar', 'image'],
    ['noise', 'image'],
    ['black', 'black'],
    ['white', 'uniform'],
  ])('%s → %s', (pattern, verdict) => {
    const frame = hardwareBytes(`webcam/v4l2-frame-${pattern}.yuyv.gz`);
    expect(frame.length).toBe(614400);
    expect(judgeFrame(frame, format).verdict).toBe(verdict);
  });

  it('black is limited-range black (luma 16); a short or compressed frame is not judged', () => {
    expect(judgeFrame(hardwareBytes('webcam/v4l2-frame-black.yuyv.gz'), format)).toMatchObject({
      meanLuma: 16,
      stdDev: 0,
      darkShare: 1,
    });
    const frame = hardwareBytes('webcam/v4l2-frame-colorbar.yuyv.gz');
    expect(judgeFrame(frame.subarray(0, 1000), format).verdict).toBe('incomplete');
    expect(judgeFrame(frame, { ...format, pixelFormat: 'MJPG' }).verdict).toBe('unsupported');
  });
});
