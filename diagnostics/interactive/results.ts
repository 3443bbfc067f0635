/**
 * Hardware test outcomes as diagnostics TestResults (the `gomme diag --json` contract): automatic verdicts from
 * recorded data, or the answer a person gave where only a person could judge. Names are the guided question
 * ids, so a hardware result replaces the question's "not answered" in the report.
 */
import { type Text, text } from '../../core/i18n.js';
import { evaluateAnswers } from '../guided/answers.js';
import { QUESTIONS } from '../guided/questions.js';
import { reason, type TestResult } from '../types.js';
import type { InputDevice } from './input/input-devices.js';
import type { KeyTestSummary } from './keyboard/key-test.js';
import { keyLabel, type Layout } from './keyboard/layouts.js';
import type { PointerSummary } from './pointer/pointer-test.js';
import type { MicLevel } from './sound/level.js';
import type { FrameCapture } from './webcam/capture-frame.js';

const auto = (
  name: string,
  status: TestResult['status'],
  reasons: TestResult['reasons'],
  values: Record<string, unknown>,
  subject?: string,
): TestResult => ({
  name,
  kind: 'auto',
  status,
  reasons,
  values,
  durationMs: 0,
  ...(subject ? { subject } : {}),
});

/** A person's answer to one question, with the test's measured values kept. */
export function answered(
  questionId: string,
  choice: string,
  values: Record<string, unknown> = {},
  subject?: string,
): TestResult {
  const question = QUESTIONS.filter((q) => q.id === questionId);
  const [result] = evaluateAnswers({ [questionId]: choice }, question);
  if (!result) throw new Error(`unknown question ${questionId}`);
  return { ...result, values: { ...values, ...result.values }, ...(subject ? { subject } : {}) };
}

export function notPresent(name: string, fr: string, en: string): TestResult {
  return auto(name, 'not-present', [reason(`${name}-absent`, 'info', fr, en)], {});
}

export function couldNotRun(
  name: string,
  code: string,
  fr: string,
  en: string,
  values: Record<string, unknown> = {},
): TestResult {
  return auto(name, 'skipped', [reason(code, 'info', fr, en)], values);
}

export function keyboardValues(
  summary: KeyTestSummary,
  layout: Layout,
  devices: string[],
): Record<string, unknown> {
  return {
    layout: layout.id,
    devices,
    expected: summary.expected,
    seen: summary.seenExpected,
    missing: summary.missing.map((code) => keyLabel(layout, code)),
    missingCodes: summary.missing,
    optionalSeen: summary.optionalSeen.map((code) => keyLabel(layout, code)),
    extraCodes: summary.extras,
    stuckCodes: summary.stuck,
    ended: summary.ended,
  };
}

/** All keys seen: pass with no question. Otherwise the question about the missing keys decides. */
export function keyboardPassed(summary: KeyTestSummary, layout: Layout, devices: string[]): TestResult {
  return auto('keyboard', 'pass', [], keyboardValues(summary, layout, devices));
}

export function missingKeysText(summary: KeyTestSummary, layout: Layout): Text {
  const labels = summary.missing.map((code) => keyLabel(layout, code)).join(' ');
  return text(
    `${summary.missing.length} touche(s) : ${labels}`,
    `${summary.missing.length} key(s): ${labels}`,
  );
}

export function pointerValues(summary: PointerSummary, device: InputDevice): Record<string, unknown> {
  return {
    device: device.node,
    role: device.role,
    corners: summary.corners,
    missingCorners: summary.missingCorners,
    buttons: summary.buttons,
    missingButtons: summary.missingButtons,
    moved: summary.moved,
  };
}

/** Touchpads and sticks answer the "touchpad" question; the subject names the device. */
export function pointerPassed(summary: PointerSummary, device: InputDevice): TestResult {
  return auto('touchpad', 'pass', [], pointerValues(summary, device), device.name);
}

/** The microphone is decided by its level alone; the playback is for the trainee's ears. */
export function microphoneResult(level: MicLevel, exitCode: number | null, stderr: string): TestResult {
  const values = { ...level, exitCode, stderr: stderr.trim().slice(0, 300) || undefined };
  if (level.verdict === 'sound') return auto('microphone', 'pass', [], values);
  if (level.verdict === 'silent') {
    return auto(
      'microphone',
      'fail',
      [
        reason(
          'microphone-silent',
          'repair',
          "Le micro n'a rien entendu (vérifiez aussi la touche micro coupé).",
          'The microphone heard nothing (check the mic-mute key too).',
        ),
      ],
      values,
    );
  }
  return auto(
    'microphone',
    'fail',
    [
      reason(
        'microphone-no-data',
        'repair',
        "L'enregistrement n'a rien donné : pas de micro utilisable.",
        'The recording gave nothing: no usable microphone.',
      ),
    ],
    values,
  );
}

/** Playback that could not even start: no question, the speakers cannot be heard. */
export function speakersFailed(stderr: string, output: string | null): TestResult {
  return auto(
    'speakers',
    'fail',
    [
      reason(
        'speaker-playback-error',
        'repair',
        'Le son de test ne peut pas être joué.',
        'The test sound cannot be played.',
      ),
    ],
    { error: output, stderr: stderr.trim().slice(0, 300) },
  );
}

/** A frame judged: an image passes; black or flat is a dead webcam (a reservation, as the question said). */
export function webcamResult(capture: FrameCapture): TestResult {
  const values = {
    device: capture.device,
    format: capture.format,
    bytes: capture.bytes,
    ...capture.judgement,
    exitCode: capture.exitCode,
  };
  const { verdict } = capture.judgement;
  if (verdict === 'image') return auto('webcam-image', 'pass', [], values, capture.device);
  if (verdict === 'black' || verdict === 'uniform') {
    const fr =
      verdict === 'black'
        ? "L'image de la webcam est noire."
        : "L'image de la webcam est uniforme (aucun détail).";
    const en =
      verdict === 'black' ? 'The webcam picture is black.' : 'The webcam picture is flat (no detail).';
    return auto('webcam-image', 'warn', [reason('webcam-dead', 'reserve', fr, en)], values, capture.device);
  }
  if (verdict === 'unsupported') {
    return {
      ...couldNotRun(
        'webcam-image',
        'webcam-format-unsupported',
        `Format ${capture.format?.pixelFormat ?? '?'} non jugé : vérifiez la webcam à la main.`,
        `Format ${capture.format?.pixelFormat ?? '?'} not judged: check the webcam by hand.`,
        values,
      ),
      subject: capture.device,
    };
  }
  return auto(
    'webcam-image',
    'warn',
    [reason('webcam-dead', 'reserve', "La webcam n'a pas donné d'image.", 'The webcam gave no picture.')],
    values,
    capture.device,
  );
}

/**
 * Merges hardware results into the question results: a hardware result replaces the question's own result when
 * that one is only "not answered" (the hardware test asked or decided it instead).
 */
export function withHardwareResults(questionResults: TestResult[], hardware: TestResult[]): TestResult[] {
  const covered = new Set(hardware.map((r) => r.name));
  const kept = questionResults.filter(
    (r) =>
      !(covered.has(r.name) && r.status === 'skipped' && r.reasons.some((x) => x.code === 'not-answered')),
  );
  return [...kept, ...hardware];
}
