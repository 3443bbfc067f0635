import type { Lang } from '../../core/i18n.js';
import type {
  Destination,
  DriveResult,
  HiddenAreaHandling,
  MediaType,
  NistLevel,
  VerificationMethod,
} from '../record/schema.js';

type Pair = readonly [fr: string, en: string];
const pick = (pair: Pair, lang: Lang): string => (lang === 'fr' ? pair[0] : pair[1]);

const L = {
  titleDrive: ["Certificat d'effacement de support", 'Certificate of media sanitization'],
  titleMachine: ["Certificat d'effacement — ordinateur", 'Sanitization certificate — computer'],
  titleLot: ["Certificat d'effacement — lot de don", 'Sanitization certificate — donation lot'],
  standards: [
    'Selon NIST SP 800-88 (Clear / Purge) et IEEE 2883-2022',
    'Per NIST SP 800-88 (Clear / Purge) and IEEE 2883-2022',
  ],
  certificateId: ['N° de certificat', 'Certificate no.'],
  recordId: ["N° d'enregistrement", 'Record no.'],
  date: ['Date', 'Date'],
  result: ['Résultat', 'Result'],
  media: ['Support', 'Media'],
  manufacturer: ['Fabricant', 'Manufacturer'],
  model: ['Modèle', 'Model'],
  serial: ['N° de série', 'Serial number'],
  wwn: ['WWN', 'WWN'],
  mediaType: ['Type de support', 'Media type'],
  interface: ['Interface', 'Interface'],
  size: ['Capacité', 'Capacity'],
  assetTag: ["N° d'inventaire", 'Asset tag'],
  source: ['Provenance (ordinateur)', 'Media source (computer)'],
  sanitization: ['Effacement', 'Sanitization'],
  nistLevel: ['Niveau NIST', 'NIST level'],
  method: ['Méthode', 'Method'],
  technique: ['Technique IEEE 2883', 'IEEE 2883 technique'],
  passes: ['Passes', 'Passes'],
  tool: ['Outil (version)', 'Tool (version)'],
  hiddenAreas: ['Zones cachées (HPA / DCO)', 'Hidden areas (HPA / DCO)'],
  started: ['Début', 'Start'],
  finished: ['Fin', 'End'],
  received: ['Reçu le', 'Received'],
  duration: ['Durée', 'Duration'],
  bytesWritten: ['Octets écrits', 'Bytes written'],
  errors: ['Erreurs', 'Errors'],
  interruptions: ['Interruptions', 'Interruptions'],
  verification: ['Vérification', 'Verification'],
  verificationMethod: ['Méthode de vérification', 'Verification method'],
  coverage: ['Couverture', 'Coverage'],
  verificationResult: ['Résultat de la vérification', 'Verification result'],
  smart: ['État SMART', 'SMART health'],
  disposition: ['Destination et personnes', 'Disposition and people'],
  destination: ['Destination après effacement', 'Post-sanitization destination'],
  donor: ['Donateur', 'Donor'],
  lot: ['Lot', 'Lot'],
  operator: ['Opérateur (effacement)', 'Sanitized by'],
  verifier: ['Vérifié par', 'Verified by'],
  location: ['Lieu', 'Location'],
  machine: ['Ordinateur', 'Computer'],
  vendor: ['Marque', 'Vendor'],
  uuid: ['UUID', 'UUID'],
  cpu: ['Processeur', 'CPU'],
  memory: ['Mémoire', 'Memory'],
  drives: ['Disques', 'Drives'],
  computers: ['Ordinateurs', 'Computers'],
  notErasedBanner: ['NON EFFACÉ : À DÉTRUIRE', 'NOT ERASED: TO BE DESTROYED'],
  notErasedReason: ['Raison', 'Reason'],
  none: ['aucune', 'none'],
  firmwareNote: [
    "Effacement exécuté par le micrologiciel du disque : sa conformité est présumée, d'où la vérification ci-dessus.",
    "Sanitization performed by the drive's firmware: its compliance is assumed, hence the verification above.",
  ],
  fingerprint: ["Empreinte SHA-256 de l'enregistrement joint", 'SHA-256 of the attached record'],
  attached: ['Enregistrement joint à ce PDF', 'Record attached to this PDF'],
  signedNote: [
    'Document signé électroniquement (PAdES). Vérification : gomme cert verify FICHIER.pdf',
    'Electronically signed document (PAdES). Verify with: gomme cert verify FILE.pdf',
  ],
  page: ['Page', 'Page'],
  total: ['Total', 'Total'],
} as const satisfies Record<string, Pair>;

