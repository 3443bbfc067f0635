/**
 * What each running step does, as plain async functions over the sessions in diagnostics/interactive: the
 * container calls one per "running" phase and feeds back live states and one sequence action at the end.
 */
import { text } from '../../../../core/i18n.js';
import type { System } from '../../../../core/run/system.js';
import { startKeySession } from '../../../../diagnostics/interactive/keyboard/key-session.js';
import { summariseKeyTest } from '../../../../diagnostics/interactive/keyboard/key-test.js';
import type { Layout } from '../../../../diagnostics/interactive/keyboard/layouts.js';
import type { HardwarePlan } from '../../../../diagnostics/interactive/plan.js';
import { startPointerSession } from '../../../../diagnostics/interactive/pointer/pointer-session.js';
import { summarisePointerTest } from '../../../../diagnostics/interactive/pointer/pointer-test.js';
import {
  couldNotRun,
  keyboardPassed,
  keyboardValues,
  microphoneResult,
  missingKeysText,
  pointerPassed,
  pointerValues,
  speakersFailed,
  webcamResult,
} from '../../../../diagnostics/interactive/results.js';
import type { SessionClock } from '../../../../diagnostics/interactive/session-clock.js';
import {
  playBack,
  playChannel,
  prepareMixer,
  recordMicrophone,
  speakerPlayed,
} from '../../../../diagnostics/interactive/sound/sound-tests.js';
import { startUsbSession } from '../../../../diagnostics/interactive/usb/usb-session.js';
import { captureFrame, captureNode } from '../../../../diagnostics/interactive/webcam/capture-frame.js';
import type { SequenceAction, Step } from '../../state/hardware/sequence.js';
import type { LiveState } from './step-view.js';
import { CORNER_WORDS, HW } from './wording.js';

export interface StepContext {
  system: System;
  plan: HardwarePlan;
  layout: Layout;
  clock?: SessionClock;
  dispatch(action: SequenceAction): void;
  live(update: Partial<LiveState>): void;
  /** What Enter does while the step runs (finish a pointer or USB test early). */
  onFinish(fn: () => void): void;
  /** What leaving the step does (the guide quits, the component unmounts). */
  onCancel(fn: () => void): void;
}

export async function runStep(step: Step, ctx: StepContext): Promise<void> {
  switch (step.id) {
    case 'keyboard':
      return keyboard(ctx);
    case 'pointer':
      return step.device ? pointer(ctx, step) : undefined;
    case 'speakers':
      return speakers(ctx);
    case 'microphone':
      return microphone(ctx);
    case 'webcam':
      return webcam(ctx);
    case 'usb':
      return usb(ctx);
    case 'screen':
      return;
  }
}

async function keyboard(ctx: StepContext): Promise<void> {
  const nodes = [...ctx.plan.keyboards, ...ctx.plan.fnKeys].map((d) => d.node);
  const session = await startKeySession(ctx.system, nodes, ctx.layout, { clock: ctx.clock });
  ctx.onCancel(() => session.stop());
  ctx.live({ keys: session.state, unreadable: [] });
  session.subscribe((keys) => ctx.live({ keys }));
  const { state, failed } = await session.done;
  const devices = ctx.plan.keyboards.map((d) => d.name);
  const summary = summariseKeyTest(state);
  if (failed.length > 0 && state.presses === 0) {
    ctx.live({ unreadable: failed.map((f) => `${f.node} ${f.stderr.trim()}`) });
    const detail = failed.map((f) => `${f.node}: ${f.stderr.trim()}`).join('; ');
    ctx.dispatch({
      type: 'result',
      result: couldNotRun(
        'keyboard',
        'keyboard-unreadable',
        `Clavier illisible (${detail}).`,
        `Keyboard unreadable (${detail}).`,
      ),
      extras: ['retry'],
    });
    return;
  }
  if (summary.pass) {
    ctx.dispatch({ type: 'result', result: keyboardPassed(summary, ctx.layout, devices) });
    return;
  }
  const missing = missingKeysText(summary, ctx.layout);
  ctx.dispatch({
    type: 'ask',
    questionId: 'keyboard',
    detail: text(`${HW.notSeen.fr} : ${missing.fr}`, `${HW.notSeen.en}: ${missing.en}`),
    extras: ['retry'],
    values: keyboardValues(summary, ctx.layout, devices),
  });
}

