/**
 * One webcam frame through v4l2-ctl (the runner boundary): pick the node that captures video (a webcam also
 * exposes a metadata node), ask for 640x480 YUYV (uncompressed, which nearly every UVC webcam offers), read
 * back what the driver chose, then stream one frame to stdout after 10 skipped ones (auto-exposure settles).
 */
import { ToolMissingError } from '../../../core/errors.js';
import type { System } from '../../../core/run/system.js';
import {
  parseV4l2Format,
  parseV4l2Info,
  type V4l2Format,
} from '../../../core/tools/v4l2-ctl/parse-v4l2-ctl.js';
import { type FrameJudgement, judgeFrame } from './judge-frame.js';

export const SKIP_FRAMES = 10;

export function frameArgs(device: string): string[] {
  return ['-d', device, '--stream-mmap', `--stream-skip=${SKIP_FRAMES}`, '--stream-count=1', '--stream-to=-'];
}

/** The first node of the list that can capture video, or null. */
export async function captureNode(system: System, devices: string[]): Promise<string | null> {
  for (const device of devices) {
    const info = await system.runner.run('v4l2-ctl', ['-d', device, '--info'], { timeoutMs: 10_000 });
    if (info.exitCode === 0 && parseV4l2Info(info.stdout).deviceCaps.includes('Video Capture')) return device;
  }
  return null;
}

export interface FrameCapture {
  device: string;
  format: V4l2Format | null;
  bytes: number;
  exitCode: number | null;
  stderr: string;
  judgement: FrameJudgement;
}

export async function captureFrame(system: System, device: string): Promise<FrameCapture> {
  const streams = system.streams;
  if (!streams) throw new ToolMissingError('v4l2-ctl', 'v4l-utils');
  await system.runner.run(
    'v4l2-ctl',
    ['-d', device, '--set-fmt-video=width=640,height=480,pixelformat=YUYV'],
    {
      timeoutMs: 10_000,
    },
  );
  const fmt = await system.runner.run('v4l2-ctl', ['-d', device, '--get-fmt-video'], { timeoutMs: 10_000 });
  const format = fmt.exitCode === 0 ? parseV4l2Format(fmt.stdout) : null;
  const stream = await streams.open('v4l2-ctl', frameArgs(device), { timeoutMs: 20_000 });
  const parts: Uint8Array[] = [];
  for await (const chunk of stream.chunks) parts.push(chunk.data);
  const end = await stream.done;
  const bytes = new Uint8Array(Buffer.concat(parts));
  const judgement: FrameJudgement = format
    ? judgeFrame(bytes, format)
    : { verdict: 'incomplete', meanLuma: null, stdDev: null, darkShare: null };
  return { device, format, bytes: bytes.length, exitCode: end.exitCode, stderr: end.stderr, judgement };
}
