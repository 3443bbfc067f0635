/**
 * Hung drives for tests: loop devices whose backing files sit on an ext4 filesystem frozen with `fsfreeze -f`.
 * A write to such a device waits in the kernel (uninterruptible sleep) until the filesystem is thawed, like a
 * drive that stopped answering. Healthy drives beside them are loop devices over tmpfs files.
 *
 * Everything here is made by the test, in folders named after its process: the ext4 image (itself on a loop
 * device the test attached), its mount point, the backing files. Teardown thaws FIRST, whatever happened, then
 * detaches the loop devices newest first, unmounting the filesystem before detaching the device under it.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { waitUntilFree } from '../helpers/device-released.js';
import { attachLoopDevice, type LoopDevice } from '../helpers/loop-device.js';

export interface HungDrivesRig {
  hung: LoopDevice[];
  healthy: LoopDevice[];
  mountPoint: string;
  frozen(): boolean;
  thaw(): void;
  teardown(): Promise<void>;
}

export async function createHungDrivesRig(spec: {
  hung: number;
  healthy: number;
  hungBytes: number;
  healthyBytes: number;
  fill: (offset: number, length: number) => Buffer;
}): Promise<HungDrivesRig> {
  // tmpfs: the healthy drives must not wait on the machine's disk, and the image needs no disk either.
  const dir = mkdtempSync(join('/dev/shm', `gomme-hung-${process.pid}-`));
  const mountPoint = join(dir, 'mnt');
  mkdirSync(mountPoint);
  const loops: LoopDevice[] = []; // in attach order
  let image: LoopDevice | undefined;
  let mounted = false;
  let frozen = false;
  const rig: HungDrivesRig = {
    hung: [],
    healthy: [],
    mountPoint,
    frozen: () => frozen,
    thaw() {
      if (!frozen) return;
      execFileSync('fsfreeze', ['-u', mountPoint]);
      frozen = false;
    },
    async teardown() {
      const failures: unknown[] = [];
      const step = (action: () => void) => {
        try {
          action();
        } catch (error) {
          failures.push(error);
        }
      };
      step(() => rig.thaw());
      // An engine abandoned on a hung drive lets go of it once its write returns (just after the thaw).
      for (const loop of [...rig.hung, ...rig.healthy]) {
        await waitUntilFree(loop.path, 30_000).catch((error: unknown) => failures.push(error));
      }
      for (const loop of [...loops].reverse()) {
        if (loop === image && mounted) step(() => unmount());
        await detachPatiently(loop).catch((error: unknown) => failures.push(error));
      }
      rmSync(dir, { recursive: true, force: true });
      if (failures.length > 0) throw new AggregateError(failures, 'hung drives rig teardown failed');
    },
  };
  const unmount = () => {
    execFileSync('umount', [mountPoint]);
    mounted = false;
  };
  const imageFile = join(dir, 'fs.img');
  try {
    const fsBytes = spec.hung * spec.hungBytes + (64 << 20);
    writeFileSync(imageFile, '');
    execFileSync('truncate', ['-s', String(fsBytes), imageFile]);
    image = attachLoopDevice(imageFile);
    loops.push(image);
    // No lazy init: the kernel would otherwise keep writing inode tables in the background.
    execFileSync('mkfs.ext4', ['-q', '-F', '-E', 'lazy_itable_init=0,lazy_journal_init=0', image.path]);
    execFileSync('mount', [image.path, mountPoint]);
    mounted = true;
    for (let i = 0; i < spec.hung; i++) {
      const file = join(mountPoint, `hung-${i}.img`);
      execFileSync('truncate', ['-s', String(spec.hungBytes), file]);
      const loop = attachLoopDevice(file);
      loops.push(loop);
      rig.hung.push(loop);
    }
    for (let i = 0; i < spec.healthy; i++) {
      const file = join(dir, `healthy-${i}.img`);
      writeFileSync(file, Buffer.concat(chunks(spec.healthyBytes, spec.fill)));
      const loop = attachLoopDevice(file);
      loops.push(loop);
      rig.healthy.push(loop);
    }
    execFileSync('sync');
    execFileSync('fsfreeze', ['-f', mountPoint]);
    frozen = true;
  } catch (error) {
    await rig.teardown().catch(() => {}); // the setup error is the one worth reporting
    throw error;
  }
  return rig;
}

/**
 * loop.detach() waits 5 s for the kernel to let go. Under load, a late holder (udev's blkid after the last
 * writer closed, another program scanning every block device) can hold the device longer: losetup -d has set
 * autoclear, so wait for it up to 30 s more, and name the holders if it never comes.
 */
async function detachPatiently(loop: LoopDevice): Promise<void> {
  try {
    loop.detach();
    return;
  } catch (error) {
    if (!/still attached/.test(String(error))) throw error;
  }
  const marker = `/sys/block/${basename(loop.path)}/loop/backing_file`;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    if (!existsSync(marker)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${loop.path} is still attached 35 s after losetup -d; held by: ${holdersOf(loop.path)}`);
}

/** The processes with `device` open (from /proc/PID/fd), for the failure message. */
function holdersOf(device: string): string {
  const holders: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const fds = readdirSync(`/proc/${pid}/fd`);
      if (fds.some((fd) => readlinkOrNull(`/proc/${pid}/fd/${fd}`) === device)) {
        holders.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()}`);
      }
    } catch (error) {
      // The process ended meanwhile, or is not ours to read: it is not a holder we can name.
      if (!['ENOENT', 'EACCES', 'ESRCH'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  }
  return holders.length > 0 ? holders.join('; ') : 'no process (the kernel: a mount or a stacked device)';
}

function readlinkOrNull(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function chunks(size: number, fill: (offset: number, length: number) => Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < size; at += 4 << 20) out.push(fill(at, Math.min(4 << 20, size - at)));
  return out;
}
