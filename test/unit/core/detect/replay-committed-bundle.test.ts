import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { discoverDrives } from '../../../../core/detect/discover-drives.js';
import { parseBundle } from '../../../../core/run/bundle.js';
import { replaySystem } from '../../../../core/run/system.js';
import { projectRoot } from '../../../helpers/fixtures.js';

// Any attempt to start a process during replay fails the test.
vi.mock('execa', () => ({
  execa: () => {
    throw new Error('a process was spawned during replay');
  },
}));

/** Captured by `gomme capture` on the team's Debian 12 VM with two loop devices, the second mounted. */
const bundlePath = join(
  projectRoot,
  'test/fixtures/captured/debian12-vm-virtio-two-loops-one-mounted.bundle.json',
);

describe('replaying a bundle captured on a real machine', () => {
  it('gives the machine’s drives and verdicts without running anything', async () => {
    const bundle = parseBundle(readFileSync(bundlePath, 'utf8'));
    const { drives } = await discoverDrives(replaySystem(bundle));
    expect(drives.map((d) => [d.path, d.transport, d.protections.map((p) => p.reason)])).toEqual([
      ['/dev/loop0', 'loop', []],
      ['/dev/loop1', 'loop', ['mounted']],
      ['/dev/vda', 'virtio', ['boot-medium', 'mounted', 'mounted']],
    ]);
    // The mounted loop device's backing file lives on the system disk's filesystem: erasing vda destroys it.
    expect(drives[2]?.protections[2]?.detail.en).toMatch(
      /^loop1 is mounted at \/tmp\/\S+\/mnt and rests on this drive \(via the file \/tmp\/\S+\/b\.img\)$/,
    );
    expect(drives[2]).toMatchObject({
      serial: 'overlayblk',
      sizeBytes: 274877906944,
      physicalSectorSize: 4096,
    });
    expect(drives[0]?.backingFile).toMatch(/a\.img$/);
  });
});
