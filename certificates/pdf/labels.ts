/**
 * The certificates' own words. Results, levels, methods, media and verification words come from the shared
 * vocabularies (core/words/), so a PDF says what the CLI and the guide say.
 */
import { type Lang, type Text, text } from '../../core/i18n.js';
import { NIST_LEVEL_WORDS } from '../../core/words/levels.js';
import { RESULT_WORDS } from '../../core/words/results.js';
import { MEDIA_WORDS } from '../../core/words/transports.js';
import { RECORD_VERIFICATION_WORDS } from '../../core/words/verification.js';
import type {
  Destination,
  DriveResult,
  HiddenAreaHandling,
  MediaType,
  NistLevel,
  VerificationMethod,
} from '../record/schema.js';

const L = {
  titleDrive: text("Certificat d'effacement de support", 'Certificate of media sanitization'),
  titleMachine: text("Certificat d'effacement — ordinateur", 'Sanitization certificate — computer'),
  titleLot: text("Certificat d'effacement — lot de don", 'Sanitization certificate — donation lot'),
  standards: text(
    'Selon NIST SP 800-88 (Effacement / Purge) et IEEE 2883-2022',
    'Per NIST SP 800-88 (Clear / Purge) and IEEE 2883-2022',
  ),
  certificateId: text('N° de certificat', 'Certificate no.'),
  recordId: text("N° d'enregistrement", 'Record no.'),
  date: text('Date', 'Date'),
  result: text('Résultat', 'Result'),
  media: text('Support', 'Media'),
  manufacturer: text('Fabricant', 'Manufacturer'),
  model: text('Modèle', 'Model'),
  serial: text('N° de série', 'Serial number'),
  wwn: text('WWN', 'WWN'),
  mediaType: text('Type de support', 'Media type'),
  interface: text('Interface', 'Interface'),
  size: text('Capacité', 'Capacity'),
  assetTag: text("N° d'inventaire", 'Asset tag'),
  source: text('Provenance (ordinateur)', 'Media source (computer)'),
  serialPrefix: text('n° de série', 'S/N'),
  sanitization: text('Effacement', 'Sanitization'),
  nistLevel: text('Niveau NIST', 'NIST level'),
  method: text('Méthode', 'Method'),
  technique: text('Technique IEEE 2883', 'IEEE 2883 technique'),
  passes: text('Passes', 'Passes'),
  verifiedPass: text(' (vérifiée)', ' (verified)'),
  tool: text('Outil (version)', 'Tool (version)'),
  hiddenAreas: text('Zones cachées (HPA / DCO)', 'Hidden areas (HPA / DCO)'),
  started: text('Début', 'Start'),
  finished: text('Fin', 'End'),
  received: text('Reçu le', 'Received'),
  duration: text('durée', 'duration'),
  bytesWritten: text('Données écrites', 'Data written'),
  errors: text('Erreurs', 'Errors'),
  interruptions: text('Interruptions', 'Interruptions'),
  resumedCount: text('reprise(s)', 'resumed'),
  verification: text('Vérification', 'Verification'),
  verificationMethod: text('Méthode de vérification', 'Verification method'),
  coverage: text('Part relue', 'Coverage'),
  verificationResult: text('Résultat de la vérification', 'Verification result'),
  verificationOk: text('OK', 'OK'),
  verificationFailed: text('ÉCHEC', 'FAILED'),
  smart: text('État SMART', 'SMART health'),
  disposition: text('Destination et personnes', 'Disposition and people'),
  destination: text('Destination après effacement', 'Post-sanitization destination'),
  donor: text('Donateur', 'Donor'),
  lot: text('Lot', 'Lot'),
  operator: text('Opérateur (effacement)', 'Sanitized by'),
  verifier: text('Vérifié par', 'Verified by'),
  location: text('Lieu', 'Location'),
  machine: text('Ordinateur', 'Computer'),
  vendor: text('Marque', 'Vendor'),
  uuid: text('UUID', 'UUID'),
  cpu: text('Processeur', 'CPU'),
  memory: text('Mémoire', 'Memory'),
  drives: text('Disques', 'Drives'),
  computers: text('Ordinateurs', 'Computers'),
  notErasedBanner: text('NON EFFACÉ : À DÉTRUIRE', 'NOT ERASED: TO BE DESTROYED'),
  notErasedReason: text('Raison', 'Reason'),
  // The path tells apart two drives without serial numbers erased in the same machine.
  device: text("Périphérique (au moment de l'effacement)", 'Device (at erasure time)'),
  assetTagWord: text('étiquette', 'asset tag'),
  sectors: text('secteurs', 'sectors'),
  none: text('aucune', 'none'),
  firmwareNote: text(
    "Effacement exécuté par le micrologiciel du disque : sa conformité est présumée, d'où la vérification ci-dessus.",
    "Sanitization performed by the drive's firmware: its compliance is assumed, hence the verification above.",
  ),
  fingerprint: text("Empreinte SHA-256 de l'enregistrement joint", 'SHA-256 of the attached record'),
  attached: text('Enregistrement joint à ce PDF', 'Record attached to this PDF'),
  signedNote: text(
    'Document signé électroniquement (PAdES). Vérification : gomme cert verify FICHIER.pdf',
    'Electronically signed document (PAdES). Verify with: gomme cert verify FILE.pdf',
  ),
  signatureReason: text("Certificat d'effacement", 'Sanitization certificate'),
  page: text('Page', 'Page'),
  total: text('Total', 'Total'),
} satisfies Record<string, Text>;

