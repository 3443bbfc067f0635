/**
 * The sound tests' I/O, all through the runner: a voice on the left then the right speaker (speaker-test), a
 * 3-second microphone recording (arecord, streamed as bytes) played back (aplay from stdin). The mixer is set
 * first (amixer): a muted Master or Capture would otherwise pass for a dead speaker or microphone.
 */
import { ToolMissingError } from '../../../core/errors.js';
import type { System } from '../../../core/run/system.js';
import {
  parseSpeakerTest,
  type SpeakerTestOutput,
} from '../../../core/tools/speaker-test/parse-speaker-test.js';
import { type MicLevel, measureWav } from './level.js';

export const RECORD_SECONDS = 3;

export function speakerTestArgs(channel: 1 | 2): string[] {
  return ['-c', '2', '-t', 'wav', '-l', '1', '-s', String(channel)];
}

export function arecordArgs(seconds = RECORD_SECONDS): string[] {
  return ['-q', '-d', String(seconds), '-f', 'S16_LE', '-r', '48000', '-c', '1', '-t', 'wav'];
}

/** Unmutes and sets a listening level; a control the card lacks is not an error (exit 1: "Unable to find"). */
export async function prepareMixer(system: System, control: 'Master' | 'Capture'): Promise<void> {
  const args =
    control === 'Master'
      ? ['-q', 'sset', 'Master', '80%', 'unmute']
      : ['-q', 'sset', 'Capture', '80%', 'cap'];
  await system.runner.run('amixer', args, { timeoutMs: 5_000 });
}

export interface SpeakerRun {
  channel: 1 | 2;
  exitCode: number | null;
  output: SpeakerTestOutput;
  stderr: string;
}

/** Plays "Front Left" (channel 1) or "Front Right" (channel 2) once. */
export async function playChannel(system: System, channel: 1 | 2): Promise<SpeakerRun> {
  const result = await system.runner.run('speaker-test', speakerTestArgs(channel), { timeoutMs: 20_000 });
  return {
    channel,
    exitCode: result.exitCode,
    output: parseSpeakerTest(result.stdout),
    stderr: result.stderr,
  };
}

/** Whether a run actually played its channel: exit 0 and the channel named in the output. */
export function speakerPlayed(run: SpeakerRun): boolean {
  const expected = run.channel === 1 ? 'Front Left' : 'Front Right';
  return run.exitCode === 0 && run.output.error === null && run.output.played.includes(expected);
}

export interface Recording {
  bytes: Uint8Array;
  exitCode: number | null;
  stderr: string;
  level: MicLevel;
}

/** Records `seconds` from the default capture device; a device that gives nothing is stopped by the time-out. */
export async function recordMicrophone(system: System, seconds = RECORD_SECONDS): Promise<Recording> {
  const streams = system.streams;
  if (!streams) throw new ToolMissingError('arecord', 'alsa-utils');
  const stream = await streams.open('arecord', arecordArgs(seconds), { timeoutMs: (seconds + 5) * 1000 });
  const parts: Uint8Array[] = [];
  for await (const chunk of stream.chunks) parts.push(chunk.data);
  const end = await stream.done;
  const bytes = new Uint8Array(Buffer.concat(parts));
  return { bytes, exitCode: end.exitCode, stderr: end.stderr, level: measureWav(bytes) };
}

/** Plays a recording back so the trainee hears what the microphone heard. */
export async function playBack(system: System, recording: Uint8Array): Promise<boolean> {
  const result = await system.runner.run('aplay', ['-q', '-'], { input: recording, timeoutMs: 15_000 });
  return result.exitCode === 0;
}
