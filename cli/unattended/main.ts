#!/usr/bin/env node
import { bootUnitsOption, unattendedCommand } from '../commands/unattended.js';
import { langOf, makeContext } from '../io.js';
import { guardProcess } from '../process-guards.js';

/**
 * Stand-alone entry of `gomme unattended` for the live image's systemd unit, so the boot path depends on this
 * one command only. Arguments: [--serial DEVICE] [--dry-run] [--wait-for-disks] [--boot-units UNIT,UNIT…]
 * [--lang fr|en]. Output is NDJSON, errors included.
 */
const argv = process.argv.slice(2);
const flagValue = (flag: string) => argv[argv.indexOf(flag) + 1];
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
const out = { io, lang: langOf(argv, process.env), json: true, prefix: 'gomme unattended' };
guardProcess(out);

unattendedCommand(makeContext(io, out.lang, true), {
  ...(argv.includes('--serial') ? { serial: flagValue('--serial') } : {}),
  dryRun: argv.includes('--dry-run'),
  waitForDisks: argv.includes('--wait-for-disks'),
  ...(argv.includes('--boot-units') ? { bootUnits: bootUnitsOption(flagValue('--boot-units')) } : {}),
}).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    const { reportFailure } = await import('../report-failure.js');
    process.exitCode = await reportFailure(error, out);
  },
);