export type LabelKey = keyof typeof L;
export const label = (key: LabelKey, lang: Lang): string => L[key][lang];

export const resultLabel = (r: DriveResult, lang: Lang): string => RESULT_WORDS[r][lang];
export const RESULT_COLOURS: Record<DriveResult, string> = {
  ERASED: '#1b7f3b',
  ERASED_WITH_EXCEPTIONS: '#b36b00',
  FAILED: '#b3261e',
  ABORTED: '#5f6368',
};

export const levelLabel = (l: NistLevel, lang: Lang): string => NIST_LEVEL_WORDS[l][lang];
/** Capitalised: it opens a field ("Disque dur magnétique — SATA"). */
export const mediaLabel = (m: MediaType, lang: Lang): string => capitalise(MEDIA_WORDS[m][lang]);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const verifyLabel = (v: VerificationMethod, lang: Lang): string => RECORD_VERIFICATION_WORDS[v][lang];

const HIDDEN: Record<HiddenAreaHandling, Text> = {
  'none-found': text('aucune', 'none found'),
  removed: text('trouvée, supprimée', 'found, removed'),
  'left-in-place': text('trouvée, NON supprimée', 'found, NOT removed'),
  'not-checked': text('non vérifiée', 'not checked'),
};
export const hiddenLabel = (h: HiddenAreaHandling, lang: Lang): string => HIDDEN[h][lang];

const DESTINATIONS: Record<Destination, Text> = {
  reuse: text('réemploi', 'reuse'),
  donation: text('don', 'donation'),
  resale: text('revente solidaire', 'resale'),
  recycling: text('recyclage', 'recycling'),
  destruction: text('destruction', 'destruction'),
  'return-to-donor': text('rendu au donateur', 'returned to donor'),
  unknown: text('non connue', 'unknown'),
};
export const destinationLabel = (d: Destination, lang: Lang): string => DESTINATIONS[d][lang];

const SMART_HEALTH: Record<'passed' | 'failed' | 'unknown', Text> = {
  passed: text('BON', 'PASSED'),
  failed: text('DÉFAILLANT', 'FAILED'),
  unknown: text('inconnu', 'unknown'),
};
export const smartHealthLabel = (h: 'passed' | 'failed' | 'unknown', lang: Lang): string =>
  SMART_HEALTH[h][lang];

/** The SMART figures' names on a certificate. */
export const SMART_WORDS = {
  hours: text('h de fonctionnement', 'power-on hours'),
  reallocated: text('secteurs réalloués', 'reallocated sectors'),
  pending: text('secteurs en attente', 'pending sectors'),
  mediaErrors: text('erreurs du support', 'media errors'),
  used: text('usure', 'wear'),
} satisfies Record<string, Text>;
