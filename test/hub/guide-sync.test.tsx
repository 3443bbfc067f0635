import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GuideApp } from '../../cli/tui/app.js';
import type { GuideState } from '../../cli/tui/state/types.js';
import { countRecords } from '../../hub/store/uploads.js';
import { type HubSyncStatus, hubSyncFollower } from '../../session/hub/sync-follower.js';
import { entry, eraseFirstDrive, fakeServices, hdd, walkToDriveList } from '../component/tui/fakes.js';
import { DOWN, drawn as drawnWithin, ENTER, keys, tick } from '../helpers/ink-keys.js';
import { enrolmentCode, enrolTestStation, freePort, removeTempDirs, testHub } from './helpers.js';

/**
 * The guide of a netbooted station (journal in RAM) over the real push (session/hub/sync-follower.ts) and a real
 * hub on 127.0.0.1: while the hub is stopped the guide says so and offers no power off; when the hub comes back
 * on the same address the records arrive and power off is offered.
 */
afterAll(removeTempDirs);

/** A real hub and a real push: screens wait on the network, so longer than the component tests. */
const drawn = (frames: string[], what: string, from = 0) => drawnWithin(frames, what, from, 15_000);

describe('guide of a netbooted station with a real hub', () => {
  it('hub stopped: held with "Hub injoignable"; hub back: the records arrive, power off is offered', async () => {
    const port = await freePort();
    const first = await testHub('embedded', { port });
    const station = await enrolTestStation(first.url, await enrolmentCode(first), 'netboot-guide');
    station.commit(2);
    await first.close();

    const follower = hubSyncFollower(
      station.dataDir,
      {},
      { journalInRam: true, backoff: { firstMs: 200, maxMs: 800 } },
    );
    const fake = fakeServices({ entries: [entry(hdd)] });
    fake.services.hub = follower;
    fake.services.powerOff = async () => {};
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
    let back: Awaited<ReturnType<typeof testHub>> | null = null;
    try {
      await walkToDriveList(frames, stdin, 15_000);
      await eraseFirstDrive(frames, stdin, 15_000);
      await keys(stdin, ENTER);
      await drawn(frames, 'Certificats : non disponibles');
      let from = frames.length;
      await keys(stdin, ENTER);
      let f = await drawn(frames, 'Hub injoignable', from);
      expect(f).toContain('ET MAINTENANT ?');
      expect(f).toContain('Hub injoignable : les rapports restent sur ce PC.');
      expect(f).toMatch(/Détail : hub injoignable \(.*ECONNREFUSED/);
      expect(f).not.toContain('Machine suivante');
      expect(f).not.toContain("Éteindre l'ordinateur");
      expect(station.pending()).toBe(2);

      from = frames.length;
      back = await testHub('embedded', { port, dataDir: first.dataDir, databaseUrl: first.databaseUrl });
      f = await drawn(frames, 'Tout est arrivé au hub.', from);
      expect(f).toContain("[ Éteindre l'ordinateur ]");
      expect(station.pending()).toBe(0);
      expect((await countRecords(back.deps.db)).records).toBe(2);
      await keys(stdin, DOWN, ENTER);
      await drawn(frames, "Extinction de l'ordinateur...");
      await tick(50);
      expect((exited as GuideState | null)?.powerOffRequested).toBe(true);
    } finally {
      app.unmount();
      follower.stop();
      station.close();
      await back?.close();
    }
  });

  it('a record committed while the follower waits is pushed at once, not after the wait', async () => {
    const port = await freePort();
    const first = await testHub('embedded', { port });
    const station = await enrolTestStation(first.url, await enrolmentCode(first), 'netboot-wake');
    station.commit(2);
    await first.close();
    // A wait of a minute: only the new record's request can explain a push within seconds.
    const follower = hubSyncFollower(
      station.dataDir,
      {},
      { journalInRam: true, backoff: { firstMs: 60_000, maxMs: 60_000 } },
    );
    const seen: (HubSyncStatus | null)[] = [];
    follower.subscribe((status) => seen.push(status));
    let back: Awaited<ReturnType<typeof testHub>> | null = null;
    try {
      follower.request();
      await vi.waitFor(() => expect(seen.at(-1)?.kind).toBe('unreachable'), { timeout: 10_000 });
      expect(seen).toContainEqual({ kind: 'sending', pending: 2 });
      expect(seen.at(-1)).toMatchObject({ kind: 'unreachable', pending: 2 });
      expect((seen.at(-1) as { retryInMs: number }).retryInMs).toBeGreaterThan(50_000);
      back = await testHub('embedded', { port, dataDir: first.dataDir, databaseUrl: first.databaseUrl });
      station.commit(1, 2);
      const asked = Date.now();
      follower.request();
      await vi.waitFor(() => expect(seen.at(-1)).toEqual({ kind: 'acknowledged' }), { timeout: 15_000 });
      expect(Date.now() - asked).toBeLessThan(30_000);
      expect(seen).toContainEqual({ kind: 'sending', pending: 3 });
      expect((await countRecords(back.deps.db)).records).toBe(3);
    } finally {
      follower.stop();
      station.close();
      await back?.close();
    }
  });
});
