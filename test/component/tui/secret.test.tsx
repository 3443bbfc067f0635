import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { GuideApp, ScreenView } from '../../../cli/tui/app.js';
import { Frame } from '../../../cli/tui/components/frame.js';
import type { Discovered, DriveEntry } from '../../../cli/tui/services.js';
import { itemsFor } from '../../../cli/tui/state/items.js';
import { type KeyLike, keyToAction } from '../../../cli/tui/state/keys.js';
import { initialState, reduce } from '../../../cli/tui/state/reducer.js';
import type { GuideState } from '../../../cli/tui/state/types.js';
import type { Drive } from '../../../core/drive.js';
import { CredentialStore } from '../../../erasure/purge/credentials.js';
import { planTargets } from '../../../session/index.js';
import { lockedAtaDrive, lockedOpalDrive } from '../../helpers/locked-drives.js';
import { englishInFrench, frenchInEnglish, report } from '../../helpers/words-scan.js';
import { bootStick, entry, fakeServices, hdd } from './fakes.js';

const PSID = 'ABCD1234EFGH5678IJKL9012MNOP3456';

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

/** A drive as the real service reports it: planned by the session (with the secrets typed so far). */
function planned(drive: Drive, used: number, credentials = new CredentialStore()): DriveEntry {
  const t = planTargets([drive], [drive.path], { credentials })[0]!;
  const kind = drive.capabilities.tcg?.locked ? 'psid' : 'ata-password';
  const serial = drive.serial!;
  return {
    drive,
    plan: t.plan,
    refusal: t.refusal?.message ?? null,
    secret: { kind, serial, used, limit: 5, given: credentials.get(serial) !== null },
  };
}

const ata = lockedAtaDrive('/dev/sdc');
const opal = lockedOpalDrive('/dev/sdd');

function atDrives(lang: 'fr' | 'en' = 'fr', used = 1): GuideState {
  const found: Discovered = {
    entries: [entry(hdd), planned(ata, 3), planned(opal, used), entry(bootStick)],
    warnings: [],
    onlyDevices: null,
  };
  return { ...reduce(initialState({ lang }), { type: 'discovered', found }), screen: 'drives' };
}

function press(state: GuideState, input: string, key: KeyLike = {}): GuideState {
  const action = keyToAction(state, input, key);
  return action ? reduce(state, action) : state;
}
const typeText = (state: GuideState, text: string) => press(state, text);
const enter = (s: GuideState) => press(s, '', { return: true });
const esc = (s: GuideState) => press(s, '', { escape: true });
const focusOn = (state: GuideState, id: string): GuideState => ({
  ...state,
  focus: itemsFor(state).findIndex((i) => i.kind === 'unlock' && i.id === id),
});

function expectFits(frame: string) {
  const lines = frame.split('\n');
  expect(lines.length, frame).toBeLessThanOrEqual(25);
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
  expect(frame).not.toMatch(/[^\u0000-\u00ff]/);
}

describe('a locked drive on the drive list', () => {
  it('keeps its "à détruire" plan and gets a button to type its secret', () => {
    const s = atDrives();
    const f = view(focusOn(s, '/dev/sdd'));
    expectFits(f);
    expect(f).toContain('[ Taper le mot de passe de sdc ]');
    expect(f).toContain('> [ Taper le PSID de sdd (sur son étiquette) ]');
    // Space on the button does nothing; only Enter opens the panel.
    expect(press(focusOn(s, '/dev/sdd'), ' ').overlay).toBeNull();
  });
});

describe('the PSID panel', () => {
  it('says where the PSID is, how many tries are left, and shows what is typed', () => {
    let s = enter(focusOn(atDrives(), '/dev/sdd'));
    expect(s.overlay?.kind).toBe('secret');
    let f = view(s);
    expectFits(f);
    expect(f).toContain('*** DISQUE CHIFFRANT VERROUILLÉ ***');
    expect(f).toContain("sur l'étiquette collée sur le disque, après le mot PSID");
    expect(f).toContain('Essais : 1 sur 5 déjà utilisés, il en reste 4.');
    expect(f).toContain('Échap : passer');
    expect(report('psid panel', englishInFrench(f))).toBe('');
    s = typeText(s, 'ABCD-1234');
    f = view(s);
    expect(f).toContain('> PSID              : ABCD-1234_');
    expect(f).toContain('Tapez le PSID  Entrée : valider  Échap : revenir ou passer');
  });

  it('refuses a PSID of the wrong length, then shows a right one back in groups before handing it over', () => {
    let s = enter(focusOn(atDrives(), '/dev/sdd'));
    s = enter(typeText(enter(typeText(s, 'ABCD')), 'ABCD'));
    expect(view(s)).toContain('Un PSID fait 32 lettres ou chiffres (4 saisis)');
    s = enter(typeText(enter(typeText(s, PSID)), PSID.toLowerCase()));
    const f = view(s);
    expect(f).toContain('ABCD 1234 EFGH 5678 IJKL 9012 MNOP 3456');
    expect(f).toContain("Entrée : c'est bien le PSID de l'étiquette.");
    expect(s.secretHandOff).toBeNull();
    s = enter(s);
    expect(s.overlay).toBeNull();
    expect(s.secret).toBeNull();
    expect(s.secretHandOff).toEqual({
      device: '/dev/sdd',
      serial: opal.serial,
      credential: { kind: 'tcg-psid', secret: PSID },
    });
    // The focus is back on the button it left.
    expect(itemsFor(s)[s.focus]).toEqual({ kind: 'unlock', id: '/dev/sdd' });
  });

  it('Esc skips: nothing is handed over, the drive stays "à détruire" and unticked', () => {
    const s = esc(typeText(enter(focusOn(atDrives(), '/dev/sdd')), 'AB'));
    expect(s.overlay).toBeNull();
    expect(s.secretHandOff).toBeNull();
    expect(s.selected).not.toContain('/dev/sdd');
  });

  it('Ctrl-C asks the stop question; staying comes back to the drive list, the typing dropped', () => {
    let s = typeText(enter(focusOn(atDrives(), '/dev/sdd')), 'ABCD');
    s = press(s, 'c', { ctrl: true });
    expect(s.overlay?.kind).toBe('quit');
    expect(s.secret).toBeNull();
    s = enter(s); // "stay" is first
    expect(s.overlay).toBeNull();
    expect(itemsFor(s)[s.focus]).toEqual({ kind: 'unlock', id: '/dev/sdd' });
  });

  it('with no try left, says to power the drive off and takes no typing', () => {
    let s = enter(focusOn(atDrives('fr', 5), '/dev/sdd'));
    s = typeText(s, 'ABCD');
    const f = view(s);
    expect(f).toContain('Plus aucun essai');
    expect(f).not.toContain('ABCD');
    expect(enter(s).secretHandOff).toBeNull();
  });
});

