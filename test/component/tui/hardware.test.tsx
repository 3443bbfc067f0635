import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { type HardwareOutcome, HardwareTests } from '../../../cli/tui/screens/hardware/hardware-tests.js';
import { KeyboardView } from '../../../cli/tui/screens/hardware/keyboard-view.js';
import { PointerView } from '../../../cli/tui/screens/hardware/pointer-view.js';
import { HardwareStepView, type LiveState } from '../../../cli/tui/screens/hardware/step-view.js';
import { UsbPortsView } from '../../../cli/tui/screens/hardware/usb-view.js';
import {
  initialSequence,
  reduceSequence,
  type SequenceState,
  stepsFor,
} from '../../../cli/tui/state/hardware/sequence.js';
import { parseBundle } from '../../../core/run/bundle.js';
import { replaySystem } from '../../../core/run/system.js';
import { parseEvtestEvents, parseEvtestHeader } from '../../../core/tools/evtest/parse-evtest.js';
import { parseInputDevices } from '../../../core/tools/procfs/parse-input-devices.js';
import { parseUdevMonitor } from '../../../core/tools/udevadm/parse-monitor.js';
import { planInputTests, readInputPlan } from '../../../diagnostics/interactive/input/input-devices.js';
import {
  initialKeyTest,
  type KeyTestState,
  reduceKeyTest,
} from '../../../diagnostics/interactive/keyboard/key-test.js';
import { LAYOUTS } from '../../../diagnostics/interactive/keyboard/layouts.js';
import { planHardwareTests } from '../../../diagnostics/interactive/plan.js';
import {
  initialPointerTest,
  reducePointerTest,
} from '../../../diagnostics/interactive/pointer/pointer-test.js';
import type { SessionClock } from '../../../diagnostics/interactive/session-clock.js';
import { initialUsbPorts, reduceUsbPorts } from '../../../diagnostics/interactive/usb/usb-ports.js';
import { hardwareBundle, hardwareText } from '../../helpers/hardware-fixtures.js';

const ENTER = '\r';
const DOWN = '\u001B[B';
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const stillClock: SessionClock = { nowMs: () => 1_000_000, every: () => () => {} };

function frameOf(element: React.ReactElement): string {
  const { lastFrame, unmount } = render(element);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

/** Console limits: 80 columns, 25 rows, Latin-1 only. */
function expectConsoleSafe(frame: string): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(25);
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
  expect(frame).not.toMatch(/[^\u0000-\u00ff]/);
}

const keyState = (fixture: string, layout = LAYOUTS.fr): KeyTestState =>
  parseEvtestEvents(hardwareText(`input/${fixture}.out`)).reduce(
    (s, event) => reduceKeyTest(s, { type: 'event', event }),
    initialKeyTest(layout),
  );

const emptyLive: LiveState = { keys: null, pointer: null, usb: null, unreadable: [] };
const plan = planHardwareTests(
  planInputTests(parseInputDevices(hardwareText('input/proc-bus-input-devices-with-uinput.txt'))),
  {
    audio: [{ index: 0, name: 'HDA-Intel - HDA Intel' }],
    webcams: [{ device: '/dev/video0', name: 'vivid-000-vid-cap' }],
    system: { formFactor: 'laptop' },
  },
);

