import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type Bundle, type BundleCommand, emptyBundle } from '../../core/run/bundle.js';
import type { BundleStream, BundleStreamChunk } from '../../core/run/bundle-streams.js';
import { projectRoot } from './fixtures.js';

/** Real outputs captured in a QEMU guest (test/fixtures/captured/hardware/README.md says how each was made). */
export const hardwareFixtures = join(projectRoot, 'test/fixtures/captured/hardware');

export function hardwareText(relative: string): string {
  return readFileSync(join(hardwareFixtures, relative), 'utf8');
}

/** Bytes of a binary capture; `.gz` files are stored compressed and come back as captured. */
export function hardwareBytes(relative: string): Uint8Array {
  const raw = readFileSync(join(hardwareFixtures, relative));
  return new Uint8Array(relative.endsWith('.gz') ? gunzipSync(raw) : raw);
}

/** The argv a captured `.cmd` ran, without its redirections (these commands use no quoting). */
export function capturedArgv(relative: string): string[] {
  const line = hardwareText(relative).trim();
  // "(…) & arecord …": the command of interest runs after the background one.
  const command = line.includes(') & ') ? (line.split(') & ').at(-1) ?? line) : line;
  return (
    command
      .split(/\s[<>]|\s2>/)[0]
      ?.trim()
      .replace(/^timeout \d+ /, '')
      .split(/\s+/) ?? []
  );
}

export function capturedCommand(
  folder: string,
  name: string,
  argv = capturedArgv(`${folder}/${name}.cmd`),
): BundleCommand {
  const read = (ext: string) =>
    existsSync(join(hardwareFixtures, folder, `${name}.${ext}`))
      ? hardwareText(`${folder}/${name}.${ext}`)
      : '';
  return { argv, exitCode: Number(read('rc').trim()), stdout: read('out'), stderr: read('err') };
}

/** An evtest capture as stream chunks: the header at once, then each event report at its kernel time. */
export function evtestStream(node: string, fixture: string): BundleStream {
  const lines = hardwareText(`input/${fixture}.out`).split('\n');
  const chunks: BundleStreamChunk[] = [];
  let first: number | null = null;
  let pending = '';
  let pendingAt = 0;
  for (const line of lines) {
    const time = /^Event: time (\d+)\.(\d{6})/.exec(line);
    const at = time ? Number(time[1]) * 1000 + Number(time[2]) / 1000 : null;
    if (at !== null) first ??= at;
    const atMs = at === null || first === null ? 0 : Math.round(at - first);
    if (pending !== '' && atMs !== pendingAt) {
      chunks.push({ atMs: pendingAt, text: pending });
      pending = '';
    }
    pendingAt = atMs;
    pending += `${line}\n`;
  }
  if (pending.trim() !== '') chunks.push({ atMs: pendingAt, text: pending });
  return { argv: ['evtest', '--grab', node], chunks, exitCode: 0, stderr: '' };
}

/** Binary output (a WAV, a frame) in pipe-sized chunks. */
export function bytesStream(argv: string[], bytes: Uint8Array, exitCode = 0, stderr = ''): BundleStream {
  const chunks: BundleStreamChunk[] = [];
  for (let i = 0; i < bytes.length; i += 65536) {
    chunks.push({
      atMs: Math.round(i / 1000),
      base64: Buffer.from(bytes.subarray(i, i + 65536)).toString('base64'),
    });
  }
  return { argv, chunks, exitCode, stderr };
}

export interface HardwareBundleOptions {
  /** Which keyboard capture plays on /dev/input/event0. */
  keyboard?: string;
  /** Which microphone capture arecord gives: the loopback speech, the loopback silence, or the HDA with no input. */
  microphone?: 'arecord-loopback-speech' | 'arecord-loopback-silence' | 'arecord-hda-no-input';
  webcamFrame?: 'colorbar' | 'black' | 'white' | 'noise';
}

/**
 * A replay bundle of the QEMU guest with the uinput clickpad and stick: every command, file and stream the
 * hardware tests use, from the captures. Stand-in: arecord's captures recorded the ALSA loopback device
 * (`-D plughw:Loopback,1,0`); the product records from the default device, so the pair is dropped here.
 */
export function hardwareBundle(options: HardwareBundleOptions = {}): Bundle {
  const bundle = emptyBundle(new Date('2026-12-07T03:40:00Z'));
  bundle.files['/proc/bus/input/devices'] = hardwareText('input/proc-bus-input-devices-with-uinput.txt');
  bundle.files['/proc/asound/cards'] = hardwareText('sound/proc-asound-cards.txt');
  bundle.commands.push(
    capturedCommand('sound', 'amixer-master'),
    capturedCommand('sound', 'amixer-capture'),
    capturedCommand('sound', 'speaker-test-s1'),
    capturedCommand('sound', 'speaker-test-s2'),
    capturedCommand('sound', 'aplay-stdin'),
    capturedCommand('webcam', 'v4l2-info-video0'),
    capturedCommand('webcam', 'v4l2-info-video1'),
    capturedCommand('webcam', 'v4l2-set-fmt'),
    capturedCommand('webcam', 'v4l2-get-fmt'),
  );
  const mic = options.microphone ?? 'arecord-loopback-speech';
  const micArgv = capturedArgv(`sound/${mic}.cmd`);
  const device = micArgv.indexOf('-D');
  if (device >= 0) micArgv.splice(device, 2);
  const micRc = Number(hardwareText(`sound/${mic}.rc`).trim());
  const micBytes = hardwareBytes(mic === 'arecord-hda-no-input' ? `sound/${mic}.wav` : `sound/${mic}.wav.gz`);
  const frame = options.webcamFrame ?? 'colorbar';
  bundle.streams = [
    evtestStream('/dev/input/event0', options.keyboard ?? 'evtest-grab-kbd-all-keys-then-esc-hold'),
    evtestStream('/dev/input/event1', 'evtest-grab-ps2-mouse-corners'),
    evtestStream('/dev/input/event5', 'evtest-grab-uinput-clickpad-corners-both-clicks'),
    evtestStream('/dev/input/event6', 'evtest-grab-uinput-trackpoint-corners-buttons'),
    bytesStream(micArgv, micBytes, micRc, hardwareText(`sound/${mic}.err`)),
    bytesStream(
      capturedArgv(`webcam/v4l2-frame-${frame}.cmd`),
      hardwareBytes(`webcam/v4l2-frame-${frame}.yuyv.gz`),
    ),
    {
      argv: ['udevadm', 'monitor', '--udev', '--subsystem-match=usb', '--property'],
      chunks: hardwareText('usb/udevadm-monitor-usb.out')
        .split(/\n(?=UDEV {2}\[)/)
        .map((text, i, all) => ({ atMs: i * 500, text: i < all.length - 1 ? `${text}\n` : text })),
      exitCode: 0,
      stderr: '',
    },
  ];
  return bundle;
}