describe('the ATA password panel', () => {
  it('hides the password, names user or master, and hands over the kind chosen', () => {
    let s = enter(focusOn(atDrives(), '/dev/sdc'));
    let f = view(s);
    expectFits(f);
    expect(f).toContain('*** DISQUE VERROUILLÉ PAR UN MOT DE PASSE ***');
    expect(f).toContain('seul le donateur le connaît');
    expect(f).toContain('Essais : 3 sur 5 déjà utilisés, il en reste 2.');
    expect(f).toContain('< utilisateur >');
    s = press(s, '', { rightArrow: true });
    s = typeText(s, 'hunter2');
    f = view(s);
    expect(f).toContain('< maître >');
    expect(f).toContain(': *******_');
    expect(f).not.toContain('hunter2');
    s = enter(typeText(enter(s), 'hunter2'));
    expect(s.secretHandOff?.credential).toEqual({ kind: 'ata-master', secret: 'hunter2' });
  });

  it('is English with --lang en', () => {
    const f = view(enter(focusOn(atDrives('en'), '/dev/sdc')));
    expect(f).toContain('*** DRIVE LOCKED WITH A PASSWORD ***');
    expect(f).toContain('Tries: 3 of 5 already used, 2 left.');
  });
});

describe('every state of both panels speaks one language', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(lang, () => {
      const scan = lang === 'fr' ? englishInFrench : frenchInEnglish;
      const psid = enter(focusOn(atDrives(lang), '/dev/sdd'));
      const review = enter(typeText(enter(typeText(psid, PSID)), PSID));
      const wrong = enter(typeText(enter(typeText(psid, 'AB')), 'AB'));
      const password = enter(focusOn(atDrives(lang), '/dev/sdc'));
      const spent = enter(focusOn(atDrives(lang, 5), '/dev/sdd'));
      const frames = [atDrives(lang), psid, review, wrong, password, spent].map((st) => view(st));
      for (const f of frames) expectFits(f);
      expect(report(`secret panels (${lang})`, scan(frames.join('\n')))).toBe('');
    });
  }
});

describe('the guide hands the secret to the credential service', () => {
  it('the drive is planned again with it, ticked, and its plan is no longer "à détruire"', async () => {
    const store = new CredentialStore();
    const found = (): Discovered => ({
      entries: [entry(hdd), planned(opal, 0, store)],
      warnings: [],
      onlyDevices: null,
    });
    const fake = fakeServices();
    const provide = vi.fn(async ({ serial, credential }) => {
      store.provide(serial, credential);
      return found();
    });
    fake.services.discover = async () => found();
    fake.services.credentials = { provide };
    const app = render(<GuideApp services={fake.services} lang="fr" />);
    const tick = () => new Promise((r) => setTimeout(r, 30));
    // Straight to the drive list's button: the flow before it is tested elsewhere.
    for (let i = 0; i < 50 && !(app.lastFrame() ?? '').includes('Votre'); i++) await tick();
    const write = async (...keys: string[]) => {
      for (const k of keys) {
        app.stdin.write(k);
        await tick();
      }
    };
    await write('Awa', '\r', '\r', 'D', '\u001B[B', 'L-1', '\u001B[B', '\u001B[B', '\u001B[B', '\r');
    await vi.waitFor(() => expect(app.lastFrame()).toContain('ThinkPad'));
    await write('\r');
    await vi.waitFor(() => expect(app.lastFrame()).toContain('non disponibles'));
    await write('\r');
    await vi.waitFor(() => expect(app.lastFrame()).toContain('Taper le PSID de sdd'));
    await write('\u001B[B', '\u001B[B', '\r');
    await vi.waitFor(() => expect(app.lastFrame()).toContain('DISQUE CHIFFRANT VERROUILLÉ'));
    await write(PSID, '\r', PSID, '\r', '\r');
    await vi.waitFor(() => expect(provide).toHaveBeenCalledTimes(1));
    expect(provide.mock.calls[0]?.[0]).toMatchObject({ device: '/dev/sdd', credential: { secret: PSID } });
    const f = await vi.waitFor(() => {
      const frame = app.lastFrame() ?? '';
      expect(frame).toContain('PSID tapé pour sdd : le retaper');
      return frame;
    });
    expect(f).toMatch(/\[X\] \/dev\/sdd/);
    expect(f).toContain('Remise à zéro par le PSID');
    app.unmount();
  });
});
