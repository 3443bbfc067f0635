import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HubSyncStatus, hubSyncFollower } from '../../../session/hub/sync-follower.js';
import { enrolOffline } from '../../helpers/hub-link.js';

/**
 * The follower before any push: a stick linked to no hub shows nothing; a netbooted station linked to no hub
 * says its reports will be lost and looks for an enrolment made later; a broken hub.json is said, not thrown.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function station(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gomme-follower-'));
  dirs.push(dir);
  return dir;
}
describe('hubSyncFollower without a usable hub link', () => {
  it('a stick without hub.json: null (nothing to show, nothing held), and no look for one', async () => {
    const follower = hubSyncFollower(station(), {}, { journalInRam: false, linkCheckMs: 20 });
    const seen: (HubSyncStatus | null)[] = [];
    follower.subscribe((s) => seen.push(s));
    follower.request();
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([null, null]);
    follower.stop();
  });

  it('netbooted without hub.json: "unlinked", said again when the guide asks, not at each look', async () => {
    const follower = hubSyncFollower(station(), {}, { journalInRam: true, linkCheckMs: 20 });
    const seen: (HubSyncStatus | null)[] = [];
    follower.subscribe((s) => seen.push(s));
    follower.request();
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([null, { kind: 'unlinked' }]);
    follower.request();
    expect(seen).toEqual([null, { kind: 'unlinked' }, { kind: 'unlinked' }]);
    follower.stop();
  });

  it('netbooted, enrolled later (tty2): the link is found without a new record and the push runs', async () => {
    const dir = station();
    const follower = hubSyncFollower(dir, {}, { journalInRam: true, linkCheckMs: 20 });
    const seen: (HubSyncStatus | null)[] = [];
    follower.subscribe((s) => seen.push(s));
    follower.request();
    expect(seen.at(-1)).toEqual({ kind: 'unlinked' });
    enrolOffline(dir);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ kind: 'acknowledged' }));
    expect(seen.map((s) => s?.kind ?? null)).toEqual([
      null,
      'unlinked',
      'sending',
      'sending',
      'acknowledged',
    ]);
    follower.stop();
  });

  it('stopped while unlinked: no further look', async () => {
    const dir = station();
    const follower = hubSyncFollower(dir, {}, { journalInRam: true, linkCheckMs: 20 });
    const seen: (HubSyncStatus | null)[] = [];
    follower.subscribe((s) => seen.push(s));
    follower.request();
    follower.stop();
    enrolOffline(dir);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([null, { kind: 'unlinked' }]);
  });

  it('a hub.json that does not parse: a "failed" status with the reason, in both languages', () => {
    const dir = station();
    writeFileSync(join(dir, 'hub.json'), '{ not json');
    const follower = hubSyncFollower(dir, {}, { journalInRam: false });
    const seen: (HubSyncStatus | null)[] = [];
    follower.subscribe((s) => seen.push(s));
    expect(() => follower.request()).not.toThrow();
    const last = seen.at(-1);
    expect(last?.kind).toBe('failed');
    expect(last && 'reason' in last ? last.reason.fr : '').toContain('hub.json');
    follower.stop();
  });

  it('after stop, a request does nothing', () => {
    const follower = hubSyncFollower(station(), {}, { journalInRam: true });
    const seen: (HubSyncStatus | null)[] = [];
    follower.subscribe((s) => seen.push(s));
    follower.stop();
    follower.request();
    expect(seen).toEqual([null]);
  });
});
