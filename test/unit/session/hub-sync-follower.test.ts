import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type HubSyncStatus, hubSyncFollower } from '../../../session/hub/sync-follower.js';

/** The follower before any push: a station linked to no hub shows nothing; a broken hub.json is said, not thrown. */
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
  it('no hub.json: null (nothing to show, nothing held)', () => {
    const follower = hubSyncFollower(station(), {}, { journalInRam: true });
    const seen: (HubSyncStatus | null)[] = [];
    follower.subscribe((s) => seen.push(s));
    follower.request();
    expect(seen).toEqual([null, null]);
    follower.stop();
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
