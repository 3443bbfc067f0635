import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverDrives } from '../../../core/detect/discover-drives.js';
import { parseBundle } from '../../../core/run/bundle.js';
import { realSystem, recordingSystem, replaySystem } from '../../../core/run/system.js';
import { projectRoot } from '../../helpers/fixtures.js';
import { createLoopDevice, detachAll, type LoopDevice } from '../../helpers/loop-device.js';
import { unmount } from '../../helpers/mount.js';

const isRoot = process.getuid?.() === 0;
const MiB = 1024 * 1024;
const cli = join(projectRoot, 'dist/cli/main.js');

describe.skipIf(!isRoot)('drive discovery on this machine (loop devices)', () => {
  let devices: LoopDevice[] = [];
  let mountpoint = '';
  let work = '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gomme-discovery-'));
    devices = [createLoopDevice(16 * MiB), createLoopDevice(16 * MiB)];
    const mounted = devices[1] as LoopDevice;
    execFileSync('mkfs.ext4', ['-q', '-F', mounted.path]);
    mountpoint = join(work, 'mnt');
    mkdirSync(mountpoint);
    execFileSync('mount', [mounted.path, mountpoint]);
  });

  afterAll(() => {
    try {
      if (mountpoint) unmount(mountpoint);
    } finally {
      detachAll(devices);
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('shows the mounted loop device protected, the other erasable, and the system disk protected', async () => {
    const { drives } = await discoverDrives(realSystem());
    const [free, mounted] = devices.map((d) => drives.find((drive) => drive.path === d.path));
    expect(free).toMatchObject({ transport: 'loop', sizeBytes: 16 * MiB, protected: false, protections: [] });
    expect(free?.backingFile).toBe(devices[0]?.backingFile);
    expect(mounted?.protected).toBe(true);
    expect(mounted?.protections).toEqual([
      {
        reason: 'mounted',
        detail: { en: expect.stringContaining(mountpoint), fr: expect.stringContaining(mountpoint) },
      },
    ]);
    const system = drives.find((d) => d.protections.some((p) => p.detail.en.endsWith('mounted at /')));
    expect(system?.protections.map((p) => p.reason)).toEqual(
      expect.arrayContaining(['mounted', 'boot-medium']),
    );
  });

  it('a bundle recorded here replays to the same drive list, in process', async () => {
    const recording = recordingSystem(realSystem());
    const live = await discoverDrives(recording);
    const replayed = await discoverDrives(replaySystem(parseBundle(JSON.stringify(recording.bundle))));
    expect(replayed).toEqual(live);
    expect(recording.bundle.commands[0]?.argv[0]).toBe('lsblk');
  });

  it('gomme capture then gomme drives --replay round-trips, and the replay spawns no program', () => {
    const bundle = join(work, 'bundle.json');
    const env = { ...process.env, GOMME_LANG: 'en' };
    execFileSync(process.execPath, [cli, 'capture', '-o', bundle], { env });
    const captured = parseBundle(readFileSync(bundle, 'utf8'));
    expect(Object.keys(captured.files)).toContain('/proc/cmdline');
    const live = JSON.parse(
      execFileSync(process.execPath, [cli, 'drives', '--json'], { env, encoding: 'utf8' }),
    );
    // With no PATH at all, any program gomme tried to run would be "not installed" and change the answer.
    const replayed = JSON.parse(
      execFileSync(process.execPath, [cli, 'drives', '--json', '--replay', bundle], {
        env: { GOMME_LANG: 'en', PATH: '/nonexistent' },
        encoding: 'utf8',
      }),
    );
    expect(replayed.drives).toEqual(live.drives);
    expect(
      replayed.drives.find((d: { path: string }) => d.path === devices[1]?.path).protectionReasons,
    ).toEqual(['mounted']);
  });
});
