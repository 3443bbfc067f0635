#!/usr/bin/env node
import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { resolveLang } from '../../core/i18n.js';
import { unattendedCommand } from '../commands/unattended.js';
import { makeContext } from '../io.js';

/**
 * Stand-alone entry of `gomme unattended` for the live image's systemd unit, so the boot path depends on this
 * one command only. Arguments: [--serial DEVICE] [--dry-run] [--lang fr|en].
 */
const argv = process.argv.slice(2);
const flagValue = (flag: string) => argv[argv.indexOf(flag) + 1];
const lang = resolveLang(argv.includes('--lang') ? flagValue('--lang') : undefined, process.env);
const ctx = makeContext({ stdout: process.stdout, stderr: process.stderr, env: process.env }, lang, true);

unattendedCommand(ctx, {
  ...(argv.includes('--serial') ? { serial: flagValue('--serial') } : {}),
  dryRun: argv.includes('--dry-run'),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof GommeError) {
      process.stderr.write(`gomme unattended: ${error.text[lang]}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`gomme unattended: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = ExitCode.FAILURE;
  },
);
