import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { GuideApp } from '../../../cli/tui/app.js';
import type { GuideState } from '../../../cli/tui/state/types.js';
import { CTRL_C, DOWN, drawn, ENTER, keys, tick } from '../../helpers/ink-keys.js';
import { barePlan, bootStick, entry, fakeDiagnostics, fakeServices, hdd, ssd } from './fakes.js';

async function waitFor(frame: () => string | undefined, text: string, timeoutMs = 2000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const f = frame() ?? '';
    if (f.includes(text)) return f;
    await tick(20);
  }
  throw new Error(`"${text}" never appeared; last frame:\n${frame()}`);
}

describe('GuideApp with fake services', () => {
  it('goes from welcome to a confirmed erasure and back out, saving the intake', async () => {
    const at = '2025-01-01T00:00:00Z';
    const fake = fakeServices({
      entries: [entry(hdd), entry(bootStick)],
      memory: { operator: 'Awa', intake: { donor: 'Mairie', lot: 'L-7', assetTag: '', publicDonor: true } },
      events: (plan) => [
        {
          jobId: 'j',
          device: plan.drive.path,
          at,
          type: 'job-started',
          method: 'nist-clear',
          passes: 1,
          sizeBytes: 1,
          resumed: false,
        },
        {
          jobId: 'j',
          device: plan.drive.path,
          at,
          type: 'verify-finished',
          pass: 1,
          bytesRead: 1,
          mismatches: 0,
          passed: true,
        },
        { jobId: 'j', device: plan.drive.path, at, type: 'job-finished', result: 'ERASED', seconds: 12 },
      ],
    });
    let exited: GuideState | null = null;
    const { lastFrame, stdin, unmount } = render(
      <GuideApp
        services={fake.services}
        lang="fr"
        onExit={(s) => {
          exited = s;
        }}
      />,
    );
    await waitFor(lastFrame, 'Votre prénom et nom');
    await waitFor(lastFrame, 'Awa_'); // remembered operator
    await keys(stdin, ENTER, ENTER); // field -> Continuer -> intake
    await waitFor(lastFrame, 'L-7');
    await keys(stdin, DOWN, DOWN, 'I', 'N', 'V', '1', DOWN, DOWN, ENTER);
    let f = await waitFor(lastFrame, 'ThinkPad T460');
    // The intake is saved by an effect that may run just after the next screen's first frame.
    await vi.waitFor(() =>
      expect(fake.saved).toEqual([
        { operator: 'Awa', intake: { donor: 'Mairie', lot: 'L-7', assetTag: '', publicDonor: true } },
      ]),
    );
    await keys(stdin, ENTER); // yes, it is this machine
    await waitFor(lastFrame, 'non disponibles');
    await keys(stdin, ENTER);
    f = await waitFor(lastFrame, '[ ] /dev/sdb');
    expect(f).toContain('PROTÉGÉ');
    await keys(stdin, ' ', DOWN, ENTER); // tick sdb, Continuer
    await waitFor(lastFrame, 'Tapez les 4 derniers');
    await keys(stdin, '1', '1', '1', '1', ENTER);
    f = await waitFor(lastFrame, "Ce n'est pas le bon code");
    expect(fake.erased).toEqual([]);
    await keys(stdin, '3', '4', '5', '6', ENTER);
    f = await waitFor(lastFrame, 'RÉSULTATS');
    expect(f).toMatch(/\/dev\/sdb\s+EFFACÉ/);
    expect(fake.erased.map((plans) => plans.map((p) => p.drive.path))).toEqual([['/dev/sdb']]);
    // What was typed at intake goes with the batch, the asset tag included.
    expect(fake.facts).toEqual([{ operator: 'Awa', donor: 'Mairie', lot: 'L-7', assetTag: 'INV1' }]);
    await keys(stdin, ENTER);
    await waitFor(lastFrame, 'Certificats : non disponibles');
    await keys(stdin, ENTER);
    await waitFor(lastFrame, 'Machine suivante');
    await keys(stdin, DOWN, ENTER);
    await tick(50);
    expect(exited).not.toBeNull();
    expect((exited as GuideState | null)?.quit).toBe(true);
    unmount();
  });

  it('Ctrl-C during an erasure asks, then stops the jobs through the abort signal', async () => {
    const fake = fakeServices({ entries: [entry(hdd)], holdErase: true });
    const { lastFrame, stdin, unmount } = render(<GuideApp services={fake.services} lang="en" technician />);
    await waitFor(lastFrame, 'Your first and last name');
    await keys(stdin, 'B', 'o', ENTER, ENTER);
    await keys(stdin, DOWN, 'L', '1', DOWN, DOWN, DOWN, ENTER);
    await waitFor(lastFrame, 'Yes, it is this machine');
    await keys(stdin, ENTER);
    await waitFor(lastFrame, 'not available');
    await keys(stdin, ENTER);
    await waitFor(lastFrame, '[ ] /dev/sdb');
    await keys(stdin, ENTER); // Enter validates the list: nothing ticked yet, it says so and ticks nothing
    await waitFor(lastFrame, 'Tick at least one drive');
    await keys(stdin, ' ', ENTER);
    await waitFor(lastFrame, 'Technician mode. Type the word: ERASE');
    await keys(stdin, 'e', 'r', 'a', 's', 'e', ENTER);
    await waitFor(lastFrame, 'ERASING');
    await keys(stdin, CTRL_C);
    await waitFor(lastFrame, 'Do you really want to stop');
    await keys(stdin, ENTER); // default: keep going
    expect(fake.abortSeen()).toBe(false);
    expect(lastFrame()).not.toContain('Do you really want to stop');
    await keys(stdin, CTRL_C, DOWN, ENTER);
    const f = await waitFor(lastFrame, 'ABORTED');
    expect(fake.abortSeen()).toBe(true);
    expect(f).toContain('gomme erase --resume');
    unmount();
  });

  it('the supervisor button works from a guided screen and nothing moves meanwhile', async () => {
    const fake = fakeServices();
    const { lastFrame, stdin, unmount } = render(<GuideApp services={fake.services} lang="fr" />);
    await waitFor(lastFrame, 'Votre prénom');
    await keys(stdin, DOWN, DOWN, DOWN, ENTER);
    await waitFor(lastFrame, "APPELEZ L'ENCADRANT");
    await keys(stdin, ENTER);
    await waitFor(lastFrame, 'BIENVENUE');
    unmount();
  });
});

