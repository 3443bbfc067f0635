import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { BadInputError, UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { fileErrorWords } from '../../core/words/io-errors.js';
import { testNameWords } from '../../core/words/tests.js';
import { type Answers, parseAnswers } from '../../diagnostics/guided/answers.js';
import { type AbsentParts, readAbsentParts } from '../../diagnostics/guided/ask-context.js';
import { promptAnswers } from '../../diagnostics/guided/prompt.js';
import { questionsToAsk } from '../../diagnostics/guided/questions.js';
import { renderDiag } from '../../diagnostics/render-summary.js';
import { GROUPS, type Group, runDiagnostics } from '../../diagnostics/run-diagnostics.js';
import { FULL_TIME_BOXES, QUICK_TIME_BOXES } from '../../diagnostics/types.js';
import type { CommandContext } from '../io.js';
import { openSystem } from '../open-system.js';

export interface DiagCommandOptions {
  only?: string;
  quick?: boolean;
  replay?: string;
  /** Answers file ("-" = stdin); otherwise stdin is read when it is not a terminal. */
  answers?: string;
  publicDonor?: boolean;
  /** Skip the guided questions even on a terminal. */
  guided?: boolean;
}

export interface DiagInput {
  stdin: Readable & { isTTY?: boolean };
  signal?: AbortSignal;
}

/**
 * `gomme diag`: inventory, automatic tests, guided questions, grade. Exit 0 when the diagnostics ran, whatever
 * the machine's verdict (it is in the output): scripts read `grade.functional.status`.
 */
export async function diagCommand(
  ctx: CommandContext,
  options: DiagCommandOptions,
  input: DiagInput = { stdin: process.stdin },
): Promise<number> {
  const only = parseOnly(options.only);
  const system = await openSystem(options.replay);
  // Read once: the prompt skips the questions about absent parts, and the report calls them not-present.
  const absentParts = await readAbsentParts(system);
  const answers = await gatherAnswers(ctx, options, input, only, absentParts);
  const report = await runDiagnostics(system, {
    timeBoxes: options.quick ? QUICK_TIME_BOXES : FULL_TIME_BOXES,
    only,
    answers,
    absentParts,
    publicDonor: options.publicDonor ?? false,
    signal: input.signal,
    onProgress: ctx.json
      ? undefined
      : (event) => {
          if (event.type === 'test-start') ctx.stderr.write(`… ${testNameWords(event.name)[ctx.lang]}\n`);
        },
  });
  ctx.say(ctx.json ? JSON.stringify(report) : renderDiag(report, ctx.lang));
  return input.signal?.aborted ? ExitCode.INTERRUPTED : ExitCode.OK;
}

function parseOnly(value: string | undefined): Group[] | undefined {
  if (!value) return undefined;
  const groups = value
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '');
  for (const g of groups) {
    if (!(GROUPS as readonly string[]).includes(g)) {
      throw new UsageError(
        text(
          `--only : groupe inconnu « ${g} » (connus : ${GROUPS.join(', ')}).`,
          `--only: unknown group "${g}" (known: ${GROUPS.join(', ')}).`,
        ),
      );
    }
  }
  return groups as Group[];
}

/** --answers file, else piped stdin, else a prompt on a terminal; with none of them guided tests are skipped. */
async function gatherAnswers(
  ctx: CommandContext,
  options: DiagCommandOptions,
  input: DiagInput,
  only: Group[] | undefined,
  absentParts: AbsentParts,
): Promise<Answers> {
  if (options.guided === false || (only && !only.includes('guided'))) return {};
  if (options.answers && options.answers !== '-') {
    let content: string;
    try {
      content = await readFile(options.answers, 'utf8');
    } catch (error) {
      throw new BadInputError(options.answers, fileErrorWords(error), error);
    }
    return parseAnswers(content, options.answers);
  }
  if (input.stdin.isTTY && options.answers !== '-') {
    const questions = questionsToAsk({ absent: absentParts.absent, ranTests: [] });
    return promptAnswers(input.stdin, ctx.stderr, ctx.lang, questions);
  }
  return parseAnswers(await readAll(input.stdin), 'stdin');
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
