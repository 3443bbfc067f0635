import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import type { CommandRunner } from '../../core/run/runner.js';

/** Throw-away loop-device drives for the demo: files in a fresh temp folder, always torn down by `dispose`. */
export interface ScratchDrives {
  devices: string[];
  mounted: string;
  mountpoint: string;
  dispose(): Promise<void>;
}

export async function createScratchDrives(
  runner: CommandRunner,
  count: number,
  sizeBytes: number,
): Promise<ScratchDrives> {
  const dir = await mkdtemp(join(tmpdir(), 'gomme-demo-'));
  const devices: string[] = [];
  const mountpoint = join(dir, 'mnt');
  let mountedAt: string | null = null;
  const dispose = async () => {
    const problems: string[] = [];
    if (mountedAt) {
      const r = await runner.run('umount', [mountedAt]);
      if (r.exitCode !== 0) problems.push(`umount ${mountedAt}: ${r.stderr.trim()}`);
    }
    for (const device of devices) {
      const r = await runner.run('losetup', ['-d', device]);
      if (r.exitCode !== 0) problems.push(`losetup -d ${device}: ${r.stderr.trim()}`);
    }
    await rm(dir, { recursive: true, force: true });
    if (problems.length > 0) throw step('cleanup', problems.join('; '));
  };
  try {
    for (let i = 0; i < count; i++) {
      const file = join(dir, `drive-${i}.img`);
      const handle = await open(file, 'w');
      await handle.truncate(sizeBytes);
      await handle.close();
      const r = await runner.run('losetup', ['-f', '--show', file]);
      if (r.exitCode !== 0) throw step('losetup', r.stderr);
      devices.push(r.stdout.trim());
    }
    const mounted = devices[devices.length - 1] as string;
    const mkfs = await runner.run('mkfs.ext4', ['-q', '-F', mounted], { timeoutMs: 60_000 });
    if (mkfs.exitCode !== 0) throw step('mkfs.ext4', mkfs.stderr);
    await mkdir(mountpoint);
    const mount = await runner.run('mount', [mounted, mountpoint]);
    if (mount.exitCode !== 0) throw step('mount', mount.stderr);
    mountedAt = mountpoint;
    return { devices, mounted, mountpoint, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function step(what: string, stderr: string): GommeError {
  return new GommeError(
    'demo-setup',
    text(
      `Préparation de la démonstration impossible (${what}) : ${stderr.trim()}`,
      `Demo setup failed (${what}): ${stderr.trim()}`,
    ),
    { exitCode: ExitCode.FAILURE },
  );
}