const ESC = '\u001B';

const RIGHT = '\u001B[C';

/** From the welcome screen to the drive list, diagnostics unavailable. */
async function toDrives(stdin: { write(s: string): void }, lastFrame: () => string | undefined) {
  await waitFor(lastFrame, 'Votre prénom et nom');
  await keys(stdin, 'A', 'w', 'a', ENTER, ENTER);
  await waitFor(lastFrame, 'Numéro de lot');
  await keys(stdin, DOWN, 'L', '9', DOWN, 'I', 'N', 'V', '9', DOWN, RIGHT, DOWN, ENTER);
  await waitFor(lastFrame, 'ThinkPad T460');
  await keys(stdin, ENTER);
  await waitFor(lastFrame, 'non disponibles');
  await keys(stdin, ENTER);
  await waitFor(lastFrame, '[ ] /dev/sdb');
}

describe('GuideApp: keys that mean one thing, and leaving', () => {
  it('Esc from the confirmation keeps the ticks and puts the focus on Continuer', async () => {
    const fake = fakeServices({ entries: [entry(hdd), entry(ssd), entry(bootStick)] });
    const { lastFrame, stdin, unmount } = render(<GuideApp services={fake.services} lang="fr" />);
    await toDrives(stdin, lastFrame);
    await keys(stdin, ' ', DOWN, ' ', ENTER);
    await waitFor(lastFrame, '(1/2)');
    await keys(stdin, '0', '0', ESC);
    let f = await waitFor(lastFrame, '> [ Continuer ]');
    expect(f).toContain('[X] /dev/sdb');
    expect(f).toContain('[X] /dev/sdc');
    expect(f).toContain('Cochés : sdb, sdc');
    await keys(stdin, ENTER); // straight back to the confirmation, nothing unticked
    f = await waitFor(lastFrame, '(1/2)');
    expect(f).toContain('WCAYUJ123456');
    expect(fake.erased).toEqual([]);
    unmount();
  });

  it('Ctrl-C before any erasure asks; staying keeps what was typed, leaving says nothing was erased', async () => {
    const fake = fakeServices();
    let exited: GuideState | null = null;
    const { lastFrame, frames, stdin, unmount } = render(
      <GuideApp
        services={fake.services}
        lang="fr"
        onExit={(s) => {
          exited = s;
        }}
      />,
    );
    await waitFor(lastFrame, 'Votre prénom et nom');
    await keys(stdin, 'A', 'w', 'a', CTRL_C);
    let f = await waitFor(lastFrame, 'QUITTER LE GUIDE ?');
    expect(f).toContain("Rien n'a été effacé.");
    expect(f).toContain('> [ Non, rester dans le guide ]');
    await keys(stdin, ENTER);
    f = await waitFor(lastFrame, 'Awa_');
    expect(exited).toBeNull();
    await keys(stdin, CTRL_C, DOWN, ENTER);
    f = await drawn(frames, 'Guide fermé.');
    expect(f).toContain("Rien n'a été effacé.");
    await tick(50);
    expect((exited as GuideState | null)?.quit).toBe(true);
    unmount();
  });

  it('two machines in a row: nothing of the first is shown on the second', async () => {
    const at = '2025-01-01T00:00:00Z';
    const fake = fakeServices({
      entries: [entry(hdd)],
      events: (plan) => [
        { jobId: 'j', device: plan.drive.path, at, type: 'job-finished', result: 'ERASED', seconds: 12 },
      ],
    });
    const { lastFrame, stdin, frames, unmount } = render(<GuideApp services={fake.services} lang="fr" />);
    await toDrives(stdin, lastFrame);
    await keys(stdin, ' ', ENTER);
    await waitFor(lastFrame, 'Tapez les 4 derniers');
    await keys(stdin, '3', '4', '5', '6', ENTER);
    await waitFor(lastFrame, 'RÉSULTATS');
    await keys(stdin, ENTER);
    await waitFor(lastFrame, 'CERTIFICATS');
    await keys(stdin, ENTER);
    await waitFor(lastFrame, 'Machine suivante');
    const before = frames.length;
    await keys(stdin, ENTER);
    let f = await waitFor(lastFrame, 'FICHE DE LA MACHINE');
    expect(f).toMatch(/> Étiquette du donateur \(si présente\) : _/);
    expect(f).toContain('L9'); // the lot stays
    const later = frames.slice(before).join('\n');
    expect(later).not.toContain('/dev/sdb');
    expect(later).not.toContain('EFFACÉ');
    expect(later).not.toContain('INV9');
    await keys(stdin, ESC);
    f = await waitFor(lastFrame, 'BIENVENUE');
    await keys(stdin, CTRL_C);
    f = await waitFor(lastFrame, 'QUITTER LE GUIDE ?');
    expect(f).toContain("Rien n'a été effacé sur cette machine.");
    unmount();
  });
});

