/**
 * Pure parser for `speaker-test` 1.2.8 stdout: the device and stream it opened, the channels it played
 * ("  - Front Left"), or the error that stopped it ("Playback open error: -22,Invalid argument"). Never throws.
 */

export interface SpeakerTestOutput {
  device: string | null;
  rate: number | null;
  channels: number | null;
  /** Channel names in the order they were played. */
  played: string[];
  error: string | null;
}

export function parseSpeakerTest(stdout: string): SpeakerTestOutput {
  const text = String(stdout);
  const stream = /Stream parameters are (\d+)Hz, \S+, (\d+) channels/.exec(text);
  return {
    device: /^Playback device is (\S+)/m.exec(text)?.[1] ?? null,
    rate: stream ? Number(stream[1]) : null,
    channels: stream ? Number(stream[2]) : null,
    played: [...text.matchAll(/^\s+\d*\s*-\s+(.+?)\s*$/gm)].map((m) => m[1] ?? ''),
    error: /^(.*(?:error|Error).*)$/m.exec(text)?.[1]?.trim() ?? null,
  };
}
