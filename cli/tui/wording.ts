/**
 * Every sentence of the guide, French first. Short words, one idea per line, plain ASCII punctuation: the
 * Linux console font has accents but not typographic quotes or arrows. Symbols the console may lack have an
 * ASCII form (GLYPHS), picked from TERM (`linux` → ASCII).
 */

import { type Lang, type Text, text as t } from '../../core/i18n.js';
import { PROTECTION_WORDS as SHARED_PROTECTION_WORDS } from '../../core/words/protections.js';
import { RESULT_WORDS as SHARED_RESULT_WORDS } from '../../core/words/results.js';
import { TEST_STATUS_WORDS as SHARED_TEST_STATUS_WORDS } from '../../core/words/tests.js';
import { terminalSafe } from '../output/terminal-text.js';
import type { Item, Notice, Screen } from './state/types.js';

export const SCREEN_TITLES: Record<Screen, Text> = {
  welcome: t('Bienvenue', 'Welcome'),
  intake: t('Fiche de la machine', 'Machine intake'),
  machine: t('Est-ce la bonne machine ?', 'Is this the right machine?'),
  diagnostics: t('Tests du matériel', 'Hardware tests'),
  drives: t('Disques à effacer', 'Drives to erase'),
  confirm: t('Confirmation', 'Confirmation'),
  erasing: t('Effacement en cours', 'Erasing'),
  results: t('Résultats', 'Results'),
  certificates: t('Certificats', 'Certificates'),
  next: t('Et maintenant ?', 'What next?'),
};

export const SCREEN_ORDER: readonly Screen[] = [
  'welcome',
  'intake',
  'machine',
  'diagnostics',
  'drives',
  'confirm',
  'erasing',
  'results',
  'certificates',
  'next',
];

/** French puts a space before the colon, English does not. */
const COLON = t(' : ', ': ');
export function colon(lang: Lang): string {
  return COLON[lang];
}

/** The list markers: the console font has no arrows, a terminal emulator does. */
export const GLYPHS = {
  ascii: { up: '^', down: 'v' },
  unicode: { up: '\u25b2', down: '\u25bc' },
} as const;

