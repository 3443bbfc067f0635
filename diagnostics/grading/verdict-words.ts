/**
 * The words of a diagnostics verdict, shared by the guide, `gomme diag` and the machine certificate, so a test
 * called "non testé" on one screen is never "OK" on another. French first.
 */
import { COLON, type Text, text, textOf } from '../../core/i18n.js';
import { TEST_STATUS_WORDS, testLineWords } from '../../core/words/tests.js';
import type { TestResult } from '../types.js';
import { type Category, type Cosmetic, type FunctionalStatus, type Grade, isUntested } from './grade.js';

/** A test as a person reads it: an untested function (skipped, or too short to count) is never "OK". */
export type TestVerdict = 'pass' | 'warn' | 'fail' | 'not-present' | 'untested';

export function testVerdict(test: TestResult): TestVerdict {
  if (test.status === 'fail') return 'fail';
  if (isUntested(test)) return 'untested';
  return test.status === 'skipped' ? 'untested' : test.status;
}

/** The same verdict from a progress event (`test-end`: its status and whether it tested its function). */
export function eventVerdict(status: TestResult['status'], untested: boolean): TestVerdict {
  if (status === 'fail') return 'fail';
  return untested || status === 'skipped' ? 'untested' : status;
}

/** The shared status words (core/words/tests.ts): the CLI, the guide and the certificate say the same. */
export const VERDICT_WORDS: Record<TestVerdict, Text> = {
  pass: TEST_STATUS_WORDS.pass,
  warn: TEST_STATUS_WORDS.warn,
  fail: TEST_STATUS_WORDS.fail,
  'not-present': TEST_STATUS_WORDS['not-present'],
  untested: TEST_STATUS_WORDS.untested,
};

export const FUNCTIONAL_WORDS: Record<FunctionalStatus, Text> = {
  pass: text('BON', 'PASS'),
  'pass-with-reservations': text('BON AVEC RÉSERVES', 'PASS WITH RESERVATIONS'),
  incomplete: text('INCOMPLET', 'INCOMPLETE'),
  fail: text('ÉCHEC', 'FAIL'),
};

/** "mémoire vive", "santé du disque (SMART) /dev/sda": the shared test names; an unknown name is shown as is. */
export function testName(label: string): Text {
  return testLineWords(label);
}

/**
 * "INCOMPLET : 3 fonctions non testées", "ÉCHEC : à réparer", "BON". With `list`, the untested functions are
 * named too ("… non testées : processeur, clavier").
 */
export function functionalHeadline(functional: Grade['functional'], options: { list?: boolean } = {}): Text {
  const word = FUNCTIONAL_WORDS[functional.status];
  const n = functional.untested.length;
  const names = untestedList(functional);
  const untested = text(
    `${n === 1 ? '1 fonction non testée' : `${n} fonctions non testées`}${options.list && n > 0 ? ` : ${names.fr}` : ''}`,
    `${n === 1 ? '1 function not tested' : `${n} functions not tested`}${options.list && n > 0 ? `: ${names.en}` : ''}`,
  );
  if (functional.status === 'incomplete')
    return textOf((lang) => `${word[lang]}${COLON[lang]}${untested[lang]}`);
  if (functional.status !== 'fail') return word;
  const why = functional.blocked
    ? text('mot de passe à retirer', 'password to remove')
    : functional.repairable
      ? text('à réparer', 'needs repair')
      : text("ne peut pas être vendu en l'état", 'cannot be sold as is');
  const more = n > 0 ? text(` (${untested.fr})`, ` (${untested.en})`) : text('', '');
  return textOf((lang) => `${word[lang]}${COLON[lang]}${why[lang]}${more[lang]}`);
}

/** The untested functions in words, comma-separated ("processeur, clavier"). */
export function untestedList(functional: Grade['functional']): Text {
  const names = functional.untested.map(testName);
  return text(names.map((n) => n.fr).join(', '), names.map((n) => n.en).join(', '));
}

const COSMETIC: Record<Cosmetic, Text> = {
  A: text('usure légère, rien de visible écran allumé', 'light wear, nothing visible with the screen on'),
  B: text('usure visible, micro-rayures', 'visible wear, micro-scratches'),
  C: text('usure marquée, petites casses', 'marked wear, small breaks'),
  D: text('écran ou coque fêlés, pièces manquantes', 'cracked screen or case, missing parts'),
};

/** "aspect B : usure visible, micro-rayures": a letter never appears without what it means. */
export function cosmeticWords(cosmetic: Cosmetic | null): Text {
  if (cosmetic === null) return text('aspect : non noté', 'outside: not graded');
  const c = COSMETIC[cosmetic];
  return text(`aspect ${cosmetic} : ${c.fr}`, `outside ${cosmetic}: ${c.en}`);
}

const CATEGORY: Record<Category, Text> = {
  A: text('la plus rapide', 'the fastest'),
  B: text('rapide', 'fast'),
  C: text('usage simple', 'basic use'),
  D: text('la plus lente', 'the slowest'),
};

/** "performance B (rapide ; de A à D selon mémoire, processeur et disque)". */
export function categoryWords(category: Category | null): Text {
  if (category === null) return text('performance : non mesurée', 'performance: not measured');
  const c = CATEGORY[category];
  return text(
    `performance ${category} (${c.fr} ; de A à D selon mémoire, processeur et disque)`,
    `performance ${category} (${c.en}; A to D from memory, processor and drive)`,
  );
}

/** The whole verdict on one line, for a record's notes or a summary line. */
export function verdictLine(grade: Grade): Text {
  const head = functionalHeadline(grade.functional, { list: true });
  const cos = cosmeticWords(grade.cosmetic);
  const cat = categoryWords(grade.performance.category);
  return text(`${head.fr} ; ${cos.fr} ; ${cat.fr}`, `${head.en}; ${cos.en}; ${cat.en}`);
}
