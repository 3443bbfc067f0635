/**
 * Guided human tests as data (diagnostics.md §3–§4): forced-choice questions, each with a
 * "je ne sais pas / appeler l'encadrant" choice. An outcome says what the answer means for grading.
 *
 * A question is asked only where a person must judge: each names the hardware test that asks it in context
 * (after the colour fills, after the test sound) or decides it by itself (keys, corners, microphone level,
 * webcam frame), and the part it is about. `questionsToAsk` drops the questions of a part the machine lacks
 * and those a hardware test already handled; the rest stay for the plain list (and for `--answers`).
 */
import type { Text } from '../../core/i18n.js';
import type { Cosmetic } from '../grading/grade.js';
import type { Severity, TestStatus } from '../types.js';

export interface Outcome {
  status: TestStatus;
  severity?: Severity;
  code?: string;
  cosmeticGrade?: Cosmetic;
}

export interface Choice {
  id: string;
  label: Text;
  outcome: Outcome;
}

/** The hardware tests of diagnostics/interactive/, which ask or decide the questions below. */
export type HardwareTestId = 'keyboard' | 'pointer' | 'screen' | 'speakers' | 'microphone' | 'webcam' | 'usb';

/** A part of the machine a question is about; when it is absent the question is not asked. */
export type Part = 'keyboard' | 'pointer' | 'display' | 'sound' | 'webcam' | 'usb' | 'hinge';

export interface Question {
  id: string;
  prompt: Text;
  /** What the trainee does before answering. */
  instructions: Text;
  choices: Choice[];
  /**
   * `person`: only a person can judge (colours, sound heard, hinge); `automatic`: the hardware test decides from
   * recorded data, and asks a person only about what it could not see (keys that never answered).
   */
  judge: 'person' | 'automatic';
  /** The hardware test that asks (person) or decides (automatic) this question in context. */
  test?: HardwareTestId;
  part?: Part;
}

const t = (fr: string, en: string): Text => ({ fr, en });
const ok = (label = t('Oui, tout fonctionne', 'Yes, everything works')): Choice => ({
  id: 'ok',
  label,
  outcome: { status: 'pass' },
});
const bad = (id: string, label: Text, severity: Severity, code: string): Choice => ({
  id,
  label,
  outcome: { status: severity === 'reserve' ? 'warn' : 'fail', severity, code },
});
/** Always offered: the trainee is never forced to guess. */
export const UNSURE: Choice = {
  id: 'unsure',
  label: t("Je ne sais pas / appeler l'encadrant", "I don't know / call the supervisor"),
  outcome: { status: 'skipped', severity: 'info', code: 'ask-supervisor' },
};
const absent = (label: Text): Choice => ({ id: 'absent', label, outcome: { status: 'not-present' } });
const grade = (g: Cosmetic, label: Text): Choice => ({
  id: g,
  label,
  outcome: { status: 'pass', cosmeticGrade: g },
});

