#!/usr/bin/env node
import { langOf } from './io.js';
import { guardProcess } from './process-guards.js';
import { runCli } from './run-cli.js';

const argv = process.argv.slice(2);
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
const out = { io, lang: langOf(argv, process.env), json: argv.includes('--json') };
guardProcess(out);

// The only process.exit in gomme is in guardProcess (a bug no command caught): everything else returns a code.
runCli(argv, io).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    const { reportFailure } = await import('./report-failure.js');
    process.exitCode = await reportFailure(error, out);
  },
);
