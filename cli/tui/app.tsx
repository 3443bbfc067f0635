import { Box, useApp, useInput } from 'ink';
import { useCallback, useEffect, useReducer } from 'react';
import type { Lang } from '../../core/i18n.js';
import { Frame } from './components/frame.js';
import { CertificatesScreen } from './screens/certificates.js';
import { ConfirmScreen } from './screens/confirm.js';
import { DiagnosticsScreen } from './screens/diagnostics.js';
import { DrivesScreen } from './screens/drives.js';
import { ErasingScreen } from './screens/erasing.js';
import { type HardwareOutcome, HardwareTests } from './screens/hardware/hardware-tests.js';
import { IntakeScreen } from './screens/intake.js';
import { MachineScreen } from './screens/machine.js';
import { NextScreen } from './screens/next.js';
import { GoodbyeScreen, QuitScreen } from './screens/quit.js';
import { ResultsScreen } from './screens/results.js';
import { SecretScreen } from './screens/secret.js';
import { SupervisorScreen } from './screens/supervisor.js';
import { WelcomeScreen } from './screens/welcome.js';
import type { GuideServices } from './services.js';
import { splitInput } from './state/keys.js';
import { initialState, reduce } from './state/reducer.js';
import type { Glyphs, GuideState } from './state/types.js';
import { useGuideEffects } from './use-guide-effects.js';

export interface GuideAppProps {
  services: GuideServices;
  lang: Lang;
  technician?: boolean;
  /** `ascii` (default) for the Linux console, whose font lacks arrows. */
  glyphs?: Glyphs;
  /** Called once when the trainee leaves (quit or power off); the state says which. */
  onExit?: (state: GuideState) => void;
}

/** The whole guide: one reducer, one key handler, effects that call the services. */
export function GuideApp({ services, lang, technician, glyphs, onExit }: GuideAppProps) {
  const diagnostics = services.diagnostics;
  const [state, dispatch] = useReducer(
    reduce,
    {
      lang,
      glyphs: glyphs ?? 'ascii',
      technician: technician ?? false,
      // Without hardware tests every question of the list is asked; with them, those they leave.
      questions:
        diagnostics && !diagnostics.hardware ? diagnostics.questionsFor({ absent: [], ranTests: [] }) : null,
      hardware: diagnostics?.hardware !== undefined,
      certificates: services.certificates !== undefined,
      canPowerOff: services.powerOff !== undefined,
      hubHolds: services.hub?.journalInRam ?? false,
    },
    initialState,
  );
  const { exit } = useApp();
  // The reducer reads each key against the state it lands on: nothing typed is lost on a slow machine.
  useInput((input, key) => {
    for (const part of splitInput(input, key)) dispatch({ type: 'key', ...part });
  });
  useGuideEffects(state, dispatch, services);
  useEffect(() => {
    if (state.quit || state.powerOffRequested) {
      onExit?.(state);
      exit();
    }
  }, [state, exit, onExit]);

  const testing = state.screen === 'diagnostics' && state.diag.hardware.status === 'testing';
  const plan = state.diag.hardware.status === 'testing' ? state.diag.hardware.plan : null;
  const onHardwareDone = useCallback(
    (outcome: HardwareOutcome) => {
      if (!plan || !diagnostics) return;
      const context = { absent: plan.absent, ranTests: outcome.ranTests };
      dispatch({
        type: 'hardware-done',
        done: { results: outcome.results, ...context },
        questions: diagnostics.questionsFor(context),
      });
    },
    [plan, diagnostics],
  );

  if (state.quit || state.powerOffRequested) return <GoodbyeScreen state={state} />;
  const hardware = diagnostics?.hardware;
  return (
    <Box flexDirection="column">
      {testing && plan && hardware ? (
        // The hardware tests draw their own screens and read their own keys; the quit question hides them.
        <Box display={state.overlay ? 'none' : 'flex'} flexDirection="column">
          <HardwareTests
            system={hardware.system}
            plan={plan}
            lang={state.lang}
            active={state.overlay === null}
            onDone={onHardwareDone}
          />
        </Box>
      ) : null}
      {!testing || state.overlay ? (
        <Frame state={state}>
          <ScreenView state={state} />
        </Frame>
      ) : null}
    </Box>
  );
}

export function ScreenView({ state }: { state: GuideState }) {
  if (state.overlay?.kind === 'quit') return <QuitScreen state={state} />;
  if (state.overlay?.kind === 'supervisor') return <SupervisorScreen state={state} />;
  if (state.overlay?.kind === 'secret') return <SecretScreen state={state} />;
  switch (state.screen) {
    case 'welcome':
      return <WelcomeScreen state={state} />;
    case 'intake':
      return <IntakeScreen state={state} />;
    case 'machine':
      return <MachineScreen state={state} />;
    case 'diagnostics':
      return <DiagnosticsScreen state={state} />;
    case 'drives':
      return <DrivesScreen state={state} />;
    case 'confirm':
      return <ConfirmScreen state={state} />;
    case 'erasing':
      return <ErasingScreen state={state} />;
    case 'results':
      return <ResultsScreen state={state} />;
    case 'certificates':
      return <CertificatesScreen state={state} />;
    case 'next':
      return <NextScreen state={state} />;
  }
}
