import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ScreenView } from '../../../cli/tui/app.js';
import { Frame } from '../../../cli/tui/components/frame.js';
import { diagnosticsService } from '../../../cli/tui/diagnostics-service.js';
import { finishedText } from '../../../cli/tui/screens/erasing.js';
import { type HardwareOutcome, HardwareTests } from '../../../cli/tui/screens/hardware/hardware-tests.js';
import { KeyboardView } from '../../../cli/tui/screens/hardware/keyboard-view.js';
import { PointerView } from '../../../cli/tui/screens/hardware/pointer-view.js';
import { UsbPortsView } from '../../../cli/tui/screens/hardware/usb-view.js';
import { HW } from '../../../cli/tui/screens/hardware/wording.js';
import type { TestLine } from '../../../cli/tui/services.js';
import { initialState, reduce } from '../../../cli/tui/state/reducer.js';
import type { GuideState, Notice } from '../../../cli/tui/state/types.js';
import { NOTICES, SCREEN_ORDER } from '../../../cli/tui/wording.js';
import type { JobEvent } from '../../../core/events.js';
import { type Lang, text } from '../../../core/i18n.js';
import { parseBundle } from '../../../core/run/bundle.js';
import { replaySystem } from '../../../core/run/system.js';
import { parseEvtestEvents, parseEvtestHeader } from '../../../core/tools/evtest/parse-evtest.js';
import { parseInputDevices } from '../../../core/tools/procfs/parse-input-devices.js';
import { parseUdevMonitor } from '../../../core/tools/udevadm/parse-monitor.js';
import { QUESTIONS } from '../../../diagnostics/guided/questions.js';
import { planInputTests } from '../../../diagnostics/interactive/input/input-devices.js';
import { initialKeyTest, reduceKeyTest } from '../../../diagnostics/interactive/keyboard/key-test.js';
import { LAYOUTS } from '../../../diagnostics/interactive/keyboard/layouts.js';
import { planHardwareTests } from '../../../diagnostics/interactive/plan.js';
import {
  initialPointerTest,
  reducePointerTest,
} from '../../../diagnostics/interactive/pointer/pointer-test.js';
import type { SessionClock } from '../../../diagnostics/interactive/session-clock.js';
import { initialUsbPorts, reduceUsbPorts } from '../../../diagnostics/interactive/usb/usb-ports.js';
import { QUICK_TIME_BOXES } from '../../../diagnostics/types.js';
import type { HubSyncStatus } from '../../../session/hub/sync-follower.js';
import { hardwareBundle, hardwareText } from '../../helpers/hardware-fixtures.js';
import { englishInFrench, frenchInEnglish, report } from '../../helpers/words-scan.js';
import { COMMITTED_BUNDLE } from '../../unit/words/cli-outputs.js';
import { bootStick, entry, fakeDrive, hdd, result, ssd } from '../tui/fakes.js';

/**
 * Every screen of the guide in every state it can show, and every hardware-test screen, in French and in
 * English: the scan (test/helpers/words-scan.ts) finds no word of the other language and no raw id.
 */

