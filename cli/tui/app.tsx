import { Box, Static, Text, useApp, useInput } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import type { Lang } from '../../core/i18n.js';
import { Frame } from './components/frame.js';
import { CertificatesScreen } from './screens/certificates.js';
import { ConfirmScreen } from './screens/confirm.js';
import { DiagnosticsScreen } from './screens/diagnostics.js';
import { DrivesScreen } from './screens/drives.js';
import { ErasingScreen, finishedText } from './screens/erasing.js';
import { IntakeScreen } from './screens/intake.js';
import { MachineScreen } from './screens/machine.js';
import { NextScreen } from './screens/next.js';
import { ResultsScreen } from './screens/results.js';
import { SupervisorScreen } from './screens/supervisor.js';
import { WelcomeScreen } from './screens/welcome.js';
import type { GuideServices } from './services.js';
import { keyToAction } from './state/keys.js';
import { initialState, reduce } from './state/reducer.js';
import type { Action, GuideState } from './state/types.js';
import { useGuideEffects } from './use-guide-effects.js';
import { W } from './wording.js';

export interface GuideAppProps {
  services: GuideServices;
  lang: Lang;
  technician?: boolean;
  /** Called once when the trainee leaves (quit or power off); the state says which. */
  onExit?: (state: GuideState) => void;
}

/** The whole guide: one reducer, one key handler, effects that call the services. */
export function GuideApp({ services, lang, technician, onExit }: GuideAppProps) {
  const [state, dispatch] = useReducer(
    reduce,
    {
      lang,
      technician: technician ?? false,
      questions: services.diagnostics?.questions ?? null,
      certificates: services.certificates !== undefined,
      canPowerOff: services.powerOff !== undefined,
    },
    initialState,
  );
  const stateRef = useRef(state);
  stateRef.current = state;
  const { exit } = useApp();
  useInput((input, key) => {
    const action: Action | null = keyToAction(stateRef.current, input, key);
    if (action) dispatch(action);
  });
  useGuideEffects(state, dispatch, services);
  useEffect(() => {
    if (state.quit || state.powerOffRequested) {
      onExit?.(state);
      exit();
    }
  }, [state, exit, onExit]);

  return (
    <Box flexDirection="column">
      <Static items={state.erase.finished}>
        {(line) => (
          <Text key={line.device} color={line.result === 'ERASED' ? 'green' : 'yellow'}>
            {finishedText(line, state.lang)}
          </Text>
        )}
      </Static>
      <Frame
        screen={state.screen}
        lang={state.lang}
        notice={state.notice}
        warning={state.warning}
        hint={state.screen === 'erasing' ? W.keysErasing[state.lang] : undefined}
      >
        <ScreenView state={state} />
      </Frame>
    </Box>
  );
}

export function ScreenView({ state }: { state: GuideState }) {
  if (state.supervisor) return <SupervisorScreen state={state} />;
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
