import type { Drive } from '../drive.js';
import { GommeError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { text } from '../i18n.js';
import type { System } from '../run/system.js';
import { lsblkArgs } from '../tools/lsblk/args.js';
import { flattenLsblk, type LsblkNode, parseLsblk } from '../tools/lsblk/parse-lsblk.js';
import { buildDrive } from './build-drive.js';
import { probeDrive } from './probe-drive.js';
import { assessProtection, parseProcSwaps } from './protection.js';

export interface Discovery {
  drives: Drive[];
  /** Machine-level warnings (a tool missing, …); per-drive ones are on each drive. */
  warnings: string[];
}

/** Reads the machine through `system` (real, recording or replayed) and returns every drive with its facts. */
export async function discoverDrives(system: System): Promise<Discovery> {
  const lsblk = await system.runner.run('lsblk', lsblkArgs(), { timeoutMs: 15_000 });
  const parsed = parseLsblk(lsblk.stdout);
  if (lsblk.exitCode !== 0 || parsed.error) {
    throw new GommeError(
      'discovery-failed',
      text(
        `Impossible de lister les disques (lsblk : ${lsblk.stderr.trim() || parsed.error}).`,
        `Cannot list the drives (lsblk: ${lsblk.stderr.trim() || parsed.error}).`,
      ),
      { exitCode: ExitCode.FAILURE },
    );
  }
  const [swaps, cmdline] = await Promise.all([
    system.files.read('/proc/swaps'),
    system.files.read('/proc/cmdline'),
  ]);
  const loopBackingFiles = new Map<string, string>();
  for (const node of flattenLsblk(parsed.nodes).filter((n) => n.type === 'loop')) {
    const backing = (await system.files.read(`/sys/block/${node.kname}/loop/backing_file`))?.trim();
    if (backing) loopBackingFiles.set(node.kname, backing);
  }
  const protections = assessProtection({
    nodes: parsed.nodes,
    swaps: parseProcSwaps(swaps ?? ''),
    cmdline: cmdline ?? '',
    loopBackingFiles,
  });
  const candidates = parsed.nodes.filter(isDriveCandidate);
  const probes = await Promise.all(candidates.map((node) => probeDrive(system, node, loopBackingFiles)));
  const drives = probes.map((probe) => buildDrive(probe, protections.get(probe.node.name) ?? []));
  const missing = new Map(probes.flatMap((p) => p.missingTools).map((e) => [e.program, e.debianPackage]));
  const warnings = [...missing].map(
    ([program, pkg]) =>
      `${program} is not installed (apt-get install ${pkg}): the facts it gives are unknown`,
  );
  return { drives, warnings };
}

/** Whole drives only: partitions, holders, optical drives and RAM-backed devices are not erase targets. */
function isDriveCandidate(node: LsblkNode): boolean {
  if (node.type !== 'disk' && node.type !== 'loop') return false;
  if (/^(zram|ram)\d+$/.test(node.kname)) return false;
  return node.sizeBytes !== 0;
}
