import { readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The filesystem label of the live USB's persistent data partition. */
export const DATA_PARTITION_LABEL = 'GOMME-DATA';

export interface DataDirProbe {
  /** Contents of /proc/mounts, or null when unreadable. */
  mounts(): string | null;
  /** Resolved device path of /dev/disk/by-label/LABEL, or null when there is no such label. */
  deviceForLabel(label: string): string | null;
  home(): string;
}

export const systemProbe: DataDirProbe = {
  mounts: () => readOrNull('/proc/mounts'),
  deviceForLabel: (label) => {
    try {
      return realpathSync(`/dev/disk/by-label/${label}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  home: () => homedir(),
};

/**
 * Where the journal, keys and config live: GOMME_DATA_DIR, else the GOMME-DATA partition when it is mounted
 * (so records survive the reboot of a live system), else the XDG data dir.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, probe: DataDirProbe = systemProbe): string {
  if (env.GOMME_DATA_DIR) return env.GOMME_DATA_DIR;
  const partition = dataPartitionMount(probe);
  if (partition) return join(partition, 'gomme');
  const xdg = env.XDG_DATA_HOME?.startsWith('/') ? env.XDG_DATA_HOME : null;
  return join(xdg ?? join(probe.home(), '.local', 'share'), 'gomme');
}

function dataPartitionMount(probe: DataDirProbe): string | null {
  const device = probe.deviceForLabel(DATA_PARTITION_LABEL);
  const mounts = device ? probe.mounts() : null;
  if (!device || !mounts) return null;
  for (const line of mounts.split('\n')) {
    const [source, target, , options] = line.split(' ');
    // /proc/mounts escapes spaces as \040; read-only mounts cannot hold a journal.
    if (source === device && target && !options?.split(',').includes('ro'))
      return target.replaceAll('\\040', ' ');
  }
  return null;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