export const W = {
  appName: t('gomme - effacement et test des PC donnés', 'gomme - erase and test donated PCs'),
  step: t('Étape', 'Step'),
  more: t('de plus', 'more'),
  warningWord: t('ATTENTION', 'WARNING'),
  // Key hints, put together by hints.ts for the item under the focus (what each key does: state/keys.ts).
  kType: t('Tapez le texte', 'Type the text'),
  kTypeCode: t('Tapez le code', 'Type the code'),
  kEnterNext: t('Entrée : suivant', 'Enter: next'),
  kEnterValidate: t('Entrée : valider', 'Enter: confirm'),
  kEnterContinue: t('Entrée : continuer', 'Enter: continue'),
  kArrowsLine: t('Flèches : autre ligne', 'Arrows: other line'),
  kArrowsChoose: t('Flèches : choisir', 'Arrows: move'),
  kScroll: t('Flèches : faire défiler', 'Arrows: scroll'),
  kSpaceTick: t('Espace : cocher', 'Space: tick'),
  kChange: t('Espace ou Gauche/Droite : changer', 'Space or Left/Right: change'),
  kBack: t('Échap : revenir', 'Esc: go back'),
  keysErasing: t('Ctrl-C : arrêter (reprise possible plus tard)', 'Ctrl-C: stop (can be resumed later)'),
  welcomeIntro: t(
    'Ce programme vous guide pas à pas : fiche, tests, effacement des disques, certificat.',
    'This program guides you step by step: intake, tests, drive erasure, certificate.',
  ),
  welcomeSafe: t(
    "Rien n'est effacé sans que vous tapiez un code de confirmation.",
    'Nothing is erased until you type a confirmation code.',
  ),
  language: t('Langue / Language', 'Language / Langue'),
  languageName: t('Français', 'English'),
  operator: t('Votre prénom et nom', 'Your first and last name'),
  donor: t('Donateur (entreprise, mairie...)', 'Donor (company, town hall...)'),
  lot: t('Numéro de lot', 'Lot number'),
  assetTag: t('Étiquette du donateur (si présente)', "Donor's asset tag (if any)"),
  assetTagShort: t('Étiquette (fiche)', 'Asset tag (sheet)'),
  publicDonor: t("Don d'un organisme public", 'Donated by a public body'),
  yesWord: t('OUI', 'YES'),
  noWord: t('NON', 'NO'),
  intakeHelp: t(
    'Recopiez ce qui est écrit sur la fiche du lot. Le lot est gardé pour la machine suivante.',
    'Copy what is written on the lot sheet. The lot is kept for the next machine.',
  ),
  continue: t('Continuer', 'Continue'),
  back: t('Revenir', 'Go back'),
  supervisor: t("Je ne sais pas / appeler l'encadrant", "I don't know / call the supervisor"),
  supervisorTitle: t("Appelez l'encadrant", 'Call the supervisor'),
  supervisorBody: t(
    "Ne touchez à rien. Levez la main ou allez chercher l'encadrant. Il vous aidera à continuer.",
    'Touch nothing. Raise your hand or fetch the supervisor, who will help you go on.',
  ),
  supervisorSafe: t(
    "Le programme attend : rien ne se passe tant que vous n'avez pas choisi.",
    'The program waits: nothing happens until you choose.',
  ),
  machineAsk: t(
    "Comparez avec l'étiquette collée sous ou derrière la machine.",
    'Compare with the label under or behind the machine.',
  ),
  vendor: t('Marque', 'Maker'),
  model: t('Modèle', 'Model'),
  serial: t('Numéro de série', 'Serial number'),
  unknown: t('inconnu', 'unknown'),
  reading: t('Lecture en cours...', 'Reading...'),
  yesMachine: t("Oui, c'est bien cette machine", 'Yes, it is this machine'),
  noMachine: t("Non, ce n'est pas la bonne", 'No, it is not the right one'),
  hardwarePlanning: t('Préparation des tests du matériel...', 'Preparing the hardware tests...'),
  hardwareFailed: t(
    'Les tests du matériel ne peuvent pas démarrer : les questions les remplacent',
    'The hardware tests cannot start: the questions replace them',
  ),
  autoRunning: t('en cours', 'running'),
  semicolon: t(' ;', ';'),
  errorWord: t('erreur', 'error'),
  autoDone: t('terminés', 'finished'),
  diagDetails: t('Détail des tests :', 'Test details:'),
  untestedPrefix: t('Non testé :', 'Not tested:'),
  diagUnavailable: t(
    'Tests du matériel : non disponibles dans cette version.',
    'Hardware tests: not available in this version.',
  ),
  diagUnavailableNext: t("Passez à l'effacement des disques.", 'Go on to drive erasure.'),
  diagAuto: t('Tests automatiques (en arrière-plan)', 'Automatic tests (in the background)'),
  diagQuestion: t('Question', 'Question'),
  diagWaiting: t(
    'Merci. Les tests automatiques continuent, patientez...',
    'Thank you. The automatic tests are still running, please wait...',
  ),
  diagGrading: t('Calcul du résultat...', 'Working out the result...'),
  diagGrade: t('Résultat du diagnostic', 'Diagnostic result'),
  diagFailed: t('Les tests ont échoué à démarrer', 'The tests could not run'),
  drivesLoading: t('Recherche des disques...', 'Looking for drives...'),
  drivesFailed: t('Impossible de lister les disques', 'Cannot list the drives'),
  drivesHelp: t(
    'Espace : cocher un disque. Les disques PROTÉGÉS ne peuvent pas être cochés.',
    'Space: tick a drive. PROTECTED drives cannot be ticked.',
  ),
  unsignedTitle: t(
    "ATTENTION : pas de clé de signature. Les certificats seront créés SANS signature : prévenez l'encadrant avant de commencer.",
    'WARNING: no signing key. The certificates will be made WITHOUT a signature: tell the supervisor before you start.',
  ),
  unsignedShort: t(
    "Certificats NON SIGNÉS (pas de clé de signature) : prévenez l'encadrant.",
    'Certificates NOT SIGNED (no signing key): tell the supervisor.',
  ),
  unknownModel: t('modèle inconnu', 'unknown model'),
  unknownSerial: t('numéro de série inconnu', 'serial number unknown'),
  serialShort: t('n°', 'S/N'),
  underAMinute: t("moins d'une minute", 'under a minute'),
  drivesNone: t('Aucun disque trouvé.', 'No drive found.'),
  onlyDevices: t(
    "Affichage limité par l'option --only-devices :",
    'Display limited by the --only-devices option:',
  ),
  drivesWord: t('disques', 'drives'),
  protectedLabel: t('PROTÉGÉ', 'PROTECTED'),
  method: t('Méthode', 'Method'),
  nist: t('Niveau NIST', 'NIST level'),
  estimate: t('Durée estimée', 'Estimated time'),
  verify: t('Vérification', 'Verification'),
  verifySample: t('relecture par échantillons', 'sampled read-back'),
  totalEstimate: t('durée totale estimée', 'total estimated time'),
  ticked: t('Cochés', 'Ticked'),
  confirmTitle: t('TOUT ce qui est sur ce disque sera DÉTRUIT', 'EVERYTHING on this drive will be DESTROYED'),
  confirmTitleBatch: t(
    'TOUT ce qui est sur ces disques sera DÉTRUIT',
    'EVERYTHING on these drives will be DESTROYED',
  ),
  confirmSerial: t(
    'Tapez les 4 derniers caractères du numéro de série du disque :',
    "Type the last 4 characters of the drive's serial number:",
  ),
  confirmName: t(
    "Ce disque n'a pas de numéro de série. Tapez son nom :",
    'This drive has no serial number. Type its name:',
  ),
  confirmTechnician: t('Mode technicien. Tapez le mot :', 'Technician mode. Type the word:'),
  code: t('Code', 'Code'),
  cancel: t('Annuler, ne rien effacer', 'Cancel, erase nothing'),
  erasingDone: t('Terminés', 'Finished'),
  pass: t('passe', 'pass'),
  phaseWrite: t('écriture', 'writing'),
  phaseVerify: t('vérification', 'verifying'),
  phaseFirmware: t('commande du disque', 'drive command'),
  remaining: t('reste', 'left'),
  waitingStart: t('démarrage...', 'starting...'),
  leaveOn: t(
    "Laissez la machine allumée et branchée sur le secteur jusqu'à la fin.",
    'Leave the machine on and plugged in until the end.',
  ),
  stopAsk: t("Voulez-vous vraiment arrêter l'effacement ?", 'Do you really want to stop the erasure?'),
  stopExplain: t(
    "Les disques ne seront PAS effacés. L'encadrant pourra reprendre plus tard avec la commande : gomme erase --resume",
    'The drives will NOT be erased. The supervisor can resume later with the command: gomme erase --resume',
  ),
  keepGoing: t("Non, continuer l'effacement", 'No, keep erasing'),
  stopNow: t('Oui, arrêter', 'Yes, stop'),
  stopping: t('Arrêt propre en cours, patientez...', 'Stopping safely, please wait...'),
  verified: t('vérifié', 'verified'),
  notVerified: t('VÉRIFICATION ÉCHOUÉE', 'VERIFICATION FAILED'),
  resumeHint: t('Reprise possible : gomme erase --resume', 'Can be resumed: gomme erase --resume'),
  eraseFailed: t("L'effacement n'a pas pu démarrer", 'The erasure could not start'),
  noErase: t('Aucun disque effacé.', 'No drive erased.'),
  gradeUnavailable: t('Diagnostic : non disponible', 'Diagnostics: not available'),
  certUnavailable: t(
    'Certificats : non disponibles dans cette version.',
    'Certificates: not available in this version.',
  ),
  certJournal: t(
    "L'effacement est quand même noté dans le journal (gomme history).",
    'The erasure is still recorded in the journal (gomme history).',
  ),
  certWorking: t('Création et signature des certificats...', 'Creating and signing the certificates...'),
  certSaved: t('Certificats enregistrés dans', 'Certificates saved in'),
  certNothing: t('Aucun disque effacé : pas de certificat.', 'No drive erased: no certificate.'),
  certFailed: t("Les certificats n'ont pas pu être créés", 'The certificates could not be made'),
  certPerDrive: t(
    'Un certificat par disque : à remettre au donateur.',
    'One certificate per drive: give it to the donor.',
  ),
  certForMachine: t(
    "Un certificat pour l'ordinateur : à garder avec la machine.",
    'One certificate for the computer: keep it with the machine.',
  ),
  certDrive: t('Disque', 'Drive'),
  certMachine: t('Ordinateur', 'Computer'),
  quitTitle: t('Quitter le guide ?', 'Leave the guide?'),
  quitNothing: t("Rien n'a été effacé.", 'Nothing was erased.'),
  quitNothingHere: t("Rien n'a été effacé sur cette machine.", 'Nothing was erased on this machine.'),
  quitDone: t(
    "L'effacement de cette machine est terminé et enregistré.",
    "This machine's erasure is finished and recorded.",
  ),
  stay: t('Non, rester dans le guide', 'No, stay in the guide'),
  leave: t('Oui, quitter le guide', 'Yes, leave the guide'),
  goodbye: t('Guide fermé.', 'Guide closed.'),
  poweringOff: t("Extinction de l'ordinateur...", 'Powering off...'),
  nextMachine: t('Machine suivante (même lot)', 'Next machine (same lot)'),
  powerOff: t("Éteindre l'ordinateur", 'Power off the computer'),
  quit: t('Quitter le guide', 'Leave the guide'),
  nextHelp: t(
    'Pensez à retirer les étiquettes du donateur avant de ranger la machine.',
    "Remember to remove the donor's stickers before putting the machine away.",
  ),
} satisfies Record<string, Text>;