async function pointer(
  ctx: StepContext,
  step: Step & { device?: NonNullable<Step['device']> },
): Promise<void> {
  const device = step.device;
  if (!device) return;
  const session = await startPointerSession(ctx.system, device);
  ctx.onCancel(() => session.stop());
  ctx.onFinish(() => session.stop());
  ctx.live({ pointer: session.state });
  session.subscribe((pointerState) => ctx.live({ pointer: pointerState }));
  const { state } = await session.done;
  if (!state) {
    ctx.dispatch({
      type: 'result',
      result: {
        ...couldNotRun('touchpad', 'pointer-unreadable', 'Périphérique illisible.', 'Device unreadable.'),
        subject: device.name,
      },
      extras: ['retry'],
    });
    return;
  }
  const summary = summarisePointerTest(state);
  if (summary.pass) {
    ctx.dispatch({ type: 'result', result: pointerPassed(summary, device) });
    return;
  }
  const missing = [
    ...summary.missingCorners.map((c) => CORNER_WORDS[c]),
    ...summary.missingButtons.map((b) => (b === 'left' ? HW.left : HW.right)),
  ];
  ctx.dispatch({
    type: 'ask',
    questionId: 'touchpad',
    detail: text(
      `${HW.notSeen.fr} : ${missing.map((m) => m.fr).join(', ')}`,
      `${HW.notSeen.en}: ${missing.map((m) => m.en).join(', ')}`,
    ),
    extras: ['retry'],
    values: pointerValues(summary, device),
    subject: device.name,
  });
}

async function speakers(ctx: StepContext): Promise<void> {
  await prepareMixer(ctx.system, 'Master');
  const left = await playChannel(ctx.system, 1);
  const right = await playChannel(ctx.system, 2);
  const runs = [left, right];
  if (!runs.every(speakerPlayed)) {
    const failed = runs.find((r) => !speakerPlayed(r));
    ctx.dispatch({
      type: 'result',
      result: speakersFailed(failed?.stderr ?? '', failed?.output.error ?? null),
      extras: ['retry'],
    });
    return;
  }
  ctx.dispatch({
    type: 'ask',
    questionId: 'speakers',
    extras: ['replay'],
    values: { played: runs.flatMap((r) => r.output.played) },
  });
}

async function microphone(ctx: StepContext): Promise<void> {
  await prepareMixer(ctx.system, 'Capture');
  const recording = await recordMicrophone(ctx.system);
  if (recording.level.verdict !== 'no-data') await playBack(ctx.system, recording.bytes);
  ctx.dispatch({
    type: 'result',
    result: microphoneResult(recording.level, recording.exitCode, recording.stderr),
    extras: ['retry'],
  });
}

async function webcam(ctx: StepContext): Promise<void> {
  const node = await captureNode(ctx.system, ctx.plan.webcams);
  if (!node) {
    ctx.dispatch({
      type: 'result',
      result: couldNotRun(
        'webcam-image',
        'webcam-no-capture-node',
        'Aucune entrée vidéo ne filme : vérifiez la webcam à la main.',
        'No video node captures: check the webcam by hand.',
        { devices: ctx.plan.webcams },
      ),
    });
    return;
  }
  ctx.dispatch({
    type: 'result',
    result: webcamResult(await captureFrame(ctx.system, node)),
    extras: ['retry'],
  });
}

async function usb(ctx: StepContext): Promise<void> {
  const session = await startUsbSession(ctx.system);
  ctx.onCancel(() => session.finish());
  ctx.onFinish(() => session.finish());
  ctx.live({ usb: session.state });
  session.subscribe((usbState) => ctx.live({ usb: usbState }));
  const state = await session.done;
  const count = state.ports.length;
  ctx.dispatch({
    type: 'ask',
    questionId: 'usb-ports',
    detail: text(`${HW.portsAnswered.fr} : ${count}`, `${HW.portsAnswered.en}: ${count}`),
    extras: ['retry'],
    values: { portsAnswered: count, ports: state.ports },
  });
}