export const QUESTIONS: Question[] = [
  {
    id: 'keyboard',
    judge: 'automatic',
    test: 'keyboard',
    part: 'keyboard',
    prompt: t('Toutes les touches du clavier répondent-elles ?', 'Does every keyboard key respond?'),
    instructions: t(
      'Appuyez sur chaque touche, y compris Fn, flèches et pavé numérique.',
      'Press every key, including Fn, arrows and keypad.',
    ),
    choices: [
      ok(),
      bad(
        'dead-key',
        t('Une ou plusieurs touches ne répondent pas', 'One or more keys do not respond'),
        'fail',
        'keyboard-dead-key',
      ),
      {
        id: 'not-on-keyboard',
        label: t("Ces touches n'existent pas sur ce clavier", 'These keys are not on this keyboard'),
        outcome: { status: 'pass' },
      },
      UNSURE,
    ],
  },
  {
    id: 'touchpad',
    judge: 'automatic',
    test: 'pointer',
    part: 'pointer',
    prompt: t(
      'Le pavé tactile déplace-t-il le curseur et clique-t-il ?',
      'Does the touchpad move the cursor and click?',
    ),
    instructions: t(
      'Déplacez le curseur dans les quatre coins, cliquez gauche et droite.',
      'Move the cursor to all four corners, left and right click.',
    ),
    choices: [
      ok(),
      bad('dead', t('Le curseur ne bouge pas', 'The cursor does not move'), 'fail', 'touchpad-dead'),
      bad('buttons', t('Un bouton ne clique pas', 'A button does not click'), 'repair', 'touchpad-button'),
      absent(t('Pas de pavé tactile (PC fixe)', 'No touchpad (desktop)')),
      UNSURE,
    ],
  },
  {
    id: 'screen',
    judge: 'person',
    test: 'screen',
    part: 'display',
    prompt: t(
      "L'écran affiche-t-il correctement les couleurs pleines (rouge, vert, bleu, blanc, noir) ?",
      'Does the screen show the solid colours (red, green, blue, white, black) correctly?',
    ),
    instructions: t(
      'Regardez chaque couleur plein écran : lignes, taches, zones sombres.',
      'Look at each full-screen colour: lines, stains, dark areas.',
    ),
    choices: [
      ok(),
      bad('lines', t('Lignes ou zones mortes', 'Lines or dead areas'), 'fail', 'screen-lines'),
      bad('stains', t('Taches ou fuite de lumière', 'Stains or light bleed'), 'reserve', 'screen-stains'),
      UNSURE,
    ],
  },
  {
    id: 'dead-pixels',
    judge: 'person',
    test: 'screen',
    part: 'display',
    prompt: t('Combien de pixels morts voyez-vous ?', 'How many dead pixels do you see?'),
    instructions: t(
      'Sur fond blanc puis noir, cherchez des points fixes.',
      'On white then black, look for stuck dots.',
    ),
    choices: [
      grade('A', t('Aucun', 'None')),
      grade('B', t('1 ou 2, hors du centre', '1 or 2, off-centre')),
      {
        id: 'C',
        label: t('Plus, ou au centre', 'More, or in the centre'),
        outcome: { status: 'warn', severity: 'reserve', code: 'screen-dead-pixels', cosmeticGrade: 'C' },
      },
      UNSURE,
    ],
  },
  {
    id: 'backlight',
    judge: 'person',
    test: 'screen',
    part: 'display',
    prompt: t('La luminosité varie-t-elle avec les touches ?', 'Does brightness change with the keys?'),
    instructions: t(
      'Baissez puis montez la luminosité au maximum.',
      'Lower then raise brightness to the maximum.',
    ),
    choices: [
      ok(),
      bad(
        'none',
        t('Pas de rétroéclairage (écran très sombre)', 'No backlight (very dark screen)'),
        'fail',
        'screen-no-backlight',
      ),
      bad(
        'fixed',
        t('Fonctionne mais ne varie pas', 'Works but does not change'),
        'reserve',
        'backlight-fixed',
      ),
      UNSURE,
    ],
  },
  {
    id: 'speakers',
    judge: 'person',
    test: 'speakers',
    part: 'sound',
    prompt: t(
      'Entendez-vous « Front Left » à gauche puis « Front Right » à droite ?',
      'Do you hear "Front Left" on the left then "Front Right" on the right?',
    ),
    instructions: t(
      'Volume moyen. Le son de test dit « Front Left » à gauche, puis « Front Right » à droite.',
      'Medium volume. The test sound says "Front Left" on the left, then "Front Right" on the right.',
    ),
    choices: [
      ok(),
      bad('one-side', t('Un seul côté', 'One side only'), 'repair', 'speaker-one-side'),
      bad('none', t('Aucun son', 'No sound'), 'repair', 'speaker-dead'),
      bad('crackle', t('Son qui grésille', 'Crackling sound'), 'reserve', 'speaker-crackle'),
      UNSURE,
    ],
  },
  {
    id: 'microphone',
    judge: 'automatic',
    test: 'microphone',
    part: 'sound',
    prompt: t('Entendez-vous votre voix enregistrée ?', 'Do you hear your recorded voice?'),
    instructions: t(
      'Parlez 3 secondes, puis écoutez la lecture.',
      'Speak for 3 seconds, then listen to the playback.',
    ),
    choices: [
      ok(),
      bad('none', t('Rien ou du bruit seulement', 'Nothing or only noise'), 'repair', 'microphone-dead'),
      absent(t('Pas de micro', 'No microphone')),
      UNSURE,
    ],
  },
  {
    id: 'webcam-image',
    judge: 'automatic',
    test: 'webcam',
    part: 'webcam',
    prompt: t('La webcam montre-t-elle une image nette ?', 'Does the webcam show a clear image?'),
    instructions: t(
      "Regardez l'image prise par la webcam (gomme la juge seule quand elle peut).",
      'Look at the picture the webcam took (gomme judges it by itself when it can).',
    ),
    choices: [
      ok(),
      bad('none', t('Pas d’image ou image noire', 'No image or black image'), 'reserve', 'webcam-dead'),
      absent(t('Pas de webcam', 'No webcam')),
      UNSURE,
    ],
  },
  {
    id: 'usb-ports',
    judge: 'person',
    test: 'usb',
    part: 'usb',
    prompt: t('Une clé USB est-elle reconnue dans chaque port ?', 'Is a USB stick recognised in every port?'),
    instructions: t(
      'Branchez la clé de test dans chaque port USB, un par un.',
      'Plug the test stick into each USB port, one by one.',
    ),
    choices: [
      ok(),
      bad('one-dead', t('Un port ne marche pas', 'One port does not work'), 'reserve', 'usb-port-dead'),
      bad('all-dead', t('Aucun port USB-A ne marche', 'No USB-A port works'), 'fail', 'usb-all-dead'),
      UNSURE,
    ],
  },
  {
    id: 'hinge',
    judge: 'person',
    part: 'hinge',
    prompt: t(
      "Les charnières tiennent-elles l'écran dans toutes les positions ?",
      'Do the hinges hold the screen in every position?',
    ),
    instructions: t(
      "Ouvrez et fermez l'écran, lâchez-le à 45° et 110°.",
      'Open and close the lid, let go at 45° and 110°.',
    ),
    choices: [
      ok(),
      bad('loose', t('Charnière lâche ou cassée', 'Loose or broken hinge'), 'repair', 'hinge-loose'),
      absent(t('Pas de charnière (PC fixe)', 'No hinge (desktop)')),
      UNSURE,
    ],
  },
  {
    id: 'cosmetic',
    judge: 'person',
    prompt: t("Quel est l'état extérieur ?", 'What is the outside condition?'),
    instructions: t(
      'Comparez aux photos de référence, écran allumé.',
      'Compare with the reference photos, screen on.',
    ),
    choices: [
      grade(
        'A',
        t(
          'A : usure légère, rien de visible écran allumé',
          'A: light wear, nothing visible with the screen on',
        ),
      ),
      grade('B', t('B : usure visible, micro-rayures', 'B: visible wear, micro-scratches')),
      grade('C', t('C : usure marquée, petites casses', 'C: marked wear, small breaks')),
      {
        id: 'D',
        label: t('D : écran ou coque fêlés, pièces manquantes', 'D: cracked screen or case, missing parts'),
        outcome: { status: 'fail', severity: 'repair', code: 'cosmetic-broken', cosmeticGrade: 'D' },
      },
      UNSURE,
    ],
  },
];

/** What is known before asking: parts the machine lacks, hardware tests that ran (and asked or decided). */
export interface AskContext {
  absent: readonly Part[];
  ranTests: readonly HardwareTestId[];
}

/**
 * The questions left for the plain list: none about a part the machine lacks (its automatic test says
 * "not-present"), none a hardware test already asked or decided. Without hardware tests, every question of the
 * parts present remains (a technician's `gomme diag` prompt, `--answers`).
 */
export function questionsToAsk(context: AskContext, questions: readonly Question[] = QUESTIONS): Question[] {
  return questions.filter(
    (q) => !(q.part && context.absent.includes(q.part)) && !(q.test && context.ranTests.includes(q.test)),
  );
}
