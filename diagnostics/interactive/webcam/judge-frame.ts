/**
 * Did the webcam see something? A pure judgement over one raw frame's luma: "black" when nearly every pixel is
 * dark (covered lens, dead sensor), "uniform" when the picture is flat (a white or grey field, a stuck sensor),
 * else "image". YUYV/UYVY (4:2:2) and GREY carry luma directly; other formats (MJPG) are not judged.
 * Thresholds are design values on 8-bit luma (limited range: black is 16).
 */
import type { V4l2Format } from '../../../core/tools/v4l2-ctl/parse-v4l2-ctl.js';

export const DARK_LUMA = 40;
export const DARK_SHARE = 0.98;
export const FLAT_STDDEV = 4;

export type FrameVerdict = 'image' | 'black' | 'uniform' | 'unsupported' | 'incomplete';

export interface FrameJudgement {
  verdict: FrameVerdict;
  meanLuma: number | null;
  stdDev: number | null;
  darkShare: number | null;
}

export function judgeFrame(bytes: Uint8Array, format: V4l2Format): FrameJudgement {
  const none = (verdict: FrameVerdict): FrameJudgement => ({
    verdict,
    meanLuma: null,
    stdDev: null,
    darkShare: null,
  });
  const layout = lumaLayout(format.pixelFormat);
  if (!layout) return none('unsupported');
  const stride = format.bytesPerLine || format.width * layout.bytesPerPixel;
  if (format.width === 0 || format.height === 0 || bytes.length < stride * format.height)
    return none('incomplete');
  let sum = 0;
  let squares = 0;
  let dark = 0;
  let count = 0;
  for (let row = 0; row < format.height; row++) {
    const base = row * stride + layout.offset;
    for (let col = 0; col < format.width; col++) {
      const y = bytes[base + col * layout.bytesPerPixel] ?? 0;
      sum += y;
      squares += y * y;
      if (y < DARK_LUMA) dark++;
      count++;
    }
  }
  const mean = sum / count;
  const stdDev = Math.sqrt(Math.max(0, squares / count - mean * mean));
  const darkShare = dark / count;
  const verdict: FrameVerdict =
    darkShare >= DARK_SHARE ? 'black' : stdDev < FLAT_STDDEV ? 'uniform' : 'image';
  return { verdict, meanLuma: round(mean), stdDev: round(stdDev), darkShare: round(darkShare) };
}

/** Where luma sits in each pixel's bytes. */
function lumaLayout(fourcc: string): { bytesPerPixel: number; offset: number } | null {
  if (fourcc === 'YUYV' || fourcc === 'YVYU') return { bytesPerPixel: 2, offset: 0 };
  if (fourcc === 'UYVY' || fourcc === 'VYUY') return { bytesPerPixel: 2, offset: 1 };
  if (fourcc === 'GREY') return { bytesPerPixel: 1, offset: 0 };
  return null;
}

const round = (v: number) => Math.round(v * 100) / 100;
