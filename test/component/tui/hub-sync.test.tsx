import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { GuideApp } from '../../../cli/tui/app.js';
import type { GuideState } from '../../../cli/tui/state/types.js';
import { text } from '../../../core/i18n.js';
import { entry, fakeHub, fakeServices, hdd, oneCertificate } from './fakes.js';

/**
 * A station without a stick (netbooted) keeps its records in RAM: the guide offers neither power off nor the
 * next machine nor leaving until the hub has acknowledged everything, and says why. On a stick the hub's
 * status is shown but nothing waits for it.
 */
const ENTER = '\r';
const DOWN = '\u001B[B';
const ESC = '\u001B';
const CTRL_C = '\u0003';
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

async function keys(stdin: { write(s: string): void }, ...sequence: string[]) {
  for (const k of sequence) {
    stdin.write(k);
    await tick();
  }
}

/** Every frame drawn since `from`: a screen shown between two polls is not missed. */
async function drawn(frames: string[], what: string, from = 0, timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const f = frames.slice(from).find((x) => x.includes(what));
    if (f !== undefined) return f;
    await tick(20);
  }
  throw new Error(`"${what}" never appeared in ${frames.length} frames; last:\n${frames.at(-1)}`);
}

const unreachable = (retryInMs: number) =>
  ({
    kind: 'unreachable',
    pending: 3,
    retryInMs,
    reason: text(
      'hub injoignable (connect ECONNREFUSED 127.0.0.1:8080)',
      'hub unreachable (connect ECONNREFUSED 127.0.0.1:8080)',
    ),
  }) as const;

/** Welcome → erasure of /dev/sdb → results → certificates, on a guide with a hub and a power-off button. */
async function eraseOneMachine(journalInRam: boolean) {
  const fake = fakeServices({ entries: [entry(hdd)] });
  const hub = fakeHub(journalInRam);
  fake.services.hub = hub.follower;
  fake.services.certificates = oneCertificate;
  let powerOffs = 0;
  fake.services.powerOff = async () => {
    powerOffs++;
  };
  let exited: GuideState | null = null;
  const app = render(
    <GuideApp
      services={fake.services}
      lang="fr"
      onExit={(s) => {
        exited = s;
      }}
    />,
  );
  const { frames, stdin } = app;
  await drawn(frames, 'Votre prénom et nom');
  await keys(stdin, 'A', 'w', 'a', ENTER, ENTER);
  await drawn(frames, 'Numéro de lot');
  await keys(stdin, DOWN, 'L', '9', DOWN, DOWN, DOWN, ENTER);
  await drawn(frames, 'ThinkPad T460');
  await keys(stdin, ENTER);
  await drawn(frames, 'non disponibles');
  await keys(stdin, ENTER);
  await drawn(frames, '[ ] /dev/sdb');
  // Pushed once at start (what an earlier guide left queued), not yet for this machine.
  expect(hub.requests()).toBe(1);
  await keys(stdin, ' ', ENTER);
  await drawn(frames, 'Tapez les 4 derniers');
  await keys(stdin, '3', '4', '5', '6', ENTER);
  await drawn(frames, 'RÉSULTATS');
  await keys(stdin, ENTER);
  await drawn(frames, 'GR-TEST-1-D1.pdf');
  // The records (end of the erasure), then the certificates: a push asked for each (by an effect, which may
  // run just after the frame).
  await vi.waitFor(() => expect(hub.requests()).toBe(3));
  return { app, hub, exited: () => exited as GuideState | null, powerOffs: () => powerOffs };
}

