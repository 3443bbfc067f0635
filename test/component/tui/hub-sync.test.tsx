import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuideApp } from '../../../cli/tui/app.js';
import { certificateService } from '../../../cli/tui/certificate-service.js';
import type { GuideState } from '../../../cli/tui/state/types.js';
import { text } from '../../../core/i18n.js';
import { type HubSyncStatus, hubSyncFollower } from '../../../session/hub/sync-follower.js';
import { enrolOffline } from '../../helpers/hub-link.js';
import { CTRL_C, DOWN, drawn, ENTER, ESC, keys, tick } from '../../helpers/ink-keys.js';
import {
  entry,
  eraseFirstDrive,
  fakeHub,
  fakeServices,
  hdd,
  oneCertificate,
  walkToDriveList,
} from './fakes.js';

/**
 * A station without a stick (netbooted) keeps its records in RAM: the guide offers neither power off nor the
 * next machine nor leaving until the hub has acknowledged everything, and says why. On a stick the hub's
 * status is shown but nothing waits for it.
 */
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
  await walkToDriveList(frames, stdin);
  // Pushed once at start (what an earlier guide left queued), not yet for this machine.
  expect(hub.requests()).toBe(1);
  await eraseFirstDrive(frames, stdin);
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

  it('netbooted but linked to no hub: the reports will be lost, said; nothing is held', async () => {
    const { app, hub } = await eraseOneMachine(true);
    const { frames, stdin } = app;
    hub.say({ kind: 'unlinked' });
    let f = await drawn(frames, "avant de l'éteindre");
    expect(f).toContain('GR-TEST-1-D1.pdf');
    await keys(stdin, ENTER);
    f = await drawn(frames, 'Machine suivante');
    expect(f.replace(/\n\s*/g, ' ')).toContain(
      "Ce PC a démarré par le réseau mais n'est pas inscrit au hub : ses rapports sont seulement en mémoire et seront perdus à l'extinction. Appelez l'encadrant avant de l'éteindre.",
    );
    expect(f).toContain("Pour l'encadrant : Alt+F2, puis gomme hub enrol ADRESSE --code CODE.");
    expect(f).toContain("[ Éteindre l'ordinateur ]");
    expect(f).not.toContain('Attendez');
    // Enrolled meanwhile (tty2): the follower pushes, and the guide holds like any netbooted station.
    hub.say({ kind: 'sending', pending: 2 });
    f = await drawn(frames, 'Attendez');
    expect(f).not.toContain('Machine suivante');
    expect(f).not.toContain('inscrit');
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

describe('guide and hub: a netbooted PC whose enrolment at boot failed', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dataDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'gomme-unlinked-'));
    dirs.push(d);
    return d;
  };

  /** The first screen over the real follower and the real signing notice of `dir`, once the follower has answered. */
  async function welcome(dir: string, journalInRam: boolean, lang: 'fr' | 'en' = 'fr', erase = false) {
    const fake = fakeServices({ entries: [entry(hdd)] });
    const follower = hubSyncFollower(dir, {}, { journalInRam, linkCheckMs: 100 });
    const seen: (HubSyncStatus | null)[] = [];
    follower.subscribe((status) => seen.push(status));
    fake.services.hub = follower;
    // Erasing: certificates "issued" at once and a power-off button; else the real key check (no key here).
    fake.services.certificates = erase ? oneCertificate : certificateService({ dataDir: dir, env: {}, lang });
    if (erase) fake.services.powerOff = async () => {};
    const app = render(<GuideApp services={fake.services} lang={lang} />);
    await drawn(app.frames, lang === 'fr' ? 'Votre prénom' : 'Your first');
    // The follower answers the guide's first request: sent, "acknowledged" (linked), or at once.
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(1));
    await vi.waitFor(() => expect(seen.at(-1)?.kind).not.toBe('sending'));
    await tick(50);
    return { app, fake, seen };
  }

  it('the first screen says the reports will be lost, in French, within 80 columns', async () => {
    const { app, seen } = await welcome(dataDir(), true);
    expect(seen.at(-1)).toEqual({ kind: 'unlinked' });
    const f = app.lastFrame() ?? '';
    expect(f.replace(/\n\s*/g, ' ')).toContain(
      "Ce PC a démarré par le réseau mais n'est pas inscrit au hub : ses rapports sont seulement en mémoire et seront perdus à l'extinction. Appelez l'encadrant avant d'effacer.",
    );
    expect(f).toContain("Pour l'encadrant : Alt+F2, puis gomme hub enrol ADRESSE --code CODE.");
    // No signing key either (the enrolment gives it): both warnings fit the screen.
    expect(f).toContain('ATTENTION : pas de clé de signature.');
    const lines = f.split('\n');
    expect(lines.length).toBeLessThanOrEqual(25);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(f).toContain('[ Continuer ]');
    app.unmount();
  });

  it('in English with --lang en', async () => {
    const { app } = await welcome(dataDir(), true, 'en');
    expect((app.lastFrame() ?? '').replace(/\n\s*/g, ' ')).toContain(
      'This PC booted from the network but is not enrolled with the hub: its reports are only in memory and will be lost at power off. Call the supervisor before erasing.',
    );
    app.unmount();
  });

  it('erasing is not blocked: the drive is erased, the warning follows, power off is offered', async () => {
    const { app, fake } = await welcome(dataDir(), true, 'fr', true);
    const { frames, stdin } = app;
    await walkToDriveList(frames, stdin);
    await eraseFirstDrive(frames, stdin);
    expect(fake.erased).toHaveLength(1);
    await keys(stdin, ENTER);
    // The certificates are issued, then the follower answers their push request (the guide holds meanwhile).
    await vi.waitFor(() => {
      const f = app.lastFrame() ?? '';
      expect(f).toContain('GR-TEST-1-D1.pdf');
      expect(f).toContain("avant de l'éteindre");
    });
    await keys(stdin, ENTER);
    const f = await drawn(frames, 'Machine suivante');
    expect(f).toContain('ET MAINTENANT ?');
    expect(f).toContain("[ Éteindre l'ordinateur ]");
    expect(f).toContain("avant de l'éteindre");
    expect(f).not.toContain('Attendez');
    app.unmount();
  });

  it('enrolled later (from tty2): the warning goes, the push starts', async () => {
    const dir = dataDir();
    const { app, seen } = await welcome(dir, true);
    expect(app.lastFrame()).toContain("n'est pas inscrit");
    enrolOffline(dir);
    // Nothing queued in this data folder: the push has nothing to send, and the hub has "everything".
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ kind: 'acknowledged' }), { timeout: 3000 });
    await tick(50);
    expect(app.lastFrame()).not.toContain("n'est pas inscrit");
    app.unmount();
  });

  it('on a stick, linked to no hub: no warning (the records stay on the stick)', async () => {
    const { app, seen } = await welcome(dataDir(), false);
    expect(seen.at(-1)).toBeNull();
    expect(app.lastFrame()).not.toContain('inscrit');
    expect(app.lastFrame()).not.toContain('hub');
    app.unmount();
  });

  it('netbooted and linked: no warning', async () => {
    const dir = dataDir();
    enrolOffline(dir);
    const { app, seen } = await welcome(dir, true);
    expect(seen.at(-1)).toEqual({ kind: 'acknowledged' });
    expect(app.lastFrame()).not.toContain('inscrit');
    expect(app.lastFrame()).toContain('Votre prénom');
    app.unmount();
  });
});
