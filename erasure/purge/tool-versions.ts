/**
 * Versions of the programs that ran a purge, for the record and the certificate ("Tool Used (including
 * version)", NIST SP 800-88 §4.8). A missing program is recorded as null, not an error.
 */
import { ToolMissingError } from '../../core/errors.js';
import type { CommandRunner } from '../../core/run/runner.js';
import { versionArgs as hdparmVersionArgs } from '../../core/tools/hdparm/args.js';
import { mmcVersionArgs } from '../../core/tools/mmc/args.js';
import { versionArgs as nvmeVersionArgs } from '../../core/tools/nvme/args.js';
import { sedVersionArgs } from '../../core/tools/sedutil/args.js';
import { sgVersionArgs } from '../../core/tools/sg3/args.js';
import type { PurgeEngineId } from './engine.js';

export type PurgeTool = 'hdparm' | 'nvme' | 'sg3_utils' | 'blkdiscard' | 'sedutil' | 'mmc-utils';

const COMMANDS: Record<PurgeTool, { file: string; args: string[] }> = {
  hdparm: { file: 'hdparm', args: hdparmVersionArgs() },
  nvme: { file: 'nvme', args: nvmeVersionArgs() },
  sg3_utils: { file: 'sg_sanitize', args: sgVersionArgs() },
  blkdiscard: { file: 'blkdiscard', args: ['--version'] },
  // Neither has a --version: the Debian package version says which build ran.
  sedutil: { file: 'dpkg-query', args: sedVersionArgs() },
  'mmc-utils': { file: 'dpkg-query', args: mmcVersionArgs() },
};

export function toolsFor(engine: PurgeEngineId): PurgeTool[] {
  if (engine.startsWith('ata-')) return ['hdparm'];
  if (engine.startsWith('nvme-')) return ['nvme'];
  if (engine.startsWith('scsi-')) return ['sg3_utils'];
  if (engine.startsWith('tcg-')) return ['sedutil'];
  if (engine === 'emmc-secure-discard') return ['blkdiscard'];
  if (engine.startsWith('emmc-')) return ['mmc-utils'];
  return ['blkdiscard'];
}

/** "hdparm v9.65" → "9.65"; "nvme version 2.13 (git 2.13)\nlibnvme version 1.13…" → "2.13 (libnvme 1.13)". */
export function parseToolVersion(tool: PurgeTool, output: string): string | null {
  switch (tool) {
    case 'hdparm':
      return /hdparm v(\d[\w.-]*)/.exec(output)?.[1] ?? null;
    case 'nvme': {
      const cli = /nvme version (\d[\w.-]*)/.exec(output)?.[1];
      const lib = /libnvme version (\d[\w.-]*)/.exec(output)?.[1];
      if (!cli) return null;
      return lib ? `${cli} (libnvme ${lib})` : cli;
    }
    case 'sg3_utils':
      // sg_sanitize prints its own version ("1.19 20220117"), to stderr on some releases.
      return /^\s*(\d+\.\d+\s+\d{8})/m.exec(output)?.[1] ?? null;
    case 'blkdiscard':
      return /util-linux (\d[\w.-]*)/.exec(output)?.[1] ?? null;
    case 'sedutil':
    case 'mmc-utils':
      return /^\s*(\S+)\s*$/.exec(output)?.[1] ?? null;
  }
}

export async function readToolVersions(
  runner: CommandRunner,
  tools: readonly PurgeTool[],
): Promise<Partial<Record<PurgeTool, string | null>>> {
  const out: Partial<Record<PurgeTool, string | null>> = {};
  for (const tool of tools) {
    const { file, args } = COMMANDS[tool];
    try {
      const result = await runner.run(file, args, { timeoutMs: 10_000 });
      out[tool] = parseToolVersion(tool, `${result.stdout}\n${result.stderr}`);
    } catch (error) {
      if (!(error instanceof ToolMissingError)) throw error;
      out[tool] = null;
    }
  }
  return out;
}