describe('guide and hub: a netbooted station waits for the hub', () => {
  it('hub down: no power off, next machine or leaving, says why; hub back: everything offered', async () => {
    const { app, hub, exited, powerOffs } = await eraseOneMachine(true);
    const { frames, stdin, lastFrame } = app;
    hub.say(unreachable(8000));
    let f = await drawn(frames, 'Hub injoignable');
    expect(f.replace(/\n\s*/g, ' ')).toContain(
      "Hub injoignable : les rapports restent sur ce PC. Ne l'éteignez pas. Nouvel essai dans 8 s.",
    );
    expect(f).toContain('Détail : hub injoignable (connect ECONNREFUSED');
    hub.say(unreachable(7000)); // the follower counts down once a second
    await drawn(frames, 'essai dans 7 s.');
    let from = frames.length;
    await keys(stdin, ENTER); // Continuer
    f = await drawn(frames, 'ET MAINTENANT ?', from);
    expect(f).toContain('Attendez : la suite est proposée dès que tout est arrivé au hub.');
    expect(f).toContain('essai dans 7 s.');
    expect(f).not.toContain('Machine suivante');
    expect(f).not.toContain("Éteindre l'ordinateur");
    expect(f).not.toContain('Quitter le guide');
    expect(f).toContain("> [ Je ne sais pas / appeler l'encadrant ]");
    // Ctrl-C still asks, and says the one thing that matters now.
    await keys(stdin, CTRL_C);
    f = await drawn(frames, 'QUITTER LE GUIDE ?');
    expect(f).toContain("Les rapports ne sont pas tous arrivés au hub : n'éteignez pas ce PC.");
    from = frames.length;
    await keys(stdin, ENTER); // stay
    await drawn(frames, 'Attendez', from);
    // The hub is back: the follower sends, then all is acknowledged.
    hub.say({ kind: 'sending', pending: 3 });
    await drawn(frames, 'Envoi au hub... 3 en attente.');
    expect(lastFrame()).not.toContain("Éteindre l'ordinateur");
    expect(exited()).toBeNull();
    from = frames.length;
    hub.say({ kind: 'acknowledged' });
    f = await drawn(frames, 'Tout est arrivé au hub.', from);
    expect(f).toContain('> [ Machine suivante (même lot) ]');
    expect(f).toContain("[ Éteindre l'ordinateur ]");
    expect(f).toContain('[ Quitter le guide ]');
    expect(f).not.toContain('Attendez');
    await keys(stdin, DOWN, ENTER);
    await drawn(frames, "Extinction de l'ordinateur...");
    await tick(50);
    expect(exited()?.powerOffRequested).toBe(true);
    expect(powerOffs()).toBe(0); // the command powers off once the guide has ended (cli/commands/guide.ts)
    app.unmount();
    expect(hub.stopped()).toBe(true);
  });

  it('refused by the hub: still held, and the supervisor is called', async () => {
    const { app, hub } = await eraseOneMachine(true);
    const { frames, stdin } = app;
    await keys(stdin, ENTER);
    await drawn(frames, 'ET MAINTENANT ?');
    hub.say({ kind: 'refused', pending: 1, rejected: 1, reason: text('poste révoqué', 'station revoked') });
    const f = await drawn(frames, 'Le hub a refusé 1 élément');
    expect(f.replace(/\n\s*/g, ' ')).toContain(
      "Le hub a refusé 1 élément : appelez l'encadrant. Les rapports restent sur ce PC. Ne l'éteignez pas.",
    );
    expect(f).toContain('Détail : poste révoqué');
    expect(f).not.toContain('Machine suivante');
    // Enter on the only button opens the supervisor panel, Esc comes back: nothing else moves.
    await keys(stdin, ENTER);
    await drawn(frames, "APPELEZ L'ENCADRANT");
    const from = frames.length;
    await keys(stdin, ESC);
    const back = await drawn(frames, 'Le hub a refusé', from);
    expect(back).not.toContain('Machine suivante');
    app.unmount();
  });

  it('netbooted but linked to no hub: nothing to wait for', async () => {
    const { app, hub } = await eraseOneMachine(true);
    const { frames, stdin } = app;
    hub.say(null);
    await keys(stdin, ENTER);
    const f = await drawn(frames, 'Machine suivante');
    expect(f).not.toContain('hub');
    app.unmount();
  });
});

describe('guide and hub: a station with a stick', () => {
  it('hub down: the status is shown, nothing is held, the next machine starts', async () => {
    const { app, hub, exited } = await eraseOneMachine(false);
    const { frames, stdin } = app;
    hub.say(unreachable(30_000));
    let f = await drawn(frames, 'Hub injoignable');
    expect(f.replace(/\n\s*/g, ' ')).toContain(
      'Hub injoignable : les rapports restent sur la clé et partiront plus tard. Vous pouvez continuer. Nouvel essai dans 30 s.',
    );
    await keys(stdin, ENTER);
    f = await drawn(frames, 'ET MAINTENANT ?');
    expect(f).toContain('> [ Machine suivante (même lot) ]');
    expect(f).toContain("[ Éteindre l'ordinateur ]");
    expect(f).toContain('Hub injoignable');
    expect(f).not.toContain('Attendez');
    await keys(stdin, ENTER);
    await drawn(frames, 'FICHE DE LA MACHINE');
    expect(exited()).toBeNull();
    // The push goes on across machines: the next machine's certificates screen still says where it stands.
    hub.say({ kind: 'acknowledged' });
    await tick(50);
    expect(hub.stopped()).toBe(false);
    app.unmount();
  });
});
