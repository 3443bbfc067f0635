/**
 * Before an overwrite, a Host Protected Area is given back to the host: `hdparm -N p<native>` restores the
 * native max address (permanently, "p"), the kernel is asked to re-read the capacity, and `hdparm -N` is read
 * again to see what the drive really did. A drive that refuses keeps its hidden sectors: the record then names
 * the range and the result is ERASED_WITH_EXCEPTIONS. A DCO is only reported (restoring it, `--dco-restore`,
 * needs a power cycle and can brick drives: hdparm calls it "VERY DANGEROUS").
 */
import type { Drive } from '../../core/drive.js';
import { nativeMaxArgs } from '../../core/tools/hdparm/args.js';
import { parseHdparmNativeMax } from '../../core/tools/hdparm/parse-native-max.js';
import { ataReachable } from './ata-messages.js';
import { CommandLog, type CommandLogDeps } from './command-log.js';
import type { CommandRecord } from './engine.js';

export interface HiddenAreaOutcome {
  hpa: { found: boolean; removed: boolean; firstSector: number; sectors: number } | null;
  commands: CommandRecord[];
  notes: string[];
}

/** hdparm -N p<n>: set the max address to n, permanently (the "p"). Destructive to the drive's layout only. */
export const restoreNativeMaxArgs = (nativeMaxSectors: number, dev: string): string[] => [
  '--yes-i-know-what-i-am-doing',
  '-N',
  `p${nativeMaxSectors}`,
  dev,
];

/** The plan's step: only for ATA drives reached directly (or through a faithful bridge) with an HPA set. */
export function hpaToRestore(drive: Drive): { currentMaxSectors: number; nativeMaxSectors: number } | null {
  const hpa = drive.capabilities.hiddenAreas?.hpa;
  if (hpa?.enabled !== true || hpa.currentMaxSectors == null || hpa.nativeMaxSectors == null) return null;
  if (hpa.nativeMaxSectors <= hpa.currentMaxSectors || !ataReachable(drive)) return null;
  return { currentMaxSectors: hpa.currentMaxSectors, nativeMaxSectors: hpa.nativeMaxSectors };
}

export async function restoreHiddenArea(drive: Drive, deps: CommandLogDeps): Promise<HiddenAreaOutcome> {
  const log = new CommandLog(deps);
  const notes: string[] = [];
  const target = hpaToRestore(drive);
  if (!target) return { hpa: null, commands: log.commands, notes };
  const hidden = target.nativeMaxSectors - target.currentMaxSectors;
  await log.run('hdparm', restoreNativeMaxArgs(target.nativeMaxSectors, drive.path), 30_000);
  const name = drive.path.replace(/^\/dev\//, '');
  await log.run('tee', [`/sys/block/${name}/device/rescan`], 10_000, [], '1');
  const after = parseHdparmNativeMax((await log.run('hdparm', nativeMaxArgs(drive.path), 15_000)).stdout);
  const removed = after.hpaEnabled === false && after.currentMaxSectors === target.nativeMaxSectors;
  notes.push(
    removed
      ? `HPA removed: ${hidden} hidden sectors (${target.currentMaxSectors}–${target.nativeMaxSectors - 1}) given back before the overwrite`
      : `the drive refused to remove its HPA: sectors ${target.currentMaxSectors}–${target.nativeMaxSectors - 1} stay hidden`,
  );
  return {
    hpa: { found: true, removed, firstSector: target.currentMaxSectors, sectors: hidden },
    commands: log.commands,
    notes,
  };
}