export type LabelKey = keyof typeof L;
export const label = (key: LabelKey, lang: Lang): string => pick(L[key], lang);

const RESULTS: Record<DriveResult, Pair> = {
  ERASED: ['EFFACÉ', 'ERASED'],
  ERASED_WITH_EXCEPTIONS: ['EFFACÉ AVEC RÉSERVES', 'ERASED WITH EXCEPTIONS'],
  FAILED: ['ÉCHEC', 'FAILED'],
  ABORTED: ['INTERROMPU', 'ABORTED'],
};
export const resultLabel = (r: DriveResult, lang: Lang): string => pick(RESULTS[r], lang);
export const RESULT_COLOURS: Record<DriveResult, string> = {
  ERASED: '#1b7f3b',
  ERASED_WITH_EXCEPTIONS: '#b36b00',
  FAILED: '#b3261e',
  ABORTED: '#5f6368',
};

const LEVELS: Record<NistLevel, Pair> = {
  clear: ['Clear (effacer)', 'Clear'],
  purge: ['Purge (purger)', 'Purge'],
  destroy: ['Destroy : à détruire physiquement', 'Destroy: to be physically destroyed'],
};
export const levelLabel = (l: NistLevel, lang: Lang): string => pick(LEVELS[l], lang);

const MEDIA: Record<MediaType, Pair> = {
  hdd: ['Disque dur magnétique', 'Magnetic hard disk'],
  ssd: ['SSD (flash)', 'SSD (flash)'],
  hybrid: ['Hybride', 'Hybrid'],
  'usb-flash': ['Clé USB (flash)', 'USB flash drive'],
  'memory-card': ['Carte mémoire', 'Memory card'],
  unknown: ['Inconnu', 'Unknown'],
};
export const mediaLabel = (m: MediaType, lang: Lang): string => pick(MEDIA[m], lang);

const VERIFY: Record<VerificationMethod, Pair> = {
  none: ['aucune', 'none'],
  full: ['relecture complète', 'full read-back'],
  sampling: ['échantillonnage (NIST §4.7)', 'sampling (NIST §4.7)'],
  'crypto-compare': ['comparaison avant/après (effacement crypto)', 'before/after compare (crypto erase)'],
};
export const verifyLabel = (v: VerificationMethod, lang: Lang): string => pick(VERIFY[v], lang);

const HIDDEN: Record<HiddenAreaHandling, Pair> = {
  'none-found': ['aucune', 'none found'],
  removed: ['trouvée, supprimée', 'found, removed'],
  'left-in-place': ['trouvée, NON supprimée', 'found, NOT removed'],
  'not-checked': ['non vérifiée', 'not checked'],
};
export const hiddenLabel = (h: HiddenAreaHandling, lang: Lang): string => pick(HIDDEN[h], lang);

const DESTINATIONS: Record<Destination, Pair> = {
  reuse: ['réemploi', 'reuse'],
  donation: ['don', 'donation'],
  resale: ['revente solidaire', 'resale'],
  recycling: ['recyclage', 'recycling'],
  destruction: ['destruction', 'destruction'],
  'return-to-donor': ['rendu au donateur', 'returned to donor'],
  unknown: ['non connue', 'unknown'],
};
export const destinationLabel = (d: Destination, lang: Lang): string => pick(DESTINATIONS[d], lang);
