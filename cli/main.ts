#!/usr/bin/env node
import { runCli } from './run-cli.js';

// The only process.exit in gomme: everything else returns an exit code.
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gomme: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
