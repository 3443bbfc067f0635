import { useInput, useStdout } from 'ink';
import { useEffect, useReducer, useRef, useState } from 'react';
import { GommeError } from '../../../../core/errors.js';
import type { Lang } from '../../../../core/i18n.js';
import type { System } from '../../../../core/run/system.js';
import type { HardwareTestId } from '../../../../diagnostics/guided/questions.js';
import { type Layout, layoutFor } from '../../../../diagnostics/interactive/keyboard/layouts.js';
import type { HardwarePlan } from '../../../../diagnostics/interactive/plan.js';
import { couldNotRun } from '../../../../diagnostics/interactive/results.js';
import type { SessionClock } from '../../../../diagnostics/interactive/session-clock.js';
import type { TestResult } from '../../../../diagnostics/types.js';
import {
  currentStep,
  hardwareKeyToAction,
  initialSequence,
  ranTests,
  reduceSequence,
  STEP_QUESTIONS,
  type StepId,
  stepsFor,
} from '../../state/hardware/sequence.js';
import { runStep } from './run-step.js';
import { HardwareStepView, type LiveState } from './step-view.js';

export interface HardwareOutcome {
  results: TestResult[];
  /** Hand to `questionsToAsk` so these questions are not asked again. */
  ranTests: HardwareTestId[];
}

export interface HardwareTestsProps {
  system: System;
  plan: HardwarePlan;
  lang: Lang;
  layout?: Layout;
  clock?: SessionClock;
  /** Only these steps (one test alone, `gomme diag keys`); all of the plan's by default. */
  only?: readonly StepId[];
  /** False while something else has the screen (the guide's quit question): keys are not read. */
  active?: boolean;
  onDone(outcome: HardwareOutcome): void;
}

/**
 * Every hardware test of the plan, one after the other: the sequence reducer decides what is on screen, the
 * step runner drives the sessions. Keys from the terminal move, answer and finish; during the key test the
 * keyboard is grabbed, so its keys never arrive here.
 */
export function HardwareTests({
  system,
  plan,
  lang,
  layout,
  clock,
  only,
  active,
  onDone,
}: HardwareTestsProps) {
  const [state, dispatch] = useReducer(reduceSequence, undefined, () =>
    initialSequence(
      stepsFor(plan).filter((step) => !only || only.includes(step.id)),
      plan.absentResults,
    ),
  );
  const [live, setLive] = useState<LiveState>({ keys: null, pointer: null, usb: null, unreadable: [] });
  const [crash, setCrash] = useState<unknown>(null);
  if (crash) throw crash;
  const stateRef = useRef(state);
  stateRef.current = state;
  const finish = useRef<(() => void) | null>(null);
  const { stdout } = useStdout();

  useInput(
    (input, key) => {
      const action = hardwareKeyToAction(stateRef.current, input, key);
      if (action === 'finish') finish.current?.();
      else if (action) dispatch(action);
    },
    { isActive: active ?? true },
  );

  const runId = state.phase.kind === 'running' ? state.phase.run : 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one session per run; the run number says when
  useEffect(() => {
    const step = currentStep(stateRef.current);
    if (runId === 0 || !step) return;
    let cancelled = false;
    const cancels: Array<() => void> = [];
    finish.current = null;
    runStep(step, {
      system,
      plan,
      layout: layout ?? layoutFor(lang),
      clock,
      dispatch: (action) => {
        if (!cancelled) dispatch(action);
      },
      live: (update) => {
        if (!cancelled) setLive((previous) => ({ ...previous, ...update }));
      },
      onFinish: (fn) => {
        finish.current = fn;
      },
      onCancel: (fn) => cancels.push(fn),
    }).catch((error: unknown) => {
      if (cancelled) return;
      // A missing program or an unreadable device is a result the report shows; anything else is a bug.
      if (!(error instanceof GommeError)) {
        setCrash(error);
        return;
      }
      const [name = step.id] = STEP_QUESTIONS[step.id];
      dispatch({
        type: 'result',
        result: couldNotRun(
          name,
          error.code,
          `${error.text.fr}${error.hint ? ` ${error.hint.fr}` : ''}`,
          `${error.text.en}${error.hint ? ` ${error.hint.en}` : ''}`,
        ),
        extras: ['retry'],
      });
    });
    return () => {
      cancelled = true;
      for (const cancel of cancels) cancel();
    };
  }, [runId]);

  const done = state.done;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reported once, when the sequence ends
  useEffect(() => {
    if (done) onDone({ results: stateRef.current.results, ranTests: ranTests(stateRef.current.steps) });
  }, [done]);

  return (
    <HardwareStepView state={state} live={live} lang={lang} rows={stdout.rows} columns={stdout.columns} />
  );
}
