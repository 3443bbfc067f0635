/**
 * §1 and §3: the same erase on the same loop device by dd, gomme and nwipe, for two backings. Runs are
 * interleaved (rep → backing → tool), and each rep starts from another backing and another tool, so that load
 * from other processes and the after-effects of one run on the next spread over every tool alike.
 */
import { join } from 'node:path';
import { benchDir, createLoop } from './loop.js';
import { interrupted, mbPerSecond, median, type Timed, throwIfInterrupted } from './measure.js';
import { atLeast, type Check, cell, num, renderTable, Series, verdict } from './report.js';
import { ddZeros, gommeErase, type NwipeInfo, nwipe } from './tools.js';

const GIB = 2 ** 30;

interface Backing {
  key: 'disk' | 'shm';
  label: string;
  parent: string;
  directIo: boolean;
}

const BACKINGS: readonly Backing[] = [
  { key: 'disk', label: 'disk: /var/tmp file, loop --direct-io=on', parent: '/var/tmp', directIo: true },
  { key: 'shm', label: 'shm: /dev/shm file (tmpfs)', parent: '/dev/shm', directIo: false },
];

type ToolKey = 'ddZeros' | 'gommeZeros' | 'gommeRandom' | 'nwipeZeros' | 'nwipeRandom';

/** What one run yields; engine seconds only for gomme. */
interface Sample {
  timed: Timed;
  engineSeconds?: number;
}

interface ToolMetrics {
  wallMBps: Series;
  engineMBps: Series;
  /** gomme only: process wall minus engine seconds (start-up, discovery, journal, record), in ms. */
  outsideEngineMs: Series;
  cpuSecondsPerGiB: Series;
  maxRssMiB: Series;
}

export interface EraseContext {
  cli: string;
  sizeBytes: number;
  reps: number;
  /** nwipe is ~30× slower (20 s per GiB): fewer runs, its ratio is far from any noise. */
  nwipeReps: number;
  nwipe: NwipeInfo | null;
  log: (line: string) => void;
}

export interface EraseResult {
  text: string;
  checks: Check[];
  json: unknown;
}

export async function eraseThroughput(ctx: EraseContext): Promise<EraseResult> {
  const dataRoot = benchDir('/dev/shm');
  let dataDirs = 0;
  const nwipePrng = { name: ctx.nwipe?.prngArgs.length ? 'aes_ctr_prng' : 'default' };
  const tools: Record<ToolKey, (device: string) => Promise<Sample>> = {
    ddZeros: async (device) => ({ timed: await ddZeros(device, ctx.sizeBytes) }),
    gommeZeros: (device) => gomme(device, 'zero'),
    gommeRandom: (device) => gomme(device, 'random'),
    nwipeZeros: (device) => runNwipe(device, 'zero'),
    nwipeRandom: (device) => runNwipe(device, 'random'),
  };
  async function gomme(device: string, method: 'zero' | 'random'): Promise<Sample> {
    // A fresh journal per run: every run starts from the same state.
    const dataDir = join(dataRoot, `data-${dataDirs++}`);
    const run = await gommeErase(ctx.cli, [device], method, 'none', dataDir, ctx.sizeBytes);
    return { timed: run, engineSeconds: run.drives[0]!.seconds };
  }
  async function runNwipe(device: string, method: 'zero' | 'random'): Promise<Sample> {
    if (ctx.nwipe === null) throw new Error('nwipe is not installed');
    const run = await nwipe(device, method, ctx.nwipe, ctx.sizeBytes);
    if (method === 'random') nwipePrng.name = run.prng;
    return { timed: run };
  }

  const metrics = new Map<string, ToolMetrics>();
  const metricsOf = (backing: Backing, tool: ToolKey): ToolMetrics => {
    const key = `${backing.key}/${tool}`;
    let m = metrics.get(key);
    if (m === undefined) {
      m = {
        wallMBps: new Series(),
        engineMBps: new Series(),
        outsideEngineMs: new Series(),
        cpuSecondsPerGiB: new Series(),
        maxRssMiB: new Series(),
      };
      metrics.set(key, m);
    }
    return m;
  };

  const devices = new Map<Backing['key'], string>();
  for (const backing of BACKINGS) {
    const loop = createLoop(benchDir(backing.parent), 'disk.img', ctx.sizeBytes, backing.directIo);
    devices.set(backing.key, loop.path);
    // Unmeasured first pass: allocates the sparse file's blocks (extents on disk, pages in tmpfs), which
    // would otherwise slow whichever tool happens to run first.
    ctx.log(`warm-up: dd zeros on ${loop.path} (${backing.label})`);
    await ddZeros(loop.path, ctx.sizeBytes);
  }

  for (let rep = 1; rep <= ctx.reps; rep++) {
    for (const backing of rotate(BACKINGS, rep)) {
      const device = devices.get(backing.key)!;
      for (const tool of rotate(Object.keys(tools) as ToolKey[], rep)) {
        if (tool.startsWith('nwipe') && rep > ctx.nwipeReps) continue;
        const m = metricsOf(backing, tool);
        if (m.wallMBps.error !== undefined) continue; // failed before: its reason stands, do not retry
        throwIfInterrupted();
        try {
          const sample = await tools[tool](device);
          record(m, sample, ctx.sizeBytes);
          ctx.log(
            `rep ${rep}/${ctx.reps} ${backing.key} ${tool}: ${m.wallMBps.runs.at(-1)!.toFixed(0)} MB/s wall` +
              (sample.engineSeconds === undefined
                ? ''
                : `, ${m.engineMBps.runs.at(-1)!.toFixed(0)} MB/s engine`),
          );
        } catch (error) {
          if (interrupted()) throw error;
          for (const series of Object.values(m)) series.fail(error);
          ctx.log(`rep ${rep}/${ctx.reps} ${backing.key} ${tool}: FAILED ${(error as Error).message}`);
        }
      }
    }
  }

  return summarize(metricsOf, nwipePrng.name, ctx);
}

