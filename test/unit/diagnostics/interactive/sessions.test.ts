import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../../core/run/bundle.js';
import { recordingSystem, replaySystem } from '../../../../core/run/system.js';
import { readInputPlan } from '../../../../diagnostics/interactive/input/input-devices.js';
import { startKeySession } from '../../../../diagnostics/interactive/keyboard/key-session.js';
import { LAYOUTS } from '../../../../diagnostics/interactive/keyboard/layouts.js';
import { startPointerSession } from '../../../../diagnostics/interactive/pointer/pointer-session.js';
import type { SessionClock } from '../../../../diagnostics/interactive/session-clock.js';
import {
  arecordArgs,
  playBack,
  playChannel,
  prepareMixer,
  recordMicrophone,
  speakerPlayed,
  speakerTestArgs,
} from '../../../../diagnostics/interactive/sound/sound-tests.js';
import { UDEV_MONITOR_ARGS } from '../../../../diagnostics/interactive/usb/usb-monitor.js';
import { startUsbSession } from '../../../../diagnostics/interactive/usb/usb-session.js';
import {
  captureFrame,
  captureNode,
  frameArgs,
} from '../../../../diagnostics/interactive/webcam/capture-frame.js';
import {
  capturedArgv,
  type HardwareBundleOptions,
  hardwareBundle,
  hardwareText,
} from '../../../helpers/hardware-fixtures.js';

const replay = (options?: HardwareBundleOptions) =>
  replaySystem(parseBundle(JSON.stringify(hardwareBundle(options))), undefined, { pace: 'instant' });

/** A clock that never fires by itself: sessions here end on their events or streams. */
const stillClock: SessionClock = { nowMs: () => 1_000_000, every: () => () => {} };

describe('the product runs exactly the commands that were captured', () => {
  it('speaker-test, arecord (less the loopback device), v4l2-ctl', () => {
    expect(['speaker-test', ...speakerTestArgs(1)]).toEqual(capturedArgv('sound/speaker-test-s1.cmd'));
    expect(['speaker-test', ...speakerTestArgs(2)]).toEqual(capturedArgv('sound/speaker-test-s2.cmd'));
    const recorded = capturedArgv('sound/arecord-loopback-speech.cmd');
    expect(recorded.splice(recorded.indexOf('-D'), 2)).toEqual(['-D', 'plughw:Loopback,1,0']);
    expect(['arecord', ...arecordArgs()]).toEqual(recorded);
    expect(['arecord', ...arecordArgs()]).toEqual(capturedArgv('sound/arecord-hda-no-input.cmd'));
    expect(['v4l2-ctl', ...frameArgs('/dev/video0')]).toEqual(capturedArgv('webcam/v4l2-frame-colorbar.cmd'));
    expect(hardwareText('capture/capture_media.py')).toContain(`udevadm ${UDEV_MONITOR_ARGS.join(' ')}`);
  });
});

describe('sessions over a replayed capture (the runner boundary, streams included)', () => {
  it('key test: every key of the PS/2 capture reaches the reducer and the Esc hold ends it', async () => {
    const system = replay();
    const plan = await readInputPlan(system);
    expect(plan.keyboards.map((d) => d.node)).toEqual(['/dev/input/event0']);
    const keys: string[] = [];
    const session = await startKeySession(system, ['/dev/input/event0'], LAYOUTS.fr, {
      clock: stillClock,
      onKey: (node, event) => keys.push(`${node}:${event.name}:${event.value}`),
    });
    const { state, failed } = await session.done;
    expect(state.ended).toBe('esc-hold');
    expect(failed).toEqual([]);
    expect(keys).toHaveLength(174);
    expect(keys[0]).toBe('/dev/input/event0:KEY_ESC:1');
  });

  it('key test: a device evtest cannot open is reported, the test ends', async () => {
    const bundle = hardwareBundle();
    bundle.streams?.push({
      argv: ['evtest', '--grab', '/dev/input/event9'],
      chunks: [],
      exitCode: Number(hardwareText('input/evtest-no-such-node.rc').trim()),
      stderr: hardwareText('input/evtest-no-such-node.err'),
    });
    const system = replaySystem(bundle, undefined, { pace: 'instant' });
    const session = await startKeySession(system, ['/dev/input/event9'], LAYOUTS.fr, { clock: stillClock });
    const { state, failed } = await session.done;
    expect(state.ended).toBe('stopped');
    expect(failed).toEqual([
      {
        node: '/dev/input/event9',
        exitCode: 1,
        stderr: 'evtest: No such file or directory\n',
        stopped: false,
      },
    ]);
  });

  it('pointer tests: clickpad and stick complete by themselves; the PS/2 run misses its buttons', async () => {
    const system = replay();
    const plan = await readInputPlan(system);
    const results: Record<string, boolean | null> = {};
    for (const device of plan.pointers) {
      const session = await startPointerSession(system, device);
      const { state } = await session.done;
      results[device.name] = state?.ended === 'complete';
    }
    expect(results).toEqual({
      'ImExPS/2 Generic Explorer Mouse': false,
      'gomme uinput clickpad': true,
      'gomme uinput pointing stick': true,
    });
  });

  it('USB ports: the live count from udev events', async () => {
    const session = await startUsbSession(replay());
    const counts: number[] = [];
    session.subscribe((s) => counts.push(s.ports.length));
    const state = await session.done;
    expect(state.ports.map((p) => p.port)).toEqual(['2-1', '2-2', '1-3']);
    expect(counts.at(-1)).toBe(3);
  });

  it('speakers: the mixer is set, then left and right play', async () => {
    const system = replay();
    await prepareMixer(system, 'Master');
    const left = await playChannel(system, 1);
    const right = await playChannel(system, 2);
    expect([speakerPlayed(left), speakerPlayed(right)]).toEqual([true, true]);
    expect(left.output.played).toEqual(['Front Left']);
  });

  it.each([
    ['arecord-loopback-speech', 'sound', 0],
    ['arecord-loopback-silence', 'silent', 0],
    ['arecord-hda-no-input', 'no-data', 1],
  ] as const)('microphone: %s → %s', async (microphone, verdict, exitCode) => {
    const system = replay({ microphone });
    await prepareMixer(system, 'Capture');
    const recording = await recordMicrophone(system);
    expect(recording.level.verdict).toBe(verdict);
    expect(recording.exitCode).toBe(exitCode);
    if (verdict === 'sound') expect(await playBack(system, recording.bytes)).toBe(true);
  });

  it('webcam: the capture node is picked, one frame judged', async () => {
    const system = replay({ webcamFrame: 'black' });
    const node = await captureNode(system, ['/dev/video1', '/dev/video0']);
    expect(node).toBe('/dev/video0');
    const capture = await captureFrame(system, '/dev/video0');
    expect(capture).toMatchObject({ bytes: 614400, exitCode: 0, judgement: { verdict: 'black' } });
    expect(capture.format?.pixelFormat).toBe('YUYV');
  });

  it('a session run on a recording system records its streams, and that bundle replays the same', async () => {
    const recording = recordingSystem(replay());
    const first = await startKeySession(recording, ['/dev/input/event0'], LAYOUTS.us, { clock: stillClock });
    const a = (await first.done).state;
    const again = replaySystem(parseBundle(JSON.stringify(recording.bundle)), undefined, { pace: 'instant' });
    const second = await startKeySession(again, ['/dev/input/event0'], LAYOUTS.us, { clock: stillClock });
    const b = (await second.done).state;
    expect(b.seen).toEqual(a.seen);
    expect(b.ended).toBe('esc-hold');
  });
});
