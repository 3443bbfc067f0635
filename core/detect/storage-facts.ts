import { GommeError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { text } from '../i18n.js';
import type { System } from '../run/system.js';
import { lsblkArgs } from '../tools/lsblk/args.js';
import { flattenLsblk, type LsblkNode, parseLsblk } from '../tools/lsblk/parse-lsblk.js';
import { type MdArray, type MountEntry, parseMdstat, parseMountInfo, parseProcSwaps } from './parse-proc.js';

/**
 * Everything protection needs to know about how storage is stacked, read through the System boundary so a
 * capture records it and a replay gives the same verdicts. The optional facts are unknown in bundles made
 * by older versions (or other tools); protection then works from lsblk's tree alone.
 */
export interface StorageFacts {
  /** lsblk's tree: children are partitions and holders (dm, md, bcache…), built by lsblk from sysfs. */
  nodes: readonly LsblkNode[];
  /** Active swap areas from /proc/swaps (device paths or files). */
  swaps: readonly string[];
  /** /proc/cmdline. */
  cmdline: string;
  /** kname of each loop device → its backing file (/sys/block/loopN/loop/backing_file): a file or a device. */
  loopBackingFiles: ReadonlyMap<string, string>;
  /** /proc/self/mountinfo: which filesystem (st_dev) holds a path. Unknown: lsblk's mount points are used. */
  mounts?: readonly MountEntry[] | null;
  /** kname → its sysfs holders/ (what is built on it) and slaves/ (what it is built on). */
  holders?: ReadonlyMap<string, readonly string[]>;
  slaves?: ReadonlyMap<string, readonly string[]>;
  /** /proc/mdstat, spares and inactive arrays included. */
  mdArrays?: readonly MdArray[];
  /** zramN → the device its idle pages are written back to (/sys/block/zramN/backing_dev). */
  zramBackingDevices?: ReadonlyMap<string, string>;
  /** Devices registered with bcache (/sys/class/block/X/bcache/): a backing device or a cache device. */
  bcacheRoles?: ReadonlyMap<string, 'backing' | 'cache'>;
}

/** Reads the storage stack of the machine (real, recording or replayed). Cheap: no drive is asked anything. */
export async function readStorageFacts(system: System): Promise<StorageFacts> {
  const lsblk = await system.runner.run('lsblk', lsblkArgs(), { timeoutMs: 15_000 });
  const parsed = parseLsblk(lsblk.stdout);
  if (lsblk.exitCode !== 0 || parsed.error) throw unusableLsblk(system, lsblk.stderr.trim() || parsed.error);
  const read = (path: string) => system.files.read(path);
  const [swaps, cmdline, mountinfo, mdstat] = await Promise.all([
    read('/proc/swaps'),
    read('/proc/cmdline'),
    read('/proc/self/mountinfo'),
    read('/proc/mdstat'),
  ]);
  const facts = {
    nodes: parsed.nodes,
    swaps: parseProcSwaps(swaps ?? ''),
    cmdline: cmdline ?? '',
    loopBackingFiles: new Map<string, string>(),
    mounts: mountinfo === null ? null : parseMountInfo(mountinfo),
    holders: new Map<string, string[]>(),
    slaves: new Map<string, string[]>(),
    mdArrays: parseMdstat(mdstat ?? ''),
    zramBackingDevices: new Map<string, string>(),
    bcacheRoles: new Map<string, 'backing' | 'cache'>(),
  };
  const knames = [...new Set(flattenLsblk(parsed.nodes).map((n) => n.kname))];
  await Promise.all(
    knames.map(async (kname) => {
      const sys = `/sys/class/block/${kname}`;
      const [holders, slaves] = await Promise.all([
        system.files.list?.(`${sys}/holders`),
        system.files.list?.(`${sys}/slaves`),
      ]);
      if (holders?.length) facts.holders.set(kname, holders);
      if (slaves?.length) facts.slaves.set(kname, slaves);
      if (/^loop\d+$/.test(kname)) {
        const backing = (await read(`/sys/block/${kname}/loop/backing_file`))?.trim();
        if (backing) facts.loopBackingFiles.set(kname, backing);
      } else if (/^zram\d+$/.test(kname)) {
        const backing = (await read(`/sys/block/${kname}/backing_dev`))?.trim();
        if (backing && backing !== 'none') facts.zramBackingDevices.set(kname, backing);
      } else if (!/^bcache\d+$/.test(kname)) {
        // bcacheN links to its backing device's bcache/ folder: only the registered devices themselves count.
        if ((await read(`${sys}/bcache/state`)) !== null) facts.bcacheRoles.set(kname, 'backing');
        else if ((await read(`${sys}/bcache/bucket_size`)) !== null) facts.bcacheRoles.set(kname, 'cache');
      }
    }),
  );
  return facts;
}

function unusableLsblk(system: System, detail: string | null): GommeError {
  if (system.replayed) {
    const file = system.source ?? 'bundle';
    return new GommeError(
      'bad-input',
      text(
        `${file} est inutilisable : la sortie de lsblk qu'il contient est illisible (${detail}).`,
        `${file} cannot be used: the lsblk output it holds is unreadable (${detail}).`,
      ),
      {
        exitCode: ExitCode.BAD_INPUT,
        hint: text(
          'Capturez un nouveau paquet sur la machine avec « gomme capture -o paquet.json ».',
          'Capture a new bundle on the machine with "gomme capture -o bundle.json".',
        ),
      },
    );
  }
  return new GommeError(
    'discovery-failed',
    text(
      `Impossible de lister les disques (lsblk : ${detail}).`,
      `Cannot list the drives (lsblk: ${detail}).`,
    ),
    { exitCode: ExitCode.FAILURE },
  );
}
