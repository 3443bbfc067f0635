import { type DriveProbe, emptyProbe } from '../../core/detect/probe-drive.js';
import type { CommandResult } from '../../core/run/runner.js';
import { flattenLsblk, parseLsblk } from '../../core/tools/lsblk/parse-lsblk.js';
import { readFixture } from './fixtures.js';

/** The team's QEMU guest captures (shared/fixtures/qemu/): real tool outputs, four files per command. */
export const QEMU = 'bios-cdrom-full';

/** A captured command (NAME.cmd/.out/.err/.rc) as the runner would have returned it. */
export function capturedResult(name: string, dir = QEMU): CommandResult {
  const base = `qemu/${dir}/${name}`;
  return {
    argv: readFixture(`${base}.cmd`).trim().split(/\s+/),
    exitCode: Number(readFixture(`${base}.rc`).trim()),
    signal: null,
    // latin1: broken IDENTIFY strings hold arbitrary bytes, kept one-to-one.
    stdout: readFixture(`${base}.out`, 'latin1'),
    stderr: readFixture(`${base}.err`),
    timedOut: false,
    durationMs: 0,
  };
}

/** A drive probe of the QEMU guest's drive `name` (its lsblk node), with the given sources filled in. */
export function qemuProbe(name: string, overrides: Partial<DriveProbe> = {}, dir = QEMU): DriveProbe {
  const { nodes } = parseLsblk(readFixture(`qemu/${dir}/lsblk-J-b.out`));
  const node = flattenLsblk(nodes).find((n) => n.name === name);
  if (!node) throw new Error(`no ${name} in the ${dir} lsblk capture`);
  return { ...emptyProbe(node), ...overrides };
}
