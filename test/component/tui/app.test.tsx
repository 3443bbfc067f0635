import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { GuideApp } from '../../../cli/tui/app.js';
import type { GuideState } from '../../../cli/tui/state/types.js';
import { bootStick, entry, fakeServices, hdd } from './fakes.js';

const ENTER = '\r';
const DOWN = '\u001B[B';
const CTRL_C = '\u0003';
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

async function keys(stdin: { write(s: string): void }, ...sequence: string[]) {
  for (const k of sequence) {
    stdin.write(k);
    await tick();
  }
}

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
    const { lastFrame, stdin, frames, unmount } = render(
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
    // The finished drive was printed once through <Static>.
    expect(frames.join('\n')).toContain('Terminé  /dev/sdb : EFFACÉ, vérifié (12 s)');
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
    await keys(stdin, ENTER, DOWN, ENTER);
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