/** The list started at position `by` (mod its length). */
function rotate<T>(items: readonly T[], by: number): T[] {
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function record(m: ToolMetrics, sample: Sample, sizeBytes: number): void {
  const { timed } = sample;
  m.wallMBps.add(mbPerSecond(sizeBytes, timed.wallSeconds));
  if (sample.engineSeconds !== undefined) {
    m.engineMBps.add(mbPerSecond(sizeBytes, sample.engineSeconds));
    m.outsideEngineMs.add((timed.wallSeconds - sample.engineSeconds) * 1000);
  }
  m.cpuSecondsPerGiB.add(
    ((timed.userSeconds ?? Number.NaN) + (timed.systemSeconds ?? Number.NaN)) / (sizeBytes / GIB),
  );
  m.maxRssMiB.add((timed.maxRssKiB ?? Number.NaN) / 1024);
}

/**
 * Median over reps of a[i] / b[i]: both runs of a rep use the same device a few seconds apart, so slow spells of
 * the VM's shared disk and CPUs (single runs swing by ±40 %) hit both sides of each ratio alike.
 */
function pairedRatio(a: Series, b: Series): number | null {
  if (a.error !== undefined || b.error !== undefined) return null;
  const n = Math.min(a.runs.length, b.runs.length);
  if (n === 0) return null;
  return median(Array.from({ length: n }, (_, i) => a.runs[i]! / b.runs[i]!));
}

function summarize(
  metricsOf: (backing: Backing, tool: ToolKey) => ToolMetrics,
  nwipePrng: string,
  ctx: EraseContext,
): EraseResult {
  const [disk, shm] = BACKINGS as [Backing, Backing];
  const row = (label: string, pick: (b: Backing) => Series, digits = 0) => [
    label,
    cell(pick(disk), digits),
    cell(pick(shm), digits),
  ];
  const w = (tool: ToolKey) => (b: Backing) => metricsOf(b, tool).wallMBps;
  const e = (tool: ToolKey) => (b: Backing) => metricsOf(b, tool).engineMBps;
  const outside = (tool: ToolKey) => (b: Backing) => metricsOf(b, tool).outsideEngineMs;
  const cpu = (tool: ToolKey) => (b: Backing) => metricsOf(b, tool).cpuSecondsPerGiB;
  const rss = (tool: ToolKey) => (b: Backing) => metricsOf(b, tool).maxRssMiB;
  const sizeMiB = ctx.sizeBytes / 2 ** 20;

  const throughput = renderTable([
    [`MB/s (10^6 B/s), ${sizeMiB} MiB, median (runs)`, disk.label, shm.label],
    row('dd zeros, wall', w('ddZeros')),
    row('gomme zeros, process wall', w('gommeZeros')),
    row('gomme zeros, engine seconds', e('gommeZeros')),
    row('gomme random, process wall', w('gommeRandom')),
    row('gomme random, engine seconds', e('gommeRandom')),
    row('gomme zeros, ms outside the engine', outside('gommeZeros')),
    row('gomme random, ms outside the engine', outside('gommeRandom')),
    row('nwipe zeros, wall', w('nwipeZeros')),
    row(`nwipe random (${nwipePrng}), wall`, w('nwipeRandom')),
  ]);

  const checks: Check[] = [];
  const ratioRows: string[][] = [['median of per-rep ratios', 'target', disk.key, shm.key]];
  const addRatio = (
    name: string,
    a: (b: Backing) => Series,
    b: (b: Backing) => Series,
    min: number,
    scored = true,
  ) => {
    const perBacking = BACKINGS.map((backing) => {
      const check = atLeast(`${name} [${backing.key}]`, pairedRatio(a(backing), b(backing)), min);
      if (!scored) return `${num(check.value, 2)} (info)`;
      checks.push(check);
      return `${num(check.value, 2)} ${verdict(check)}`;
    });
    ratioRows.push([name, scored ? `≥ ${min}` : 'none', ...perBacking]);
  };
  // The targets compare write rates: gomme's engine time (open, every write, fdatasync) against dd's whole run.
  // Whole-process ratios are printed too, but on a 1 GiB device dd finishes in 0.2-0.4 s, so gomme's fixed
  // ~0.2 s outside the engine (Node start-up, discovery, journal, record; row above) dominates them, while on a
  // real drive (minutes to hours) it is noise.
  addRatio('gomme zeros (engine) / dd zeros (wall)', e('gommeZeros'), w('ddZeros'), 1);
  addRatio('gomme random (engine) / dd zeros (wall)', e('gommeRandom'), w('ddZeros'), 0.95);
  addRatio('gomme zeros / dd zeros (both whole-process wall)', w('gommeZeros'), w('ddZeros'), 1, false);
  addRatio('gomme random / dd zeros (both whole-process wall)', w('gommeRandom'), w('ddZeros'), 0.95, false);
  // "Faster than nwipe": ratio > 1 on like-for-like wall times.
  addRatio('gomme zeros / nwipe zeros (both wall)', w('gommeZeros'), w('nwipeZeros'), 1);
  addRatio(`gomme random / nwipe random ${nwipePrng} (wall)`, w('gommeRandom'), w('nwipeRandom'), 1);

  const cpuTable = renderTable([
    ['CPU s per GiB (user+sys, GNU time), median (runs)', disk.key, shm.key],
    row('dd zeros', cpu('ddZeros'), 2),
    row('gomme zeros', cpu('gommeZeros'), 2),
    row('gomme random', cpu('gommeRandom'), 2),
    row('nwipe zeros', cpu('nwipeZeros'), 2),
    row(`nwipe random (${nwipePrng})`, cpu('nwipeRandom'), 2),
    ['peak RSS MiB, median (runs)', '', ''],
    row('gomme zeros', rss('gommeZeros')),
    row('gomme random', rss('gommeRandom')),
    row('nwipe random', rss('nwipeRandom')),
  ]);

  const json: Record<string, unknown> = { sizeBytes: ctx.sizeBytes, nwipePrng, backings: {} };
  for (const backing of BACKINGS) {
    const tools: Record<string, Partial<ToolMetrics>> = {};
    for (const tool of ['ddZeros', 'gommeZeros', 'gommeRandom', 'nwipeZeros', 'nwipeRandom'] as const) {
      const { engineMBps, outsideEngineMs, ...rest } = metricsOf(backing, tool);
      // Only gomme reports its own seconds: leave the empty series out rather than print nulls.
      tools[tool] = tool.startsWith('gomme') ? { ...rest, engineMBps, outsideEngineMs } : rest;
    }
    (json.backings as Record<string, unknown>)[backing.key] = { label: backing.label, tools };
  }
  return {
    text: [
      '1. Erase throughput, same loop device per backing',
      throughput,
      '',
      renderTable(ratioRows),
      '',
      '3. CPU time and memory of the same runs',
      cpuTable,
    ].join('\n'),
    checks,
    json,
  };
}
