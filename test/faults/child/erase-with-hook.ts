/**
 * TEST-ONLY child process for the fault-injection suite: `gomme erase` in-process, with journal hooks injected
 * (never an environment variable read by production code). At the Nth write of a given point it kills itself
 * (SIGKILL) or presses Ctrl-C (SIGINT), fills the data partition, runs a command (make the medium read-only, detach a device), or just logs
 * every write point (a census). Argument: one JSON object (see ChildSpec).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, constants, openSync } from 'node:fs';
import { type EraseOptions, eraseCommand } from '../../../cli/commands/erase.js';
import { makeContext } from '../../../cli/io.js';
import { GommeError } from '../../../core/errors.js';
import type { WritePoint } from '../../../core/journal/index.js';
import { corruptRecordsIndex } from './corrupt-journal.js';
import { fill } from './fill.js';

export interface ChildAct {
  at: WritePoint;
  /** 1-based occurrence of that point. */
  nth: number;
  do: 'kill' | 'interrupt' | 'fill' | 'exec' | 'corrupt-index' | 'hold';
  /** fill: the folder to fill; corrupt-index: the journal file; hold: the device to claim; exec: the argv. */
  dir?: string;
  file?: string;
  argv?: string[];
}

export interface ChildSpec {
  devices: string[];
  options: EraseOptions;
  acts: ChildAct[];
  /** Append every write point to this file, one per line. */
  census?: string;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ChildSpec;
const seen = new Map<WritePoint, number>();
const held: number[] = [];
const afterWrite = (points: readonly WritePoint[]) => {
  for (const point of points) {
    const n = (seen.get(point) ?? 0) + 1;
    seen.set(point, n);
    if (spec.census) appendFileSync(spec.census, `${point}\n`);
    for (const act of spec.acts.filter((a) => a.at === point && a.nth === n)) {
      if (act.do === 'kill') process.kill(process.pid, 'SIGKILL');
      // Ctrl-C at an exact point of the run, whatever the machine's speed (a signal from the test races the job).
      if (act.do === 'interrupt') process.kill(process.pid, 'SIGINT');
      if (act.do === 'fill' && act.dir) fill(act.dir);
      if (act.do === 'exec' && act.argv?.[0])
        execFileSync(act.argv[0], act.argv.slice(1), { stdio: 'ignore' });
      if (act.do === 'corrupt-index' && act.file) corruptRecordsIndex(act.file);
      // Another holder claims the device exclusively (and keeps it) between the checks and the run.
      if (act.do === 'hold' && act.file) held.push(openSync(act.file, constants.O_RDONLY | constants.O_EXCL));
    }
  }
};

const ctx = makeContext({ stdout: process.stdout, stderr: process.stderr, env: process.env }, 'en', true);
try {
  process.exitCode = await eraseCommand(
    ctx,
    spec.devices,
    { yes: true, ...spec.options },
    { journal: { afterWrite } },
  );
} catch (error) {
  if (!(error instanceof GommeError)) throw error;
  process.stderr.write(`gomme: ${error.text.en}\n`);
  const line = {
    type: 'error',
    code: error.code,
    exitCode: error.exitCode,
    message: error.text.en,
    hint: error.hint?.en ?? null,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  process.exitCode = error.exitCode;
}
