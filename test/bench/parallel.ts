/**
 * §4: one gomme process erasing four drives at once (random + sample verification), against the same
 * command on one drive, interleaved. Peak RSS is the max over runs (the figure to keep under the limit);
 * throughput is aggregate: all bytes written / process wall time, and / the longest engine job.
 */
import { join } from 'node:path';
import { benchDir, createLoop } from './loop.js';
import { interrupted, mbPerSecond, throwIfInterrupted } from './measure.js';
import { atMost, type Check, cell, num, renderTable, Series, verdict } from './report.js';
import { ddZeros, gommeErase } from './tools.js';

export const PARALLEL_DRIVE_BYTES = 256 << 20;
const RSS_LIMIT_MIB = 200;

interface Variant {
  rssMiB: Series;
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
  for (let i = 1; i <= 4; i++) {
    const loop = createLoop(dir, `d${i}.img`, PARALLEL_DRIVE_BYTES, false);
    await ddZeros(loop.path, PARALLEL_DRIVE_BYTES); // allocate the tmpfs pages before timing
    devices.push(loop.path);
  }
  const variants = { one: newVariant(), four: newVariant() };
  let runs = 0;
  for (let rep = 1; rep <= reps; rep++) {
    for (const [key, targets] of [
      ['one', devices.slice(0, 1)],
      ['four', devices],
    ] as const) {
      const v = variants[key];
      if (v.rssMiB.error !== undefined) continue;
      throwIfInterrupted();
      try {
        const dataDir = join(dir, `data-${runs++}`);
        const run = await gommeErase(cli, targets, 'random', 'sample', dataDir, PARALLEL_DRIVE_BYTES);
        const bytes = run.drives.reduce((sum, d) => sum + d.bytesWritten, 0);
        v.rssMiB.add((run.maxRssKiB ?? Number.NaN) / 1024);
        v.wallMBps.add(mbPerSecond(bytes, run.wallSeconds));
        v.engineMBps.add(mbPerSecond(bytes, Math.max(...run.drives.map((d) => d.seconds))));
        log(
          `rep ${rep}/${reps} ${targets.length} drive(s): ${v.rssMiB.runs.at(-1)!.toFixed(0)} MiB peak RSS, ` +
            `${v.wallMBps.runs.at(-1)!.toFixed(0)} MB/s aggregate wall`,
        );
      } catch (error) {
        if (interrupted()) throw error;
        for (const series of Object.values(v)) series.fail(error);
        log(`rep ${rep}/${reps} ${targets.length} drive(s): FAILED ${(error as Error).message}`);
      }
    }
  }

  const check = atMost(
    'peak RSS, 4 drives in one gomme process (MiB, max of runs)',
    variants.four.rssMiB.max,
    RSS_LIMIT_MIB,
  );
  const text = [
    `4. Parallel erase: gomme --method random --verify sample, ${PARALLEL_DRIVE_BYTES >> 20} MiB loop devices in /dev/shm`,
    renderTable([
      ['median (runs); peak RSS: max (runs)', '1 drive', '4 drives'],
      [
        'peak RSS MiB (GNU time %M)',
        cell(variants.one.rssMiB, 0, 'max'),
        cell(variants.four.rssMiB, 0, 'max'),
      ],
      ['aggregate MB/s, process wall', cell(variants.one.wallMBps), cell(variants.four.wallMBps)],
      ['aggregate MB/s, longest engine job', cell(variants.one.engineMBps), cell(variants.four.engineMBps)],
      [`peak RSS 4 drives ≤ ${RSS_LIMIT_MIB} MiB`, '', `${num(check.value, 0)} ${verdict(check)}`],
    ]),
  ].join('\n');
  return { text, checks: [check], json: { driveBytes: PARALLEL_DRIVE_BYTES, ...variants } };
}

function newVariant(): Variant {
  return { rssMiB: new Series(), wallMBps: new Series(), engineMBps: new Series() };
}
