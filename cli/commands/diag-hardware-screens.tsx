import { render } from 'ink';
import { ExitCode } from '../../core/exit-codes.js';
import { COLON } from '../../core/i18n.js';
import type { System } from '../../core/run/system.js';
import { testNameWords, testStatusWords } from '../../core/words/tests.js';
import type { Layout } from '../../diagnostics/interactive/keyboard/layouts.js';
import type { HardwarePlan } from '../../diagnostics/interactive/plan.js';
import type { CommandContext } from '../io.js';
import { type HardwareOutcome, HardwareTests } from '../tui/screens/hardware/hardware-tests.js';
import { STEP_QUESTIONS, type StepId } from '../tui/state/hardware/sequence.js';
import type { HardwareTestName } from './diag-hardware.js';

/** The guide's steps each named test shows (`hardware`: every one). */
export const TEST_STEPS: Record<HardwareTestName, StepId[] | undefined> = {
  keys: ['keyboard'],
  pointer: ['pointer'],
  usb: ['usb'],
  microphone: ['microphone'],
  webcam: ['webcam'],
  speakers: ['speakers'],
  screen: ['screen'],
  hardware: undefined,
};

/** The guide's hardware screens for one test (or all), then the results as text on the terminal. */
export async function runHardwareScreens(
  ctx: CommandContext,
  system: System,
  plan: HardwarePlan,
  test: HardwareTestName,
  layout: Layout,
): Promise<number> {
  let outcome: HardwareOutcome | null = null;
  const only = TEST_STEPS[test];
  const names = new Set((only ?? []).flatMap((step) => STEP_QUESTIONS[step]));
  const app = render(
    <HardwareTests
      system={system}
      plan={{ ...plan, absentResults: plan.absentResults.filter((r) => !only || names.has(r.name)) }}
      lang={ctx.lang}
      layout={layout}
      only={only}
      onDone={(o) => {
        outcome = o;
        app.unmount();
      }}
    />,
    { exitOnCtrlC: true },
  );
  await app.waitUntilExit();
  const done = outcome as HardwareOutcome | null;
  const { lang } = ctx;
  for (const r of done?.results ?? []) {
    const reasons = r.reasons.map((x) => x[lang]).join(' ');
    const name = `${testNameWords(r.name)[lang]}${r.subject ? ` (${r.subject})` : ''}`;
    ctx.say(`${name}${COLON[lang]}${testStatusWords(r.status)[lang]}${reasons ? ` - ${reasons}` : ''}`);
  }
  return done ? ExitCode.OK : ExitCode.INTERRUPTED;
}