/** The push to the workshop's hub, as the certificates and "Et maintenant ?" screens say it (screens/hub-lines.ts). */
export const HUB_WORDS = {
  sending: (pending: number | null): Text =>
    pending === null
      ? t('Envoi au hub...', 'Sending to the hub...')
      : t(`Envoi au hub... ${pending} en attente.`, `Sending to the hub... ${pending} waiting.`),
  unreachableRam: (seconds: number): Text =>
    t(
      `Hub injoignable : les rapports restent sur ce PC. Ne l'éteignez pas. Nouvel essai dans ${seconds} s.`,
      `Hub unreachable: the reports stay on this PC. Do not power it off. Retrying in ${seconds} s.`,
    ),
  unreachableStick: (seconds: number): Text =>
    t(
      `Hub injoignable : les rapports restent sur la clé et partiront plus tard. Vous pouvez continuer. Nouvel essai dans ${seconds} s.`,
      `Hub unreachable: the reports stay on the stick and will go later. You may go on. Retrying in ${seconds} s.`,
    ),
  refused: (count: number): Text =>
    count === 1
      ? t("Le hub a refusé 1 élément : appelez l'encadrant.", 'The hub refused 1 item: call the supervisor.')
      : t(
          `Le hub a refusé ${count} éléments : appelez l'encadrant.`,
          `The hub refused ${count} items: call the supervisor.`,
        ),
  failed: t("Envoi au hub impossible : appelez l'encadrant.", 'Cannot send to the hub: call the supervisor.'),
  keepOn: t(
    "Les rapports restent sur ce PC. Ne l'éteignez pas.",
    'The reports stay on this PC. Do not power it off.',
  ),
  detail: t('Détail', 'Detail'),
  acknowledged: t('Tout est arrivé au hub.', 'Everything has reached the hub.'),
  waitNext: t(
    'Attendez : la suite est proposée dès que tout est arrivé au hub.',
    'Please wait: what comes next is offered once everything has reached the hub.',
  ),
  /** Netbooted and linked to no hub: on the first screen, before anything is erased. */
  unlinkedBefore: t(
    "Ce PC a démarré par le réseau mais n'est pas inscrit au hub : ses rapports sont seulement en mémoire et seront perdus à l'extinction. Appelez l'encadrant avant d'effacer.",
    'This PC booted from the network but is not enrolled with the hub: its reports are only in memory and will be lost at power off. Call the supervisor before erasing.',
  ),
  /** The same once the reports exist (certificates, "Et maintenant ?"). */
  unlinkedAfter: t(
    "Ce PC a démarré par le réseau mais n'est pas inscrit au hub : ses rapports sont seulement en mémoire et seront perdus à l'extinction. Appelez l'encadrant avant de l'éteindre.",
    'This PC booted from the network but is not enrolled with the hub: its reports are only in memory and will be lost at power off. Call the supervisor before powering it off.',
  ),
  /** How the supervisor fixes it (one line); the push then starts by itself (session/hub/sync-follower.ts). */
  unlinkedHow: t(
    "Pour l'encadrant : Alt+F2, puis gomme hub enrol ADRESSE --code CODE.",
    'For the supervisor: Alt+F2, then gomme hub enrol URL --code CODE.',
  ),
  quitHeld: t(
    "Les rapports ne sont pas tous arrivés au hub : n'éteignez pas ce PC.",
    'Not every report has reached the hub: do not power this PC off.',
  ),
};