function view(state: GuideState): string {
  const { lastFrame, unmount } = render(
    <Box>
      <Frame state={state}>
        <ScreenView state={state} />
      </Frame>
    </Box>,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

const frameOf = (element: React.ReactElement): string => {
  const { lastFrame, unmount } = render(element);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};

const at = '2026-12-07T01:34:00Z';
const progress = (
  device: string,
  phase: 'write' | 'verify' | 'firmware',
  etaSeconds: number | null,
): JobEvent => ({
  jobId: device,
  device,
  at,
  type: 'progress',
  phase,
  pass: 1,
  passes: 3,
  bytesDone: 61e9,
  bytesTotal: 500e9,
  rate: 707e6,
  etaSeconds,
});

const sdd = fakeDrive({ path: '/dev/sdd', name: 'sdd', serial: null, model: null });
const nvme = fakeDrive({
  path: '/dev/nvme0n1',
  name: 'nvme0n1',
  transport: 'nvme',
  rotational: false,
  model: 'Samsung SSD 970',
  serial: 'S466NX0K12345',
});

async function diagSummary(lang: Lang) {
  const service = diagnosticsService(
    replaySystem(
      parseBundle(await import('node:fs').then((fs) => fs.readFileSync(COMMITTED_BUNDLE, 'utf8'))),
    ),
    {
      timeBoxes: QUICK_TIME_BOXES,
      publicDonor: () => true,
    },
  );
  const lines: TestLine[] = [];
  await service.runAutomatic({ signal: new AbortController().signal, onTest: (l) => lines.push(l) });
  return {
    summary: await service.summarise({
      answers: { keyboard: 'ok', touchpad: 'buttons', cosmetic: 'B' },
      hardware: null,
    }),
    lines,
    lang,
  };
}

/** The guide's states, each with a name for the failure message. */
async function states(lang: Lang): Promise<Array<[string, GuideState]>> {
  const base = (() => {
    let s = initialState({ lang, questions: QUESTIONS, certificates: true, canPowerOff: true });
    s = reduce(s, {
      type: 'discovered',
      found: {
        entries: [entry(hdd), entry(ssd), entry(bootStick), entry(sdd), entry(nvme)],
        warnings: [],
        onlyDevices: null,
      },
    });
    s = reduce(s, {
      type: 'machine-read',
      identity: { vendor: 'LENOVO', model: 'ThinkPad T460', serial: 'PC0ABCDE' },
    });
    return {
      ...s,
      operator: 'Awa Diallo',
      intake: { donor: 'Mairie de Lyon', lot: 'L-2025-014', assetTag: 'INV-0042', publicDonor: true },
      selected: ['/dev/sdb', '/dev/sdc'],
    };
  })();
  const out: Array<[string, GuideState]> = [];
  const add = (name: string, s: GuideState) => out.push([name, s]);
  for (const screen of SCREEN_ORDER) add(screen, { ...base, screen });
  for (const notice of Object.keys(NOTICES) as Notice[]) add(`notice ${notice}`, { ...base, notice });
  add('supervisor', { ...base, overlay: { kind: 'supervisor', returnFocus: 0 }, screen: 'drives' });
  add('quit question', { ...base, overlay: { kind: 'quit', returnFocus: 0 }, screen: 'intake' });
  add('quit question after erasures', {
    ...base,
    erasedBefore: 3,
    overlay: { kind: 'quit', returnFocus: 0 },
    screen: 'drives',
  });
  add('technician drives', { ...base, technician: true, screen: 'drives' });
  add('intake toggle', { ...base, screen: 'intake', focus: 3 });
  add('machine loading', { ...base, screen: 'machine', machine: { status: 'loading' } });
  add('machine failed', {
    ...base,
    screen: 'machine',
    machine: { status: 'failed', message: 'dmidecode: exit 1' },
  });
  add('machine unknown facts', {
    ...base,
    screen: 'machine',
    machine: { status: 'read', identity: { vendor: null, model: null, serial: null } },
  });
  const { summary, lines } = await diagSummary(lang);
  const diag = base.diag;
  add('diagnostics running', {
    ...base,
    screen: 'diagnostics',
    diag: {
      ...diag,
      phase: 'running',
      tests: [...lines, { name: 'smart-self-test:/dev/sda', status: 'running' }],
    },
  });
  add('diagnostics waiting', {
    ...base,
    screen: 'diagnostics',
    diag: { ...diag, phase: 'running', questionIndex: diag.questions?.length ?? 0, tests: lines },
  });
  add('diagnostics grading', { ...base, screen: 'diagnostics', diag: { ...diag, phase: 'grading' } });
  add('diagnostics done', { ...base, screen: 'diagnostics', diag: { ...diag, phase: 'done', summary } });
  add('diagnostics failed', {
    ...base,
    screen: 'diagnostics',
    diag: { ...diag, phase: 'failed', error: 'EIO' },
  });
  add('diagnostics unavailable', { ...initialState({ lang }), screen: 'diagnostics' });
  add('drives loading', { ...initialState({ lang }), screen: 'drives' });
  add('drives failed', {
    ...initialState({ lang }),
    screen: 'drives',
    drives: { status: 'failed', message: 'lsblk: exit 1' },
  });
  add('drives none', {
    ...base,
    screen: 'drives',
    selected: [],
    drives: { status: 'ready', found: { entries: [], warnings: [], onlyDevices: ['/dev/sdz'] } },
  });
  add('drives focus on nvme', { ...base, screen: 'drives', selected: [], focus: 3 });
  add('confirm serial', { ...base, screen: 'confirm', confirm: { step: 0, typed: '34', confirmed: [] } });
  add('confirm name', { ...base, screen: 'confirm', selected: ['/dev/sdd'] });
  add('confirm technician', { ...base, screen: 'confirm', technician: true });
  let erasing: GuideState = {
    ...base,
    screen: 'erasing',
    confirm: { step: 2, typed: '', confirmed: ['/dev/sdb', '/dev/sdc', '/dev/sdd'] },
    erase: { ...base.erase, status: 'running' },
  };
  erasing = reduce(erasing, { type: 'job-event', event: progress('/dev/sdb', 'write', 2330) });
  erasing = reduce(erasing, { type: 'job-event', event: progress('/dev/sdc', 'verify', 30) });
  erasing = reduce(erasing, { type: 'job-event', event: progress('/dev/nvme0n1', 'firmware', null) });
  add('erasing', erasing);
  add('erasing stop asked', reduce(erasing, { type: 'interrupt' }));
  add('erasing stopping', { ...erasing, erase: { ...erasing.erase, stopping: true } });
  const failed = result(entry(ssd).plan!, 'FAILED');
  failed.errors = [
    { operation: 'write', pass: 1, offset: 1_048_576, length: 65_536, code: 'EIO', message: 'i/o error' },
  ];
  const results: GuideState = reduce(
    { ...base, screen: 'erasing' },
    {
      type: 'erase-finished',
      results: [
        result(entry(hdd).plan!),
        failed,
        result(entry(nvme).plan!, 'ERASED_WITH_EXCEPTIONS'),
        result(entry(sdd).plan!, 'ABORTED'),
      ],
    },
  );
  add('results', { ...results, diag: { ...results.diag, summary } });
  add('results erase failed', {
    ...base,
    screen: 'results',
    erase: { ...base.erase, status: 'failed', error: 'EIO', results: [] },
  });
  add('results nothing', { ...base, screen: 'results', erase: { ...base.erase, results: [] } });
  const certs = base.certificates;
  add('certificates working', {
    ...base,
    screen: 'certificates',
    certificates: { ...certs, status: 'working' },
  });
  add('certificates nothing', {
    ...base,
    screen: 'certificates',
    certificates: { ...certs, status: 'nothing' },
  });
  add('certificates failed', {
    ...base,
    screen: 'certificates',
    certificates: { ...certs, status: 'failed', error: 'EACCES' },
  });
  add('certificates unavailable', {
    ...base,
    screen: 'certificates',
    certificates: { ...certs, status: 'unavailable' },
  });
  add('certificates done', {
    ...base,
    screen: 'certificates',
    certificates: {
      status: 'done',
      issued: {
        files: [
          { path: '/media/GOMME-DATA/certificats/PC0ABCDE-D1.pdf', kind: 'drive', device: '/dev/sdb' },
          { path: '/media/GOMME-DATA/certificats/PC0ABCDE-M.pdf', kind: 'machine', device: null },
        ],
        savedIn: '/media/GOMME-DATA/certificats',
        notice: null,
      },
      error: null,
    },
  });
  // The push to the hub, netbooted (held) and on a stick, on the two screens that show it.
  const why = text('le hub ne répond pas', 'the hub does not answer');
  const hubStatuses: HubSyncStatus[] = [
    { kind: 'sending', pending: null },
    { kind: 'sending', pending: 3 },
    { kind: 'unreachable', pending: 3, retryInMs: 8000, reason: why },
    { kind: 'refused', pending: 2, rejected: 2, reason: why },
    { kind: 'refused', pending: 1, rejected: 1, reason: why },
    { kind: 'failed', reason: why },
    { kind: 'acknowledged' },
    { kind: 'unlinked' },
  ];
  for (const holds of [true, false])
    for (const status of hubStatuses)
      for (const screen of ['certificates', 'next'] as const)
        add(`hub ${status.kind} ${holds ? 'netbooted' : 'stick'} ${screen}`, {
          ...base,
          screen,
          hub: { holds, status, request: 1 },
        });
  // Netbooted, the enrolment at boot failed: said on the first screen, before anything is erased.
  add('welcome, netbooted and linked to no hub', {
    ...base,
    screen: 'welcome',
    hub: { holds: true, status: { kind: 'unlinked' }, request: 0 },
  });
  add('quit question, hub holding', {
    ...base,
    screen: 'next',
    overlay: { kind: 'quit', returnFocus: 0 },
    hub: { holds: true, status: hubStatuses[2] as HubSyncStatus, request: 1 },
  });
  return out;
}

/** Lines printed above the live bars as each drive finishes. */
const finished = (lang: Lang) =>
  (['ERASED', 'ERASED_WITH_EXCEPTIONS', 'FAILED', 'ABORTED'] as const)
    .map((r, i) =>
      finishedText({ device: '/dev/sdb', result: r, seconds: i * 3600 + 7, verified: i % 2 === 0 }, lang),
    )
    .join('\n');

const plan = planHardwareTests(
  planInputTests(parseInputDevices(hardwareText('input/proc-bus-input-devices-with-uinput.txt'))),
  {
    audio: [{ index: 0, name: 'HDA-Intel - HDA Intel' }],
    webcams: [{ device: '/dev/video0', name: 'vivid-000-vid-cap' }],
    system: { formFactor: 'laptop' },
  },
);
const stillClock: SessionClock = { nowMs: () => 1_000_000, every: () => () => {} };
const tick = (ms = 25) => new Promise((r) => setTimeout(r, ms));

/** The hardware tests on the replayed QEMU capture, walked with Enter and a key for the colours; every frame. */
async function hardwareFrames(lang: Lang): Promise<{ frames: string; outcome: HardwareOutcome | null }> {
  const system = replaySystem(parseBundle(JSON.stringify(hardwareBundle())), undefined, { pace: 'instant' });
  let outcome: HardwareOutcome | null = null;
  const app = render(
    <HardwareTests
      system={system}
      plan={plan}
      lang={lang}
      clock={stillClock}
      onDone={(o) => {
        outcome = o;
      }}
    />,
  );
  // Enter on every screen, except past "test again" / "play again" (the first choice after a test).
  const again = [HW.retry[lang], HW.replay[lang]];
  for (let i = 0; i < 400 && !outcome; i++) {
    await tick();
    const focused = (app.lastFrame() ?? '').split('\n').find((l) => l.startsWith('> ['));
    app.stdin.write(focused && again.some((w) => focused.includes(w)) ? '\u001B[B' : '\r');
  }
  const frames = [...new Set(app.frames)].join('\n');
  app.unmount();
  return { frames, outcome };
}

/** The live views of the three interactive tests, on captured events. */
function liveViews(lang: Lang): string {
  const layout = lang === 'fr' ? LAYOUTS.fr : LAYOUTS.us;
  const keys = parseEvtestEvents(hardwareText('input/evtest-grab-kbd-esc-bounce-then-stuck.out'));
  let k = keys.reduce((s, event) => reduceKeyTest(s, { type: 'event', event }), initialKeyTest(layout));
  const last = keys.at(-1)?.timeUs ?? 0;
  const holding = frameOf(
    <KeyboardView state={reduceKeyTest(k, { type: 'tick', nowUs: last + 1_000_000 })} lang={lang} />,
  );
  k = reduceKeyTest(k, { type: 'tick', nowUs: last + 40_000_000 });
  const idle = frameOf(<KeyboardView state={k} lang={lang} unreadable={['/dev/input/event9']} />);
  const pad = hardwareText('input/evtest-grab-usb-tablet-three-corners-left-only.out');
  const header = parseEvtestHeader(pad);
  const p = parseEvtestEvents(pad).reduce(
    (s, event) => reducePointerTest(s, { type: 'event', event }),
    initialPointerTest({ mode: 'absolute', x: header.abs[0], y: header.abs[1] }),
  );
  let usb = initialUsbPorts();
  for (const event of parseUdevMonitor(hardwareText('usb/udevadm-monitor-usb.out')))
    usb = reduceUsbPorts(usb, { type: 'udev', event });
  return [
    holding,
    idle,
    frameOf(<PointerView state={p} lang={lang} />),
    frameOf(<UsbPortsView state={usb} lang={lang} />),
  ].join('\n');
}

const scan = { fr: englishInFrench, en: frenchInEnglish } as const;

describe('the guide speaks one language on every screen', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`every guide screen and state (${lang})`, async () => {
      const all = await states(lang);
      expect(all.length).toBeGreaterThanOrEqual(40);
      const problems = all.map(([name, s]) => report(name, scan[lang](view(s)))).filter(Boolean);
      problems.push(report('finished lines', scan[lang](finished(lang))));
      expect(problems.filter(Boolean).join('\n')).toBe('');
    });

    it(`every hardware-test screen, walked on the QEMU capture (${lang})`, async () => {
      const { frames, outcome } = await hardwareFrames(lang);
      expect(outcome, frames.slice(-2000)).not.toBeNull();
      expect(report('hardware tests', scan[lang](frames))).toBe('');
      // French quotes keep their spaces inside on the console: "Front Left", never " Front Left ".
      expect(frames.match(/" [A-Z][^"\n]* "/g) ?? []).toEqual([]);
      expect(report('live views', scan[lang](liveViews(lang)))).toBe('');
    });
  }

  it('French screens use the shared words', async () => {
    const all = Object.fromEntries(await states('fr'));
    expect(view(all.results as GuideState)).toMatch(/EFFACÉ AVEC RÉSERVES|ÉCHEC/);
    expect(view(all.erasing as GuideState)).toContain('707 Mo/s');
    expect(view(all.erasing as GuideState)).toContain('12,2 %');
    expect(view(all['diagnostics running'] as GuideState)).toContain('autotest du disque (SMART)');
  });
});
