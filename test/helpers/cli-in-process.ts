import { PassThrough } from 'node:stream';
import { runCli } from '../../cli/run-cli.js';

/** Runs gomme in this process with captured streams (commands that only read, or read a replayed bundle). */
export async function cliInProcess(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const code = await runCli(argv, { stdout, stderr, env: { GOMME_LANG: 'en', ...env } });
  return { code, stdout: out, stderr: err };
}
