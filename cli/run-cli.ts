import { CommanderError } from '@commander-js/extra-typings';
import { ExitCode } from '../core/exit-codes.js';
import { type CliIo, langOf } from './io.js';
import { buildProgram } from './program/build-program.js';
import { programSetup } from './program/setup.js';
import type { FailureOutput } from './report-failure.js';

/** Parses argv, runs one command, and turns every outcome into an exit code (never exits itself). */
export async function runCli(
  argv: string[],
  io: CliIo,
  failure: Pick<FailureOutput, 'saveBugReport'> = {},
): Promise<number> {
  const lang = langOf(argv, io.env);
  const out: FailureOutput = { io, lang, json: argv.includes('--json'), ...failure };
  let exitCode: number = ExitCode.OK;
  const program = buildProgram(
    programSetup(io, lang, (code) => {
      exitCode = code;
    }),
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    // Loaded on failure only: a command that succeeds never pays for them.
    const { reportFailure } = await import('./report-failure.js');
    if (!(error instanceof CommanderError)) return await reportFailure(error, out);
    const { fromCommanderError } = await import('./program/commander-errors.js');
    const outcome = fromCommanderError(error, program, argv);
    return typeof outcome === 'number' ? outcome : await reportFailure(outcome, out);
  }
}
