import { describe, expect, it } from 'vitest';
import { parseWav, pcm16Channel } from '../../../../../core/tools/wav/parse-wav.js';
import { hardwareBytes } from '../../../../helpers/hardware-fixtures.js';

describe('WAV from arecord -t wav on stdout (captured in the QEMU guest)', () => {
  it('reads the header and 3 s of 48 kHz mono S16_LE', () => {
    const bytes = hardwareBytes('sound/arecord-loopback-speech.wav.gz');
    const wav = parseWav(bytes);
    expect(wav).toEqual({
      format: 1,
      channels: 1,
      sampleRate: 48000,
      bitsPerSample: 16,
      dataOffset: 44,
      dataBytes: 288000,
      declaredDataBytes: 288000,
    });
    if (!wav) throw new Error('wav');
    const samples = pcm16Channel(bytes, wav);
    expect(samples.length).toBe(144000);
    expect(samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0)).toBeGreaterThan(1000);
  });

  it('a recording that got no sound data has a header only', () => {
    const wav = parseWav(hardwareBytes('sound/arecord-hda-no-input.wav'));
    expect(wav?.dataBytes).toBe(0);
    expect(wav?.declaredDataBytes).toBe(288000);
  });

  it('cut short: samples are what arrived', () => {
    const bytes = hardwareBytes('sound/arecord-loopback-speech.wav.gz').subarray(0, 44 + 1001);
    const wav = parseWav(bytes);
    expect(wav?.dataBytes).toBe(1001);
    if (!wav) throw new Error('wav');
    expect(pcm16Channel(bytes, wav).length).toBe(500);
  });

  it('not a WAV: null', () => {
    expect(parseWav(new Uint8Array([1, 2, 3]))).toBeNull();
    expect(parseWav(new TextEncoder().encode('RIFF....WAVEjunk'))).toBeNull();
  });
});
