/**
 * §4: one gomme command erasing one, four and eight drives at once (random + sample verification), interleaved.
 * Peak RSS is the max over runs (the figure to keep under the limit), per process: the command (journal,
 * display) and its engine process (the drives' I/O), and their sum; GNU time's %M is only the larger of the two.
 * Throughput is aggregate: all bytes written / process wall time, and / the longest engine job.
 */
import { join } from 'node:path';
import { benchDir, createLoop } from './loop.js';
import { interrupted, mbPerSecond, throwIfInterrupted } from './measure.js';
import { atMost, type Check, cell, num, renderTable, Series, verdict } from './report.js';
import { ddZeros, gommeErase } from './tools.js';

export const PARALLEL_DRIVE_BYTES = 256 << 20;
const RSS_LIMIT_MIB = 200;
const COUNTS = [1, 4, 8] as const;
type Count = (typeof COUNTS)[number];

interface Variant {
  /** GNU time %M: the largest peak in the command's process tree. */
  rssMiB: Series;
  parentRssMiB: Series;
  engineRssMiB: Series;
  sumRssMiB: Series;
  wallMBps: Series;
  engineMBps: Series;
}

export async function parallelErase(
  cli: string,
  reps: number,
  log: (line: string) => void,
): Promise<{ text: string; checks: Check[]; json: unknown }> {
  const dir = benchDir('/dev/shm');
  const devices: string[] = [];
  for (let i = 1; i <= Math.max(...COUNTS); i++) {
    const loop = createLoop(dir, `d${i}.img`, PARALLEL_DRIVE_BYTES, false);
    await ddZeros(loop.path, PARALLEL_DRIVE_BYTES); // allocate the tmpfs pages before timing
    devices.push(loop.path);
  }
  const variants = Object.fromEntries(COUNTS.map((n) => [n, newVariant()])) as Record<Count, Variant>;
  let runs = 0;
  for (let rep = 1; rep <= reps; rep++) {
    for (const count of COUNTS) {
      const v = variants[count];
      if (v.rssMiB.error !== undefined) continue;
      throwIfInterrupted();
      try {
        const dataDir = join(dir, `data-${runs++}`);
        const targets = devices.slice(0, count);
        const run = await gommeErase(cli, targets, 'random', 'sample', dataDir, PARALLEL_DRIVE_BYTES, {
          sampleRss: true,
        });
        const bytes = run.drives.reduce((sum, d) => sum + d.bytesWritten, 0);
        const peakOf = (suffix: string) =>
          Math.max(0, ...(run.peaks ?? []).filter((p) => p.command.endsWith(suffix)).map((p) => p.peakKiB)) /
          1024;
        const parent = peakOf('/cli/main.js');
        const engine = peakOf('/engine-main.js');
        v.rssMiB.add((run.maxRssKiB ?? Number.NaN) / 1024);
        v.parentRssMiB.add(parent);
        v.engineRssMiB.add(engine);
        v.sumRssMiB.add(parent + engine);
        v.wallMBps.add(mbPerSecond(bytes, run.wallSeconds));
        v.engineMBps.add(mbPerSecond(bytes, Math.max(...run.drives.map((d) => d.seconds))));
        log(
          `rep ${rep}/${reps} ${count} drive(s): peak RSS command ${parent.toFixed(0)} + engine ` +
            `${engine.toFixed(0)} MiB, ${v.wallMBps.runs.at(-1)!.toFixed(0)} MB/s aggregate wall`,
        );
      } catch (error) {
        if (interrupted()) throw error;
        for (const series of Object.values(v)) series.fail(error);
        log(`rep ${rep}/${reps} ${count} drive(s): FAILED ${(error as Error).message}`);
      }
    }
  }

  const check = atMost(
    'peak RSS, 8 drives: command + engine process (MiB, max of runs)',
    variants[8].sumRssMiB.max,
    RSS_LIMIT_MIB,
  );
  const row = (label: string, pick: (v: Variant) => Series, aggregate: 'median' | 'max' = 'median') => [
    label,
    ...COUNTS.map((n) => cell(pick(variants[n]), 0, aggregate)),
  ];
  const text = [
    `4. Parallel erase: gomme --method random --verify sample, ${PARALLEL_DRIVE_BYTES >> 20} MiB loop devices in /dev/shm`,
    renderTable([
      ['median (runs); peak RSS: max (runs)', ...COUNTS.map((n) => `${n} drive${n > 1 ? 's' : ''}`)],
      row('peak RSS MiB, command (VmHWM)', (v) => v.parentRssMiB, 'max'),
      row('peak RSS MiB, engine process (VmHWM)', (v) => v.engineRssMiB, 'max'),
      row('peak RSS MiB, sum of both', (v) => v.sumRssMiB, 'max'),
      row('peak RSS MiB, GNU time %M (larger one)', (v) => v.rssMiB, 'max'),
      row('aggregate MB/s, process wall', (v) => v.wallMBps),
      row('aggregate MB/s, longest engine job', (v) => v.engineMBps),
      [`peak RSS 8 drives, sum ≤ ${RSS_LIMIT_MIB} MiB`, '', '', `${num(check.value, 0)} ${verdict(check)}`],
    ]),
  ].join('\n');
  return { text, checks: [check], json: { driveBytes: PARALLEL_DRIVE_BYTES, ...variants } };
}

function newVariant(): Variant {
  return {
    rssMiB: new Series(),
    parentRssMiB: new Series(),
    engineRssMiB: new Series(),
    sumRssMiB: new Series(),
    wallMBps: new Series(),
    engineMBps: new Series(),
  };
}
