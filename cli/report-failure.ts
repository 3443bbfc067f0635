import { describeFailure, type FailureOptions } from '../core/failure.js';
import type { Lang } from '../core/i18n.js';
import type { CliIo } from './io.js';
import { terminalSafe } from './output/terminal-text.js';

export interface FailureOutput {
  io: CliIo;
  lang: Lang;
  /** Scripts asked for JSON: the error is also one `{"type":"error",…}` line on stdout. */
  json: boolean;
  /** The name before the message ("gomme", "gomme unattended"). */
  prefix?: string;
  saveBugReport?: FailureOptions['saveBugReport'];
}

/** Prints an error the way every gomme entry point does and returns the exit code it maps to. */
export async function reportFailure(error: unknown, out: FailureOutput): Promise<number> {
  const report = await describeFailure(error, out.lang, {
    env: out.io.env,
    saveBugReport: out.saveBugReport,
  });
  // Messages can quote drive data (mount points, labels): escaped like every human output.
  const safe = (line: string) => terminalSafe(line, { keepNewlines: true });
  out.io.stderr.write(`${out.prefix ?? 'gomme'}: ${safe(report.message)}\n`);
  if (report.hint) out.io.stderr.write(`  → ${safe(report.hint)}\n`);
  if (report.debugDetails) out.io.stderr.write(`${report.debugDetails}\n`);
  if (out.json) out.io.stdout.write(`${JSON.stringify(report.json)}\n`);
  return report.exitCode;
}
