import { describe, expect, it } from 'vitest';
import { parseSpeakerTest } from '../../../../../core/tools/speaker-test/parse-speaker-test.js';
import { hardwareText } from '../../../../helpers/hardware-fixtures.js';

describe('speaker-test 1.2.8 (QEMU HDA)', () => {
  it('-s 1 plays Front Left only, -s 2 Front Right only', () => {
    expect(parseSpeakerTest(hardwareText('sound/speaker-test-s1.out'))).toEqual({
      device: 'default',
      rate: 48000,
      channels: 2,
      played: ['Front Left'],
      error: null,
    });
    expect(parseSpeakerTest(hardwareText('sound/speaker-test-s2.out')).played).toEqual(['Front Right']);
  });

  it('an open error is reported', () => {
    const out = parseSpeakerTest(
      '\nspeaker-test 1.2.8\n\nPlayback device is default\nStream parameters are 48000Hz, S16_LE, 2 channels\nWAV file(s)\nPlayback open error: -22,Invalid argument\n',
    );
    expect(out.error).toBe('Playback open error: -22,Invalid argument');
    expect(out.played).toEqual([]);
  });
});
