import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ParamsOutcome } from './params.js';

/** What the decision file says: "none", or "run MODE" ("run invalid" too: that refusal must stay on screen). */
export function decisionLine(outcome: ParamsOutcome): string {
  if (outcome.kind === 'none') return 'none';
  return `run ${outcome.kind === 'ok' ? outcome.params.mode : 'invalid'}`;
}

/**
 * The live image's tty1 waits for this file (GOMME_UNATTENDED_STATE) to choose between the guided screens and
 * this run's log. Written before anything else the run does; nothing when the variable is unset.
 */
export async function announceDecision(path: string | undefined, outcome: ParamsOutcome): Promise<void> {
  if (!path) return;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${decisionLine(outcome)}\n`);
}
