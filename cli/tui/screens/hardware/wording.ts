/**
 * The hardware tests' sentences, French first. Plain ASCII punctuation and Latin-1 letters only (the Linux
 * console font); short lines, one idea each.
 */
import { type Text, text as t } from '../../../../core/i18n.js';
import type { StepId } from '../../state/hardware/sequence.js';

export const STEP_TITLES: Record<StepId, Text> = {
  keyboard: t('Test du clavier', 'Keyboard test'),
  pointer: t('Test du pavé tactile', 'Touchpad test'),
  screen: t("Test de l'écran", 'Screen test'),
  speakers: t('Test des haut-parleurs', 'Speaker test'),
  microphone: t('Test du micro', 'Microphone test'),
  webcam: t('Test de la webcam', 'Webcam test'),
  usb: t('Test des ports USB', 'USB port test'),
};

export const STICK_TITLE = t('Test du TrackPoint', 'Pointing stick test');

export const INTROS: Record<StepId | 'stick', Text[]> = {
  keyboard: [
    t(
      'Appuyez une fois sur chaque touche. Les touches vues changent de couleur.',
      'Press every key once. Keys seen change colour.',
    ),
    t(
      'Pour finir : maintenez Échap 2 secondes, puis relâchez.',
      'To finish: hold Esc for 2 seconds, then let go.',
    ),
  ],
  pointer: [
    t(
      'Avec un doigt, amenez le point dans les 4 coins du cadre.',
      'With one finger, move the dot into the 4 corners of the box.',
    ),
    t(
      'Puis cliquez à gauche et à droite. Le test finit tout seul.',
      'Then click left and right. The test ends by itself.',
    ),
  ],
  stick: [
    t(
      'Poussez le TrackPoint pour amener le point dans les 4 coins.',
      'Push the pointing stick to move the dot into the 4 corners.',
    ),
    t(
      'Puis cliquez à gauche et à droite. Le test finit tout seul.',
      'Then click left and right. The test ends by itself.',
    ),
  ],
  screen: [
    t("5 couleurs vont remplir tout l'écran.", '5 colours will fill the whole screen.'),
    t('Cherchez des points fixes, des lignes, des taches.', 'Look for stuck dots, lines, stains.'),
    t('Une touche : couleur suivante.', 'Any key: next colour.'),
  ],
  speakers: [
    t('Mettez le volume à moyen.', 'Set the volume to medium.'),
    t(
      'Une voix dit "Front Left" à gauche, puis "Front Right" à droite.',
      'A voice says "Front Left" on the left, then "Front Right" on the right.',
    ),
  ],
  microphone: [
    t(
      'Après "Commencer", parlez 3 secondes face à la machine.',
      'After "Start", speak for 3 seconds facing the machine.',
    ),
    t('Vous entendrez ensuite votre voix.', 'You will then hear your voice.'),
  ],
  webcam: [
    t('Regardez la webcam, ne la cachez pas.', 'Look at the webcam, do not cover it.'),
    t(
      "gomme prend une photo et vérifie qu'elle n'est pas noire.",
      'gomme takes a picture and checks it is not black.',
    ),
  ],
  usb: [
    t('Branchez la clé de test dans un port USB.', 'Plug the test stick into a USB port.'),
    t(
      "Puis débranchez-la et passez au port suivant, l'un après l'autre.",
      'Then unplug it and move to the next port, one after the other.',
    ),
  ],
};

export const HW = {
  start: t('Commencer', 'Start'),
  skip: t('Passer ce test', 'Skip this test'),
  continue: t('Continuer', 'Continue'),
  retry: t('Refaire le test', 'Test again'),
  replay: t('Réécouter', 'Play again'),
  keysSeen: t('Touches vues', 'Keys seen'),
  optional: t('gris : touche facultative', 'grey: optional key'),
  toFinish: t(
    'Pour finir : maintenez Échap 2 s, puis relâchez.',
    'To finish: hold Esc for 2 s, then let go.',
  ),
  holdEsc: t('Échap', 'Esc'),
  releaseEsc: t('Relâchez Échap pour finir.', 'Let go of Esc to finish.'),
  idleEnd: t('Fin automatique dans', 'Ends by itself in'),
  seconds: t('s (aucune nouvelle touche)', 's (no new key)'),
  stuck: t('Touche bloquée ?', 'Stuck key?'),
  unreadable: t('Impossible de lire ce périphérique', 'Cannot read this device'),
  corners: t('Coins', 'Corners'),
  buttons: t('Boutons', 'Buttons'),
  left: t('gauche', 'left'),
  right: t('droit', 'right'),
  finishEarly: t('Entrée : finir maintenant', 'Enter: finish now'),
  waitingDevice: t('Ouverture du périphérique...', 'Opening the device...'),
  listen: t('Écoutez...', 'Listen...'),
  speakNow: t('Parlez maintenant (3 secondes)...', 'Speak now (3 seconds)...'),
  photo: t('Photo en cours...', 'Taking a picture...'),
  portsAnswered: t('Ports qui ont répondu', 'Ports that answered'),
  waitingStick: t("En attente d'une clé...", 'Waiting for a stick...'),
  usbDone: t('Entrée : tous les ports sont faits', 'Enter: every port is done'),
  notSeen: t('Pas vues', 'Not seen'),
  micGood: t('Le micro entend bien.', 'The microphone hears well.'),
  webcamGood: t('La webcam donne une image.', 'The webcam gives a picture.'),
  anyKey: t('Une touche : couleur suivante', 'Any key: next colour'),
  stepOf: t('Test', 'Test'),
} satisfies Record<string, Text>;

export function pluggedOn(port: string): Text {
  return t(
    `Clé vue sur le port ${port} : débranchez-la, passez au suivant.`,
    `Stick seen on port ${port}: unplug it, go to the next one.`,
  );
}

/** "Label : value" in French, "Label: value" in English. */
export function labelled(label: Text, value: string): Text {
  return t(`${label.fr} : ${value}`, `${label.en}: ${value}`);
}

export const CORNER_WORDS = {
  'top-left': t('haut-gauche', 'top-left'),
  'top-right': t('haut-droite', 'top-right'),
  'bottom-left': t('bas-gauche', 'bottom-left'),
  'bottom-right': t('bas-droite', 'bottom-right'),
} as const;