export const NOTICES: Record<Notice, Text> = {
  'operator-required': t('Écrivez votre prénom et nom pour continuer.', 'Write your name to continue.'),
  'lot-required': t(
    "Le numéro de lot est obligatoire. Si vous ne le trouvez pas : appelez l'encadrant.",
    'The lot number is required. If you cannot find it: call the supervisor.',
  ),
  'wrong-machine': t(
    "N'allez pas plus loin : appelez l'encadrant pour vérifier la machine.",
    'Do not go further: call the supervisor to check the machine.',
  ),
  'nothing-selected': t(
    "Cochez au moins un disque (Espace), ou appelez l'encadrant.",
    'Tick at least one drive (Space), or call the supervisor.',
  ),
  'wrong-code': t(
    "Ce n'est pas le bon code. Rien n'a été effacé. Relisez le numéro et recommencez.",
    'That is not the right code. Nothing was erased. Read the number again and retry.',
  ),
  'not-ready': t('Patientez, la recherche des disques continue.', 'Please wait, still looking for drives.'),
};

/** Results, protection reasons and test statuses: the words every output shares (core/words/). */
export const RESULT_WORDS = SHARED_RESULT_WORDS;
export const PROTECTION_WORDS = SHARED_PROTECTION_WORDS;
export const TEST_STATUS_WORDS: Record<string, Text> = SHARED_TEST_STATUS_WORDS;

