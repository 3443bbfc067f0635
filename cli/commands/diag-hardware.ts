/**
 * `gomme diag keys|pointer|usb|microphone|webcam|speakers|screen|hardware`: one hardware test alone. On a
 * terminal it shows the same screens as the guide; with `--json` (or no terminal) the automatic tests print
 * JSON lines a script can follow, e.g. to prove in a VM that key presses reach gomme:
 *   gomme diag keys --json --seconds 30   →  {"type":"devices",…} {"type":"key",…}… {"type":"result",…}
 */
import { readFile } from 'node:fs/promises';
import { BadInputError, UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { parseBundle } from '../../core/run/bundle.js';
import { realSystem, replaySystem, type System } from '../../core/run/system.js';
import { fileErrorWords } from '../../core/words/io-errors.js';
import type { InputDevice } from '../../diagnostics/interactive/input/input-devices.js';
import { startKeySession } from '../../diagnostics/interactive/keyboard/key-session.js';
import { summariseKeyTest } from '../../diagnostics/interactive/keyboard/key-test.js';
import {
  keyLabel,
  LAYOUTS,
  type LayoutId,
  layoutFor,
} from '../../diagnostics/interactive/keyboard/layouts.js';
import { type HardwarePlan, readHardwarePlan } from '../../diagnostics/interactive/plan.js';
import { startPointerSession } from '../../diagnostics/interactive/pointer/pointer-session.js';
import { summarisePointerTest } from '../../diagnostics/interactive/pointer/pointer-test.js';
import { keyboardValues, microphoneResult, webcamResult } from '../../diagnostics/interactive/results.js';
import {
  playChannel,
  prepareMixer,
  recordMicrophone,
  speakerPlayed,
} from '../../diagnostics/interactive/sound/sound-tests.js';
import { startUsbSession } from '../../diagnostics/interactive/usb/usb-session.js';
import { captureFrame, captureNode } from '../../diagnostics/interactive/webcam/capture-frame.js';
import type { CommandContext } from '../io.js';

export const HARDWARE_TESTS = [
  'keys',
  'pointer',
  'usb',
  'microphone',
  'webcam',
  'speakers',
  'screen',
  'hardware',
] as const;
export type HardwareTestName = (typeof HARDWARE_TESTS)[number];

export interface DiagHardwareOptions {
  json?: boolean;
  /** Stop after this many seconds (scripts); keys, pointer and usb otherwise run until done or interrupted. */
  seconds?: string;
  layout?: LayoutId;
  /** Comma-separated device nodes to use instead of the ones found (/dev/input/eventN, /dev/videoN). */
  device?: string;
  replay?: string;
  /** How a replayed bundle's streams come: at their recorded times (default, looks live) or at once (tests). */
  replayPace?: 'recorded' | 'instant';
}

export interface DiagHardwareInput {
  interactive: boolean;
  signal?: AbortSignal;
}

export async function diagHardwareCommand(
  ctx: CommandContext,
  test: HardwareTestName,
  options: DiagHardwareOptions,
  input: DiagHardwareInput,
): Promise<number> {
  const system = await hardwareSystem(options);
  const plan = await readHardwarePlan(system);
  const seconds = options.seconds === undefined ? undefined : Number(options.seconds);
  if (seconds !== undefined && !(seconds > 0)) {
    throw new UsageError(
      text('--seconds : un nombre de secondes positif.', '--seconds: a positive number of seconds.'),
    );
  }
  const devices = options.device
    ?.split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const layout = options.layout ? LAYOUTS[options.layout] : layoutFor(ctx.lang);
  if (!options.json && input.interactive) {
    const { runHardwareScreens } = await import('./diag-hardware-screens.js');
    return runHardwareScreens(ctx, system, plan, test, layout);
  }
  const line = (value: object) => ctx.stdout.write(`${JSON.stringify(value)}\n`);
  const run = { system, plan, line, seconds, devices, signal: input.signal };
  switch (test) {
    case 'keys':
      await keys(run, layout.id);
      break;
    case 'pointer':
      await pointer(run);
      break;
    case 'usb':
      await usb(run);
      break;
    case 'microphone': {
      await prepareMixer(system, 'Capture');
      const recording = await recordMicrophone(system);
      line({
        type: 'result',
        test,
        ...microphoneResult(recording.level, recording.exitCode, recording.stderr),
      });
      break;
    }
    case 'webcam': {
      const node = await captureNode(system, devices ?? plan.webcams);
      if (!node)
        line({
          type: 'result',
          test,
          status: plan.webcams.length === 0 ? 'not-present' : 'skipped',
          devices: devices ?? plan.webcams,
        });
      else line({ type: 'result', test, ...webcamResult(await captureFrame(system, node)) });
      break;
    }
    case 'speakers': {
      await prepareMixer(system, 'Master');
      const runs = [await playChannel(system, 1), await playChannel(system, 2)];
      line({
        type: 'result',
        test,
        played: runs.flatMap((r) => r.output.played),
        ok: runs.every(speakerPlayed),
        errors: runs.map((r) => r.output.error).filter(Boolean),
      });
      break;
    }
    case 'screen':
    case 'hardware':
      throw new UsageError(
        text(
          `« ${test} » a besoin d'une personne devant l'écran : lancez-le sans --json, sur un terminal.`,
          `"${test}" needs a person at the screen: run it without --json, on a terminal.`,
        ),
      );
  }
  return input.signal?.aborted ? ExitCode.INTERRUPTED : ExitCode.OK;
}

/** This machine, or a replayed bundle whose streams come at the pace asked. */
async function hardwareSystem(options: DiagHardwareOptions): Promise<System> {
  if (!options.replay) return realSystem();
  let json: string;
  try {
    json = await readFile(options.replay, 'utf8');
  } catch (error) {
    throw new BadInputError(options.replay, fileErrorWords(error), error);
  }
  return replaySystem(parseBundle(json, options.replay), options.replay, {
    pace: options.replayPace ?? 'recorded',
  });
}

interface Run {
  system: System;
  plan: HardwarePlan;
  line(value: object): void;
  seconds: number | undefined;
  devices: string[] | undefined;
  signal: AbortSignal | undefined;
}

/** Stops `stop` after --seconds or on the interrupt signal; returns the clean-up. */
function bounded(run: Run, stop: () => void): () => void {
  const timer = run.seconds === undefined ? undefined : setTimeout(stop, run.seconds * 1000);
  run.signal?.addEventListener('abort', stop, { once: true });
  return () => {
    clearTimeout(timer);
    run.signal?.removeEventListener('abort', stop);
  };
}

const described = (d: InputDevice) => ({ node: d.node, name: d.name, role: d.role, builtIn: d.builtIn });

async function keys(run: Run, layoutId: LayoutId): Promise<void> {
  const layout = LAYOUTS[layoutId];
  const nodes = run.devices ?? [...run.plan.keyboards, ...run.plan.fnKeys].map((d) => d.node);
  run.line({
    type: 'devices',
    test: 'keys',
    devices: run.devices
      ? run.devices.map((node) => ({ node }))
      : [...run.plan.keyboards, ...run.plan.fnKeys].map(described),
  });
  if (nodes.length === 0) {
    run.line({ type: 'result', test: 'keys', status: 'not-present' });
    return;
  }
  const session = await startKeySession(run.system, nodes, layout, {
    maxMs: run.seconds === undefined ? undefined : run.seconds * 1000,
    onKey(node, event) {
      run.line({
        type: 'key',
        device: node,
        code: event.code,
        name: event.name,
        label: keyLabel(layout, event.code),
        value: event.value,
        timeUs: event.timeUs,
      });
    },
  });
  const release = bounded({ ...run, seconds: undefined }, () => session.stop());
  const { state, failed } = await session.done;
  release();
  const summary = summariseKeyTest(state);
  run.line({
    type: 'result',
    test: 'keys',
    status: summary.pass ? 'pass' : 'incomplete',
    ...keyboardValues(summary, layout, nodes),
    unreadable: failed,
  });
}

async function pointer(run: Run): Promise<void> {
  const found = run.plan.pointers;
  const device = run.devices?.[0]
    ? (found.find((d) => d.node === run.devices?.[0]) ?? {
        node: run.devices[0],
        name: run.devices[0],
        role: 'touchpad' as const,
        builtIn: true,
        buttonpad: false,
      })
    : found[0];
  run.line({ type: 'devices', test: 'pointer', devices: found.map(described) });
  if (!device) {
    run.line({ type: 'result', test: 'pointer', status: 'not-present' });
    return;
  }
  const session = await startPointerSession(run.system, device);
  let last = '';
  session.subscribe((state) => {
    const summary = summarisePointerTest(state);
    const now = JSON.stringify([summary.corners, summary.buttons]);
    if (now !== last)
      run.line({ type: 'pointer', device: device.node, corners: summary.corners, buttons: summary.buttons });
    last = now;
  });
  const release = bounded(run, () => session.stop());
  const { state, failed } = await session.done;
  release();
  const summary = state ? summarisePointerTest(state) : null;
  run.line({
    type: 'result',
    test: 'pointer',
    device: device.node,
    status: summary?.pass ? 'pass' : 'incomplete',
    ...summary,
    unreadable: failed,
  });
}

async function usb(run: Run): Promise<void> {
  const session = await startUsbSession(run.system);
  let count = 0;
  session.subscribe((state) => {
    for (const port of state.ports.slice(count))
      run.line({ type: 'port', ...port, count: state.ports.length });
    count = state.ports.length;
  });
  const release = bounded(run, () => session.finish());
  const state = await session.done;
  release();
  run.line({ type: 'result', test: 'usb', portsAnswered: state.ports.length, ports: state.ports });
}
