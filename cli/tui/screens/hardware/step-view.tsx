import { Box, Text } from 'ink';
import type { Lang, Text as Words } from '../../../../core/i18n.js';
import { testVerdict, VERDICT_WORDS } from '../../../../diagnostics/grading/verdict-words.js';
import { QUESTIONS } from '../../../../diagnostics/guided/questions.js';
import type { KeyTestState } from '../../../../diagnostics/interactive/keyboard/key-test.js';
import type { PointerTestState } from '../../../../diagnostics/interactive/pointer/pointer-test.js';
import type { UsbPortsState } from '../../../../diagnostics/interactive/usb/usb-ports.js';
import { ButtonLine } from '../../components/item-view.js';
import { currentStep, phaseItems, type SequenceState } from '../../state/hardware/sequence.js';
import { consoleSafe } from '../../wording.js';
import { ColourFill } from './colour-fill.js';
import { KeyboardView } from './keyboard-view.js';
import { PointerView } from './pointer-view.js';
import { UsbPortsView } from './usb-view.js';
import { HW, INTROS, STEP_TITLES, STICK_TITLE } from './wording.js';

/** What the running sessions show live; the sequence state says which one is on screen. */
export interface LiveState {
  keys: KeyTestState | null;
  pointer: PointerTestState | null;
  usb: UsbPortsState | null;
  unreadable: string[];
}

const RULE = '-'.repeat(78);

function itemLabel(id: string, questionId: string | null): Words {
  const fixed: Record<string, Words> = {
    start: HW.start,
    skip: HW.skip,
    continue: HW.continue,
    retry: HW.retry,
    replay: HW.replay,
  };
  const choice = QUESTIONS.find((q) => q.id === questionId)?.choices.find((c) => c.id === id);
  return fixed[id] ?? choice?.label ?? { fr: id, en: id };
}

/** One hardware step: title, then its intro, live test, question or verdict. A colour page is the fill alone. */
export function HardwareStepView(props: {
  state: SequenceState;
  live: LiveState;
  lang: Lang;
  rows?: number;
  columns?: number;
}) {
  const { state, live, lang } = props;
  const { phase } = state;
  const step = currentStep(state);
  if (!step) return null;
  if (phase.kind === 'fill')
    return <ColourFill index={phase.index} rows={props.rows ?? 25} columns={props.columns ?? 80} />;
  const stick = step.device?.role === 'pointing-stick';
  const title = stick ? STICK_TITLE : STEP_TITLES[step.id];
  const items = phaseItems(state);
  const questionId = phase.kind === 'question' ? phase.questionId : null;
  const question = QUESTIONS.find((q) => q.id === questionId);
  return (
    <Box flexDirection="column" width={80}>
      <Text>
        <Text bold>gomme</Text>
        {`  ${HW.stepOf[lang]} ${state.index + 1}/${state.steps.length} : `}
        <Text bold color="cyan">
          {title[lang].toUpperCase()}
        </Text>
      </Text>
      <Text>{RULE}</Text>
      {step.device ? <Text color="gray">{consoleSafe(step.device.name).slice(0, 78)}</Text> : null}
      {phase.kind === 'intro'
        ? (INTROS[stick ? 'stick' : step.id] ?? []).map((line) => <Text key={line.en}>{line[lang]}</Text>)
        : null}
      {phase.kind === 'running' ? <Running state={state} live={live} lang={lang} /> : null}
      {phase.kind === 'question' && question ? (
        <Box flexDirection="column">
          {phase.detail ? <Text color="yellow">{consoleSafe(phase.detail[lang])}</Text> : null}
          <Text bold>{consoleSafe(question.prompt[lang])}</Text>
        </Box>
      ) : null}
      {phase.kind === 'verdict' ? (
        <Box flexDirection="column">
          <Text bold color={phase.result.status === 'pass' ? 'green' : 'yellow'}>
            {VERDICT_WORDS[testVerdict(phase.result)][lang]}
          </Text>
          {phase.result.reasons.map((r) => (
            <Text key={r.code}>{consoleSafe(r[lang])}</Text>
          ))}
          {phase.result.status === 'pass' && step.id === 'microphone' ? (
            <Text>{HW.micGood[lang]}</Text>
          ) : null}
          {phase.result.status === 'pass' && step.id === 'webcam' ? <Text>{HW.webcamGood[lang]}</Text> : null}
        </Box>
      ) : null}
      {items.length > 0 ? <Text> </Text> : null}
      {items.map((id, i) => (
        <ButtonLine
          key={id}
          label={consoleSafe(itemLabel(id, questionId)[lang])}
          focused={'focus' in phase && phase.focus === i}
        />
      ))}
      <Text>{RULE}</Text>
    </Box>
  );
}

function Running({ state, live, lang }: { state: SequenceState; live: LiveState; lang: Lang }) {
  const step = currentStep(state);
  switch (step?.id) {
    case 'keyboard':
      return live.keys ? (
        <KeyboardView state={live.keys} lang={lang} unreadable={live.unreadable} />
      ) : (
        <Text>{HW.waitingDevice[lang]}</Text>
      );
    case 'pointer':
      return <PointerView state={live.pointer} lang={lang} />;
    case 'usb':
      return live.usb ? <UsbPortsView state={live.usb} lang={lang} /> : <Text>{HW.waitingDevice[lang]}</Text>;
    case 'speakers':
      return <Text>{HW.listen[lang]}</Text>;
    case 'microphone':
      return <Text>{HW.speakNow[lang]}</Text>;
    case 'webcam':
      return <Text>{HW.photo[lang]}</Text>;
    default:
      return null;
  }
}
