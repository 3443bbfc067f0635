import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { BadInputError, UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { type Lang, text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import { fileErrorWords } from '../../core/words/io-errors.js';
import { testNameWords } from '../../core/words/tests.js';
import { type Answers, parseAnswers } from '../../diagnostics/guided/answers.js';
import { type AbsentParts, readAbsentParts } from '../../diagnostics/guided/ask-context.js';
import { promptAnswers } from '../../diagnostics/guided/prompt.js';
import { questionsToAsk } from '../../diagnostics/guided/questions.js';
import { renderDiag } from '../../diagnostics/render-summary.js';
import { GROUPS, type Group, runDiagnostics } from '../../diagnostics/run-diagnostics.js';
import { FULL_TIME_BOXES, QUICK_TIME_BOXES } from '../../diagnostics/types.js';
import { type SavedDiagnostics, saveDiagnostics, savedWords } from '../../session/save-diagnostics.js';
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
  /** false (`--no-save`): print only; do not keep the report in DATA_DIR/diagnostics/ nor queue it for the hub. */
  save?: boolean;
}

export interface DiagInput {
  stdin: Readable & { isTTY?: boolean };
  signal?: AbortSignal;
}

/**
 * `gomme diag`: inventory, automatic tests, guided questions, grade. Exit 0 when the diagnostics ran, whatever
 * the machine's verdict (it is in the output): scripts read `grade.functional.status`. The report is kept in
 * DATA_DIR/diagnostics/ and queued for the hub when the station has one (`--no-save`: printed only); a copy
 * that could not be kept or queued is a warning on stderr, never a failed run.
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
  if (input.signal?.aborted) {
    // An interrupted run is printed, not kept: the hub would show its "incomplete" as the machine's grade.
    ctx.say(ctx.json ? JSON.stringify(report) : renderDiag(report, ctx.lang));
    return ExitCode.INTERRUPTED;
  }
  const saved = options.save === false ? null : saveDiagnostics(resolveDataDir(ctx.env), report);
  if (saved?.problem) ctx.stderr.write(`${saved.problem[ctx.lang]}\n`);
  if (ctx.json) {
    // One more key after the report's own: scripts that read the report read it as before.
    ctx.say(JSON.stringify(saved ? { ...report, saved: savedJson(saved, ctx.lang) } : report));
  } else {
    ctx.say(renderDiag(report, ctx.lang));
    if (saved && saved.status !== 'not-written') ctx.say(savedWords(saved));
  }
  return ExitCode.OK;
}

/** `saved` of `gomme diag --json`: where the report is (null: not written), and whether the hub will get it. */
function savedJson(saved: SavedDiagnostics, lang: Lang) {
  return {
    path: saved.status === 'not-written' ? null : saved.path,
    status: saved.status,
    problem: saved.problem?.[lang] ?? null,
  };
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
