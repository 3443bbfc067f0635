/**
 * Answers to guided questions, from stdin or a prompt, and what they mean. Two input forms (README):
 * one JSON object `{"answers":{"keyboard":"ok","cosmetic":"B"}}`, or lines `keyboard=ok` (`#` comments).
 */
import { BadInputError } from '../../core/errors.js';
import { text } from '../../core/i18n.js';
import { reason, type TestResult } from '../types.js';
import { QUESTIONS, type Question } from './questions.js';

export type Answers = Record<string, string>;

/** Parses either input form; an empty input means "no answers". Throws BadInputError on anything else. */
export function parseAnswers(input: string, source = 'stdin'): Answers {
  const trimmed = input.trim();
  if (trimmed === '') return {};
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new BadInputError(source, text('pas du JSON valide', 'not valid JSON'), error);
    }
    const answers = (data as { answers?: unknown }).answers;
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
      throw new BadInputError(
        source,
        text('attendu : {"answers":{"question":"choix",…}}', 'expected {"answers":{"question":"choice",…}}'),
      );
    }
    const out: Answers = {};
    for (const [key, value] of Object.entries(answers)) {
      if (typeof value !== 'string')
        throw new BadInputError(
          source,
          text(`la réponse à « ${key} » n’est pas du texte`, `answer to "${key}" is not a string`),
        );
      out[key] = value;
    }
    return validate(out, source);
  }
  const out: Answers = {};
  for (const [index, raw] of trimmed.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const match = /^([\w-]+)\s*=\s*([\w-]+)$/.exec(line);
    if (!match?.[1] || !match[2])
      throw new BadInputError(
        source,
        text(
          `la ligne ${index + 1} n’est pas de la forme « question=choix »`,
          `line ${index + 1} is not "question=choice"`,
        ),
      );
    out[match[1]] = match[2];
  }
  return validate(out, source);
}

function validate(answers: Answers, source: string): Answers {
  for (const [id, choice] of Object.entries(answers)) {
    const question = QUESTIONS.find((q) => q.id === id);
    if (!question)
      throw new BadInputError(
        source,
        text(
          `question inconnue « ${id} » (connues : ${QUESTIONS.map((q) => q.id).join(', ')})`,
          `unknown question "${id}" (known: ${QUESTIONS.map((q) => q.id).join(', ')})`,
        ),
      );
    if (!question.choices.some((c) => c.id === choice)) {
      const choices = question.choices.map((c) => c.id).join(', ');
      throw new BadInputError(
        source,
        text(
          `« ${choice} » n’est pas un choix de « ${id} » (${choices})`,
          `"${choice}" is not a choice of "${id}" (${choices})`,
        ),
      );
    }
  }
  return answers;
}

/** One result per question: answered ones from their choice's outcome, the rest skipped. */
export function evaluateAnswers(answers: Answers, questions: Question[] = QUESTIONS): TestResult[] {
  return questions.map((q) => {
    const choice = q.choices.find((c) => c.id === answers[q.id]);
    if (!choice) {
      return {
        name: q.id,
        kind: 'guided',
        status: 'skipped',
        reasons: [
          reason(
            'not-answered',
            'info',
            'Question non posée (pas de terminal ni de réponse).',
            'Not asked (no terminal and no answer).',
          ),
        ],
        values: {},
        durationMs: 0,
      };
    }
    const { outcome } = choice;
    const reasons =
      outcome.severity && outcome.code
        ? [
            reason(
              outcome.code,
              outcome.severity,
              `${q.prompt.fr} → ${choice.label.fr}`,
              `${q.prompt.en} → ${choice.label.en}`,
            ),
          ]
        : [];
    const values: Record<string, unknown> = { choice: choice.id };
    if (outcome.cosmeticGrade) values.cosmeticGrade = outcome.cosmeticGrade;
    return { name: q.id, kind: 'guided', status: outcome.status, reasons, values, durationMs: 0 };
  });
}
