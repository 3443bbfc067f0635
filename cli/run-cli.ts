import { CommanderError } from 'commander';
import { GommeError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { resolveLang } from '../core/i18n.js';
import type { CliIo } from './io.js';
import { terminalSafe } from './output/terminal-text.js';
import { buildProgram } from './program.js';

/** Parses argv, runs one command, and turns every outcome into an exit code (never exits itself). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const langFlag =
    argv.find((_, i) => argv[i - 1] === '--lang') ?? argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const lang = resolveLang(langFlag, io.env);
  const json = argv.includes('--json');
  let exitCode: number = ExitCode.OK;
  const program = buildProgram(io, lang, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    if (error instanceof GommeError) {
      // Messages can quote drive data (mount points, labels): escaped like every human output.
      io.stderr.write(`gomme: ${terminalSafe(error.text[lang], { keepNewlines: true })}\n`);
      if (error.hint) io.stderr.write(`  → ${terminalSafe(error.hint[lang], { keepNewlines: true })}\n`);
      if (json) {
        const payload = {
          type: 'error',
          code: error.code,
          exitCode: error.exitCode,
          message: error.text[lang],
        };
        io.stdout.write(`${JSON.stringify({ ...payload, hint: error.hint?.[lang] ?? null })}\n`);
      }
      return error.exitCode;
    }
    throw error;
  }
}
