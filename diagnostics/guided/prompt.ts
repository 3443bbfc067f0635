/** A simple numbered-choice prompt on a terminal (the full-screen version belongs to the TUI). */
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { type Lang, text } from '../../core/i18n.js';
import type { Answers } from './answers.js';
import { QUESTIONS, type Question } from './questions.js';

/** Asks `questions` (by default all; `gomme diag` passes `questionsToAsk`, so an absent part is never asked). */
export async function promptAnswers(
  input: Readable,
  output: Writable,
  lang: Lang,
  questions: readonly Question[] = QUESTIONS,
): Promise<Answers> {
  const rl = createInterface({ input, output });
  const answers: Answers = {};
  try {
    for (const q of questions) {
      output.write(`\n${q.prompt[lang]}\n  (${q.instructions[lang]})\n`);
      q.choices.forEach((c, i) => {
        output.write(`  ${i + 1}. ${c.label[lang]}\n`);
      });
      for (;;) {
        const reply = (await rl.question('> ')).trim();
        const choice = q.choices[Number(reply) - 1];
        if (choice) {
          answers[q.id] = choice.id;
          break;
        }
        const again = text(
          `Tapez un numéro entre 1 et ${q.choices.length}.`,
          `Type a number from 1 to ${q.choices.length}.`,
        );
        output.write(`${again[lang]}\n`);
      }
    }
  } finally {
    rl.close();
  }
  return answers;
}