describe('hardware screens fit the Linux console, in French and English', () => {
  it('key tester: the whole AZERTY and US boards, seen keys without brackets', () => {
    const fr = frameOf(<KeyboardView state={keyState('evtest-grab-kbd-five-keys-missing')} lang="fr" />);
    expectConsoleSafe(fr);
    expect(fr).toContain('Touches vues : 72 / 77');
    expect(fr).toContain(' Échap '); // seen: drawn without brackets
    expect(fr).toContain('[F5]');
    expect(fr).toContain('[B]');
    expect(fr).toContain('Pour finir : maintenez Échap 2 s, puis relâchez.');
    const us = frameOf(
      <KeyboardView state={keyState('evtest-grab-kbd-all-keys-then-esc-hold', LAYOUTS.us)} lang="en" />,
    );
    expectConsoleSafe(us);
    expect(us).toContain('Keys seen: 76 / 76');
    expect(us).not.toMatch(/\[[A-Z]\]/);
  });

  it('key tester: the hold bar, the idle count-down and a stuck key are shown', () => {
    const recorded = parseEvtestEvents(hardwareText('input/evtest-grab-kbd-esc-bounce-then-stuck.out'));
    let state = recorded.reduce(
      (s, event) => reduceKeyTest(s, { type: 'event', event }),
      initialKeyTest(LAYOUTS.fr),
    );
    const last = recorded.at(-1)?.timeUs ?? 0;
    const holding = frameOf(
      <KeyboardView state={reduceKeyTest(state, { type: 'tick', nowUs: last + 1_000_000 })} lang="fr" />,
    );
    expect(holding).toMatch(/Échap \[#+-+\]/);
    state = reduceKeyTest(state, { type: 'tick', nowUs: last + 40_000_000 });
    const idle = frameOf(
      <KeyboardView
        state={state}
        lang="fr"
        unreadable={['/dev/input/event9 evtest: No such file or directory']}
      />,
    );
    expectConsoleSafe(idle);
    expect(idle).toContain('Relâchez Échap pour finir.');
    expect(idle).toContain('Fin automatique dans 20 s');
    expect(idle).toContain('Touche bloquée ? Échap');
    expect(idle).toContain('Impossible de lire ce périphérique');
  });

  it('pointer: the pad with corners reached and the marker', () => {
    const text = hardwareText('input/evtest-grab-usb-tablet-three-corners-left-only.out');
    const header = parseEvtestHeader(text);
    const state = parseEvtestEvents(text).reduce(
      (s, event) => reducePointerTest(s, { type: 'event', event }),
      initialPointerTest({ mode: 'absolute', x: header.abs[0], y: header.abs[1] }),
    );
    const frame = frameOf(<PointerView state={state} lang="fr" />);
    expectConsoleSafe(frame);
    expect(frame).toContain('|OK');
    expect(frame).toContain('..|');
    expect(frame).toContain('*');
    expect(frame).toContain('Coins : 3/4 haut-gauche, haut-droite, bas-gauche');
    expect(frame).toContain('Boutons : gauche OK, droit --');
  });

  it('USB ports: the live count and what to do next', () => {
    let state = initialUsbPorts();
    for (const event of parseUdevMonitor(hardwareText('usb/udevadm-monitor-usb.out')).slice(0, 1)) {
      state = reduceUsbPorts(state, { type: 'udev', event });
    }
    const frame = frameOf(<UsbPortsView state={state} lang="en" />);
    expectConsoleSafe(frame);
    expect(frame).toContain('Ports that answered: 1');
    expect(frame).toContain('Stick seen on port 2-1: unplug it, go to the next one.');
  });

  it('every step intro, question and verdict', () => {
    for (const lang of ['fr', 'en'] as const) {
      let state: SequenceState = initialSequence(stepsFor(plan));
      for (let i = 0; i < state.steps.length; i++) {
        expectConsoleSafe(frameOf(<HardwareStepView state={state} live={emptyLive} lang={lang} />));
        state = reduceSequence(state, { type: 'skip' });
      }
      const asking = reduceSequence(initialSequence(stepsFor(plan)), {
        type: 'ask',
        questionId: 'keyboard',
        detail: {
          fr: 'Pas vues : 5 touche(s) : F5 < B AltGr /\\',
          en: 'Not seen: 5 key(s): F5 < B AltGr /\\',
        },
        extras: ['retry'],
      });
      const frame = frameOf(<HardwareStepView state={asking} live={emptyLive} lang={lang} />);
      expectConsoleSafe(frame);
      expect(frame).toContain(
        lang === 'fr' ? "Ces touches n'existent pas sur ce clavier" : 'These keys are not on this keyboard',
      );
      expect(frame).toContain(lang === 'fr' ? '> [ Refaire le test ]' : '> [ Test again ]');
    }
  });
});

describe('the hardware tests, run on a replayed capture of the QEMU guest', () => {
  it('walks every step with the keyboard of the terminal and reports the results', async () => {
    const system = replaySystem(parseBundle(JSON.stringify(hardwareBundle())), undefined, {
      pace: 'instant',
    });
    const input = await readInputPlan(system);
    expect(input.pointers).toHaveLength(3);
    let outcome: HardwareOutcome | null = null;
    const { lastFrame, stdin, unmount } = render(
      <HardwareTests
        system={system}
        plan={plan}
        lang="fr"
        clock={stillClock}
        onDone={(o) => {
          outcome = o;
        }}
      />,
    );
    const waitFor = async (text: string) => {
      for (let i = 0; i < 100; i++) {
        if ((lastFrame() ?? '').includes(text)) return;
        await tick(20);
      }
      throw new Error(`"${text}" never appeared:\n${lastFrame()}`);
    };
    const press = async (...keys: string[]) => {
      for (const k of keys) {
        stdin.write(k);
        await tick();
      }
    };
    await waitFor('TEST DU CLAVIER');
    await press(ENTER);
    await waitFor('OK');
    await press(ENTER); // keyboard: all 77 keys, verdict OK, continue
    await waitFor('ImExPS/2');
    await press(ENTER);
    await waitFor('Pas vues : gauche, droit');
    await press(DOWN, DOWN, DOWN, ENTER); // retry, ok, dead, buttons → "a button does not click"
    await waitFor('gomme uinput clickpad');
    await press(ENTER);
    await waitFor('[ Continuer ]');
    await press(ENTER);
    await waitFor('TEST DU TRACKPOINT');
    await press(ENTER);
    await waitFor('[ Continuer ]');
    await press(ENTER);
    await waitFor("TEST DE L'ÉCRAN");
    await press(ENTER, 'x', 'x', 'x', 'x', 'x');
    await waitFor('couleurs pleines');
    await press(ENTER, ENTER, ENTER); // screen ok, no dead pixel (A), backlight ok
    await waitFor('TEST DES HAUT-PARLEURS');
    await press(ENTER);
    await waitFor('Front Left');
    await press(DOWN, ENTER); // past "Play again": heard both
    await waitFor('TEST DU MICRO');
    await press(ENTER);
    await waitFor('Le micro entend bien.');
    await press(DOWN, ENTER);
    await waitFor('TEST DE LA WEBCAM');
    await press(ENTER);
    await waitFor('La webcam donne une image.');
    await press(DOWN, ENTER);
    await waitFor('TEST DES PORTS USB');
    await press(ENTER);
    await waitFor('Ports qui ont répondu : 3');
    await press(DOWN, ENTER);
    for (let i = 0; i < 50 && !outcome; i++) await tick(20);
    unmount();
    const done = outcome as HardwareOutcome | null;
    if (!done) throw new Error('never finished');
    const by = Object.fromEntries(
      done.results.map((r) => [`${r.name}${r.subject ? `:${r.subject}` : ''}`, r.status]),
    );
    expect(by).toEqual({
      keyboard: 'pass',
      'touchpad:ImExPS/2 Generic Explorer Mouse': 'fail',
      'touchpad:gomme uinput clickpad': 'pass',
      'touchpad:gomme uinput pointing stick': 'pass',
      screen: 'pass',
      'dead-pixels': 'pass',
      backlight: 'pass',
      speakers: 'pass',
      microphone: 'pass',
      'webcam-image:/dev/video0': 'pass',
      'usb-ports': 'pass',
    });
    expect(done.ranTests).toEqual([
      'keyboard',
      'pointer',
      'screen',
      'speakers',
      'microphone',
      'webcam',
      'usb',
    ]);
    expect(done.results.find((r) => r.name === 'usb-ports')?.values).toMatchObject({
      portsAnswered: 3,
      choice: 'ok',
    });
  });
});
