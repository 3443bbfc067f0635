/**
 * `npm run bench`: every figure in one run, printed as tables on stdout (progress goes to stderr) and saved
 * to test-artifacts/bench.json. Writes only to loop devices it creates (loop.ts) and detaches them on the
 * way out, also on SIGINT/SIGTERM/SIGHUP.
 *
 * BENCH_SIZE_MIB: size of each §1 device (default 1024, a multiple of 4 for dd's 4 MiB blocks).
 * BENCH_REPS (11), BENCH_NWIPE_REPS (2; 0 leaves nwipe out), BENCH_PARALLEL_REPS (3): runs per figure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { helpStartup, prngSpeed } from './cpu-bound.js';
import { eraseThroughput } from './erase-throughput.js';
import { cleanupAll, reapStale } from './loop.js';
import { GNU_TIME, gnuTimeAvailable, interrupted, median, stopChildren } from './measure.js';
import { parallelErase } from './parallel.js';
import { type Check, num, renderTable, verdict } from './report.js';
import { nwipeInfo } from './tools.js';

/** Runs per figure: the loop devices share a VM's disk and 2 vCPUs, so single runs swing by ±40 %. */
const REPS = repsFromEnv('BENCH_REPS', 11);
const NWIPE_REPS = repsFromEnv('BENCH_NWIPE_REPS', 2, 0);
/** The parallel section spawns 1, 4 and 8 drives per rep; its RSS target has a wide margin. */
const PARALLEL_REPS = repsFromEnv('BENCH_PARALLEL_REPS', 3);
const HELP_RUNS = 10;
const BACKING_PARENTS = ['/var/tmp', '/dev/shm'] as const;

/** dist/test/bench/run-all.js → the project root. */
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
// The product's launcher (cli/bin/gomme): it sets the malloc tuning a real run has.
const cli = join(projectRoot, 'cli/bin/gomme');
const built = join(projectRoot, 'dist/cli/main.js');

interface Section {
  text: string;
  checks: Check[];
  json: unknown;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/**
 * BENCH_REPS, BENCH_NWIPE_REPS, BENCH_PARALLEL_REPS: fewer runs when time is short. BENCH_NWIPE_REPS=0 leaves
 * nwipe out (on the direct-I/O disk loop it writes ~3 MB/s: one GiB takes minutes); its ratios are then n/a.
 */
function repsFromEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const reps = Number(raw);
  if (!Number.isInteger(reps) || reps < min)
    throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return reps;
}

function sizeFromEnv(): number {
  const raw = process.env.BENCH_SIZE_MIB ?? '1024';
  const mib = Number(raw);
  if (!Number.isInteger(mib) || mib < 4 || mib % 4 !== 0) {
    throw new Error(`BENCH_SIZE_MIB must be a whole multiple of 4 (dd writes 4 MiB blocks), got "${raw}"`);
  }
  return mib * 2 ** 20;
}

function preflight(): void {
  if (process.getuid?.() !== 0) throw new Error('run as root: losetup and the erase commands need it');
  if (!existsSync(built)) throw new Error(`${built} is missing: npm run bench builds it first`);
  if (!gnuTimeAvailable())
    throw new Error(`${GNU_TIME} is missing (apt-get install time): CPU and RSS need it`);
}

function onSignals(): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping the running tool, then detaching loop devices`);
      void stopChildren(5_000).then(() => {
        const failures = cleanupAll();
        for (const f of failures) log(`could not detach ${f}`);
        process.exit(130);
      });
    });
  }
}

async function main(): Promise<void> {
  const sizeBytes = sizeFromEnv();
  preflight();
  reapStale(BACKING_PARENTS);
  onSignals();
  const started = new Date();
  // Other processes share the 2 vCPUs: sample the 1-minute load average so the figures come with it.
  const load: number[] = [loadavg()[0]!];
  const sampler = setInterval(() => load.push(loadavg()[0]!), 5_000);
  const nwipe = nwipeInfo();
  let leftAttached: string[] = [];
  let sections: Record<'erase' | 'prng' | 'parallel' | 'help', Section>;
  try {
    sections = {
      erase: await eraseThroughput({ cli, sizeBytes, reps: REPS, nwipeReps: NWIPE_REPS, nwipe, log }),
      prng: await prngSpeed(REPS, log),
      parallel: await parallelErase(cli, PARALLEL_REPS, log),
      help: await helpStartup(cli, HELP_RUNS),
    };
  } finally {
    clearInterval(sampler);
    leftAttached = cleanupAll();
    for (const f of leftAttached) log(`could not detach ${f}`);
  }
  if (leftAttached.length > 0) throw new Error('some loop devices are still attached (see above)');
  const { erase, prng, parallel, help } = sections;
  const checks = [erase, prng, parallel, help].flatMap((s) => s.checks);

  const meta = {
    date: started.toISOString(),
    seconds: Math.round((Date.now() - started.getTime()) / 1000),
    node: process.version,
    kernel: release(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    /** 1-minute load average, sampled every 5 s during the run. */
    load1: { min: Math.min(...load), median: median(load), max: Math.max(...load), samples: load.length },
    reps: REPS,
    nwipeReps: NWIPE_REPS,
    parallelReps: PARALLEL_REPS,
    sizeMiB: sizeBytes / 2 ** 20,
    nwipe: nwipe?.version ?? null,
    openssl: execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim(),
    rusage: `GNU time (${GNU_TIME} -f '%e %U %S %M'): user+sys s and max RSS of the child from wait4()`,
  };
  const header =
    `gomme bench ${meta.date} — ${meta.cpus} × ${meta.cpuModel}, node ${meta.node}, kernel ${meta.kernel}\n` +
    `1-min load during the run: min ${meta.load1.min.toFixed(1)}, median ${meta.load1.median.toFixed(1)}, ` +
    `max ${meta.load1.max.toFixed(1)}; ${meta.nwipe ?? 'nwipe: not installed'}; ` +
    `${meta.openssl}; ${meta.seconds} s`;
  const summary = renderTable([
    ['target', 'value', 'goal', ''],
    ...checks.map((c) => [
      c.name,
      num(c.value, c.value !== null && c.value >= 10 ? 0 : 2),
      c.target,
      verdict(c),
    ]),
  ]);
  const rule = '─'.repeat(100);
  process.stdout.write(
    [
      header,
      rule,
      erase.text,
      rule,
      prng.text,
      rule,
      parallel.text,
      rule,
      help.text,
      rule,
      'Summary',
      summary,
    ]
      .join('\n')
      .concat('\n'),
  );

  const out = join(projectRoot, 'test-artifacts/bench.json');
  mkdirSync(dirname(out), { recursive: true });
  const json = { meta, erase: erase.json, prng: prng.json, parallel: parallel.json, help: help.json, checks };
  writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${out}`);
}

main().catch((error: unknown) => {
  if (interrupted()) return; // the signal handler detaches and exits
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