export function buttonLabel(id: Extract<Item, { kind: 'button' }>['id']): Text {
  const labels: Record<typeof id, Text> = {
    continue: W.continue,
    back: W.back,
    cancel: W.cancel,
    supervisor: W.supervisor,
    yes: W.yesMachine,
    no: W.noMachine,
    'keep-going': W.keepGoing,
    stop: W.stopNow,
    'next-machine': W.nextMachine,
    'power-off': W.powerOff,
    quit: W.quit,
    stay: W.stay,
    leave: W.leave,
  };
  return labels[id];
}

/**
 * Text from other modules may hold typographic punctuation the console font lacks: map it to ASCII.
 * Accented letters stay (they are in the Latin-1 console fonts). Control characters (drive data) are escaped.
 */
export function consoleSafe(s: string): string {
  return (
    terminalSafe(s, { keepNewlines: true })
      .replace(/[\u2018\u2019\u201b]/g, "'")
      // French quotes hold their (no-break) spaces inside: « Front Left » becomes "Front Left", not " Front Left ".
      .replace(/\u00ab[\s\u00a0\u202f]*/g, '"')
      .replace(/[\s\u00a0\u202f]*\u00bb/g, '"')
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\u2026/g, '...')
      .replace(/[\u2013\u2014]/g, '-')
      .replace(/\u2192/g, '->')
      .replace(/\u2265/g, '>=')
      .replace(/\u2264/g, '<=')
      .replace(/\u00a0|\u202f/g, ' ')
  );
}
