import { describe, expect, it } from 'vitest';
import { parseV4l2Format, parseV4l2Info } from '../../../../../core/tools/v4l2-ctl/parse-v4l2-ctl.js';
import { hardwareText } from '../../../../helpers/hardware-fixtures.js';

describe('v4l2-ctl 1.22 (vivid in the QEMU guest)', () => {
  it('--info: the node capabilities tell a capture node from an output node', () => {
    const capture = parseV4l2Info(hardwareText('webcam/v4l2-info-video0.out'));
    expect(capture).toMatchObject({ driver: 'vivid', card: 'vivid', busInfo: 'platform:vivid-000' });
    expect(capture.deviceCaps).toEqual([
      'Video Capture',
      'Video Overlay',
      'Tuner',
      'Audio',
      'Read/Write',
      'Streaming',
      'Extended Pix Format',
    ]);
    expect(parseV4l2Info(hardwareText('webcam/v4l2-info-video1.out')).deviceCaps).not.toContain(
      'Video Capture',
    );
  });

  it('--get-fmt-video', () => {
    expect(parseV4l2Format(hardwareText('webcam/v4l2-get-fmt.out'))).toEqual({
      width: 640,
      height: 480,
      pixelFormat: 'YUYV',
      bytesPerLine: 1280,
      sizeImage: 614400,
    });
    expect(parseV4l2Format('Failed to open /dev/video9')).toBeNull();
  });
});