describe('GuideApp with the hardware tests', () => {
  it('runs them in the diagnostics step, asks only what is left, and grades honestly', async () => {
    const diag = fakeDiagnostics({ plan: barePlan() });
    const fake = fakeServices({ entries: [entry(hdd)], diagnostics: diag.service });
    const { lastFrame, stdin, unmount } = render(<GuideApp services={fake.services} lang="fr" />);
    await waitFor(lastFrame, 'Votre prénom et nom');
    await keys(stdin, 'A', ENTER, ENTER);
    await waitFor(lastFrame, 'Numéro de lot');
    await keys(stdin, DOWN, 'L', DOWN, DOWN, DOWN, ENTER);
    await waitFor(lastFrame, 'ThinkPad T460');
    await keys(stdin, ENTER);
    await waitFor(lastFrame, "TEST DE L'ÉCRAN");
    // The hardware tests have the keyboard: Esc does not take the guide back a screen.
    await keys(stdin, ESC);
    expect(lastFrame()).toContain("TEST DE L'ÉCRAN");
    // Ctrl-C still asks; staying brings the test back where it was.
    await keys(stdin, CTRL_C);
    await waitFor(lastFrame, 'QUITTER LE GUIDE ?');
    await keys(stdin, ENTER);
    await waitFor(lastFrame, "TEST DE L'ÉCRAN");
    await keys(stdin, ENTER, 'x', 'x', 'x', 'x', 'x');
    await waitFor(lastFrame, 'couleurs pleines');
    await keys(stdin, ENTER, ENTER, ENTER); // colours ok, no dead pixel, backlight ok
    await waitFor(lastFrame, 'TEST DES PORTS USB');
    await keys(stdin, DOWN, ENTER); // skip: said untested in the result
    // Keyboard, touchpad, sound and webcam are absent: never asked. Hinge and outside remain.
    let f = await waitFor(lastFrame, 'Question 1/2');
    expect(f).toContain('charnières');
    await keys(stdin, ENTER);
    await waitFor(lastFrame, 'Question 2/2');
    await keys(stdin, DOWN, ENTER); // outside B
    f = await waitFor(lastFrame, 'Résultat du diagnostic');
    expect(f).toContain('INCOMPLET : 2 fonctions non testées');
    expect(f).toContain('Non testé : processeur, ports USB');
    expect(f).toContain('aspect B : usure visible, micro-rayures');
    expect(f).toMatch(/performance [A-D] \(/);
    expect(f).toMatch(/> OK +santé du disque \(SMART\) \/dev\/sda/);
    expect(f).toMatch(/non testé +processeur/);
    expect(f).not.toContain('BON');
    await keys(stdin, ENTER);
    await waitFor(lastFrame, '[ ] /dev/sdb');
    await keys(stdin, ' ', ENTER);
    await waitFor(lastFrame, 'Tapez les 4 derniers');
    await keys(stdin, '3', '4', '5', '6', ENTER);
    f = await waitFor(lastFrame, 'RÉSULTATS');
    expect(f).toContain('Résultat du diagnostic : INCOMPLET : 2 fonctions non testées');
    expect(f).toContain('aspect B : usure visible');
    const facts = fake.facts[0] as { inventory?: { notes: string; cpu: string } };
    expect(facts.inventory?.cpu).toBe('Intel Core i5-6300U');
    expect(facts.inventory?.notes).toMatch(
      /^INCOMPLET : 2 fonctions non testées : processeur, ports USB ; aspect B/,
    );
    unmount();
  });
});
