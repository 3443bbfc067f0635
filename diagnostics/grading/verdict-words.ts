/**
 * The words of a diagnostics verdict, shared by the guide, `gomme diag` and the machine certificate, so a test
 * called "non testé" on one screen is never "OK" on another. French first.
 */
import { type Text, text } from '../../core/i18n.js';
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

export const VERDICT_WORDS: Record<TestVerdict, Text> = {
  pass: text('OK', 'OK'),
  warn: text('RÉSERVE', 'RESERVATION'),
  fail: text('ÉCHEC', 'FAILED'),
  'not-present': text('absent', 'not present'),
  untested: text('non testé', 'not tested'),
};

export const FUNCTIONAL_WORDS: Record<FunctionalStatus, Text> = {
  pass: text('BON', 'PASS'),
  'pass-with-reservations': text('BON AVEC RÉSERVES', 'PASS WITH RESERVATIONS'),
  incomplete: text('INCOMPLET', 'INCOMPLETE'),
  fail: text('ÉCHEC', 'FAIL'),
};

const TEST_NAMES: Record<string, Text> = {
  smart: text('état des disques (SMART)', 'drive health (SMART)'),
  'smart-self-test': text('autotest des disques', 'drive self-test'),
  ram: text('mémoire', 'memory'),
  cpu: text('processeur', 'processor'),
  battery: text('batterie', 'battery'),
  charger: text('chargeur', 'charger'),
  ethernet: text('réseau filaire', 'wired network'),
  wifi: text('wifi', 'wifi'),
  bluetooth: text('bluetooth', 'bluetooth'),
  webcam: text('webcam', 'webcam'),
  audio: text('carte son', 'sound card'),
  panel: text('écran intégré', 'built-in screen'),
  locks: text('mots de passe (BIOS, disques)', 'passwords (firmware, drives)'),
  keyboard: text('clavier', 'keyboard'),
  touchpad: text('pavé tactile', 'touchpad'),
  screen: text("couleurs de l'écran", 'screen colours'),
  'dead-pixels': text('pixels morts', 'dead pixels'),
  backlight: text('rétroéclairage', 'backlight'),
  speakers: text('haut-parleurs', 'speakers'),
  microphone: text('micro', 'microphone'),
  'webcam-image': text('image de la webcam', 'webcam picture'),
  'usb-ports': text('ports USB', 'USB ports'),
  hinge: text('charnières', 'hinges'),
  cosmetic: text('aspect extérieur', 'outside condition'),
};

/** "mémoire", "état des disques (SMART) /dev/sda"; an unknown name is shown as is. */
export function testName(label: string): Text {
  const [name = label, ...rest] = label.split(':');
  const subject = rest.join(':');
  const words = TEST_NAMES[name] ?? text(name, name);
  return subject ? text(`${words.fr} ${subject}`, `${words.en} ${subject}`) : words;
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
    return text(`${word.fr} : ${untested.fr}`, `${word.en}: ${untested.en}`);
  if (functional.status !== 'fail') return word;
  const why = functional.blocked
    ? text('mot de passe à retirer', 'password to remove')
    : functional.repairable
      ? text('à réparer', 'needs repair')
      : text("ne peut pas être vendu en l'état", 'cannot be sold as is');
  const more = n > 0 ? text(` (${untested.fr})`, ` (${untested.en})`) : text('', '');
  return text(`${word.fr} : ${why.fr}${more.fr}`, `${word.en}: ${why.en}${more.en}`);
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
