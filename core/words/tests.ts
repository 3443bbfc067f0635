/**
 * The hardware tests' names and statuses (diagnostics/README.md), for every output that lists them: the
 * `gomme diag` summary, the guide, `gomme diag keys|…`. The ids stay in JSON; people read these words.
 */
import { type Text, text } from '../i18n.js';

export const TEST_NAME_WORDS = {
  // Automatic tests
  smart: text('santé du disque (SMART)', 'drive health (SMART)'),
  'smart-self-test': text('autotest du disque (SMART)', 'drive self-test (SMART)'),
  ram: text('mémoire vive', 'memory (RAM)'),
  cpu: text('processeur', 'processor'),
  battery: text('batterie', 'battery'),
  charger: text('chargeur', 'charger'),
  ethernet: text('port Ethernet', 'Ethernet port'),
  wifi: text('Wi-Fi', 'Wi-Fi'),
  bluetooth: text('Bluetooth', 'Bluetooth'),
  webcam: text('webcam', 'webcam'),
  audio: text('carte son', 'sound card'),
  panel: text('dalle de l’écran (EDID)', 'screen panel (EDID)'),
  locks: text('mots de passe (BIOS, disques)', 'passwords (firmware, drives)'),
  network: text('réseau', 'network'),
  power: text('alimentation', 'power'),
  // Questions and hardware tests a person answers
  keyboard: text('clavier', 'keyboard'),
  keys: text('clavier', 'keyboard'),
  touchpad: text('pavé tactile', 'touchpad'),
  pointer: text('pavé tactile', 'touchpad'),
  screen: text('écran', 'screen'),
  'screen-colours': text('couleurs de l’écran', 'screen colours'),
  'dead-pixels': text('pixels morts', 'dead pixels'),
  backlight: text('rétroéclairage', 'backlight'),
  speakers: text('haut-parleurs', 'speakers'),
  microphone: text('micro', 'microphone'),
  'webcam-image': text('image de la webcam', 'webcam picture'),
  usb: text('ports USB', 'USB ports'),
  'usb-ports': text('ports USB', 'USB ports'),
  hinge: text('charnières', 'hinges'),
  cosmetic: text('aspect extérieur', 'outward condition'),
  guided: text('questions guidées', 'guided questions'),
  hardware: text('tous les tests du matériel', 'every hardware test'),
} satisfies Record<string, Text>;

export type TestNameId = keyof typeof TEST_NAME_WORDS;

/** A test's name in words; an id this version does not know is shown as is (a newer diagnostics module). */
export function testNameWords(id: string): Text {
  return (TEST_NAME_WORDS as Record<string, Text>)[id] ?? text(id, id);
}

/**
 * diagnostics/types.ts TestStatus, plus `running` for live screens and `untested` (a test that ran too short
 * to count, or was skipped: diagnostics/grading/verdict-words.ts). "RÉSERVE" matches the machine's
 * "BON AVEC RÉSERVES"; an untested function is never "OK".
 */
export type TestStatusId = 'pass' | 'warn' | 'fail' | 'not-present' | 'skipped' | 'running' | 'untested';

export const TEST_STATUS_WORDS: Record<TestStatusId, Text> = {
  pass: text('OK', 'OK'),
  warn: text('RÉSERVE', 'RESERVATION'),
  fail: text('ÉCHEC', 'FAILED'),
  'not-present': text('absent', 'not present'),
  skipped: text('non testé', 'not tested'),
  untested: text('non testé', 'not tested'),
  running: text('en cours', 'running'),
};

/** A status in words; unknown ids (e.g. `incomplete` from a hardware test) fall back to a readable word. */
export function testStatusWords(id: string): Text {
  return (TEST_STATUS_WORDS as Record<string, Text>)[id] ?? OTHER_STATUS[id] ?? text(id, id);
}

const OTHER_STATUS: Record<string, Text> = {
  incomplete: text('incomplet', 'incomplete'),
};

/** A live test line's name, which may carry its subject after a colon ("smart:/dev/sda"). */
export function testLineWords(nameAndSubject: string): Text {
  const at = nameAndSubject.indexOf(':');
  if (at < 0) return testNameWords(nameAndSubject);
  const name = testNameWords(nameAndSubject.slice(0, at));
  const subject = nameAndSubject.slice(at + 1);
  return text(`${name.fr} ${subject}`, `${name.en} ${subject}`);
}
