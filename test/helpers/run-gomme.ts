import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './fixtures.js';

/** The built CLI (npm test builds before running vitest). */
export const gommeCli = join(projectRoot, 'dist/cli/main.js');
/** The launcher a user runs (cli/bin/gomme → node dist/cli/main.js). */
export const gommeLauncher = join(projectRoot, 'cli/bin/gomme');

export interface GommeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as NDJSON (lines that are not JSON are skipped). */
  lines: Array<Record<string, unknown>>;
}

export function runGomme(args: string[], env: NodeJS.ProcessEnv = {}): GommeRun {
  const r: SpawnSyncReturns<string> = spawnSync(gommeLauncher, args, {
    env: { ...process.env, GOMME_LANG: 'en', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: ndjson(r.stdout) };
}

/** Starts gomme and calls `onLine` for every NDJSON line; `onLine` may kill the child (SIGKILL unless told). */
export function spawnGomme(
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine: (line: Record<string, unknown>, kill: (signal?: NodeJS.Signals) => void) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: Array<Record<string, unknown>> }> {
  const child = spawn(gommeLauncher, args, {
    env: { ...process.env, GOMME_LANG: 'en', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      const parsed = ndjson(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
      for (const line of parsed) {
        lines.push(line);
        onLine(line, (signal = 'SIGKILL') => child.kill(signal));
      }
      nl = pending.indexOf('\n');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, lines }));
  });
}

function ndjson(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        // A line cut by SIGKILL is not an event: the test only reads complete lines.
        return [];
      }
    });
}
