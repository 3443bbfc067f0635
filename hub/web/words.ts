import { type Text, text } from '../../core/i18n.js';

/** Every word of the staff pages and the donor's drop check, French first (core/i18n text()). */

export const RESULT: Record<string, Text> = {
  ERASED: text('Effacé', 'Erased'),
  ERASED_WITH_EXCEPTIONS: text('Effacé, avec réserves', 'Erased, with exceptions'),
  FAILED: text('Échec', 'Failed'),
  ABORTED: text('Interrompu', 'Aborted'),
};

export const GRADE: Record<string, Text> = {
  pass: text('Bon état', 'Good'),
  'pass-with-reservations': text('Bon, avec réserves', 'Good, with reservations'),
  // A function nobody could test (no answer, a test too short): gomme diag's own word for it.
  incomplete: text('Incomplet', 'Incomplete'),
  fail: text('Défaillant', 'Failing'),
  ungraded: text('Pas de diagnostic', 'No diagnostics'),
};

export const ROLE: Record<string, Text> = {
  admin: text('administrateur', 'administrator'),
  technician: text('technicien', 'technician'),
  viewer: text('lecture seule', 'viewer'),
};

export const DESTINATION: Record<string, Text> = {
  reuse: text('réemploi', 'reuse'),
  donation: text('don', 'donation'),
  resale: text('revente', 'resale'),
  recycling: text('recyclage', 'recycling'),
  destruction: text('destruction', 'destruction'),
  'return-to-donor': text('retour au donateur', 'return to donor'),
  unknown: text('inconnue', 'unknown'),
  mixed: text('plusieurs', 'several'),
};

export const NAV = {
  skip: text('Aller au contenu', 'Skip to content'),
  menu: text('Menu principal', 'Main menu'),
  dashboard: text('Tableau de bord', 'Dashboard'),
  search: text('Rechercher', 'Search'),
  exports: text('Exports', 'Exports'),
  admin: text('Administration', 'Administration'),
  signOut: text('Se déconnecter', 'Sign out'),
  otherLang: text('English', 'Français'),
  signedIn: (name: string, role: Text) => text(`${name} (${role.fr})`, `${name} (${role.en})`),
};

export const LOGIN = {
  title: text('Connexion du personnel', 'Staff sign-in'),
  name: text('Identifiant', 'User name'),
  password: text('Mot de passe', 'Password'),
  submit: text('Se connecter', 'Sign in'),
  failed: text('Identifiant ou mot de passe incorrect.', 'Wrong user name or password.'),
  hint: text(
    'Pas de compte ? Un administrateur en crée un avec « gomme hub admin user add NOM --role technician ».',
    'No account? An administrator creates one with "gomme hub admin user add NAME --role technician".',
  ),
};

export const GUARD = {
  csrf: text(
    'Ce formulaire a expiré : rechargez la page et recommencez.',
    'This form has expired: reload the page and try again.',
  ),
  forbiddenTitle: text('Accès refusé', 'Access denied'),
  forbidden: (role: Text) =>
    text(
      `Cette action est réservée au rôle « ${role.fr} ».`,
      `This action is reserved to the "${role.en}" role.`,
    ),
  notFoundTitle: text('Introuvable', 'Not found'),
  notFound: text('Rien ne porte cet identifiant sur ce hub.', 'Nothing has this ID on this hub.'),
  back: text('Retour au tableau de bord', 'Back to the dashboard'),
};

export const DASHBOARD = {
  title: text('Tableau de bord', 'Dashboard'),
  inProgress: text('Lots en cours', 'Lots in progress'),
  inProgressHint: text(
    'Des ordinateurs ont été effacés ; le certificat de lot n’est pas encore signé.',
    'Computers were erased; the lot certificate is not signed yet.',
  ),
  done: text('Lots terminés', 'Finished lots'),
  doneHint: text('Le certificat de lot est signé.', 'The lot certificate is signed.'),
  none: text('Aucun lot.', 'No lot.'),
  lot: text('Lot', 'Lot'),
  donor: text('Donateur', 'Donor'),
  machines: text('Ordinateurs', 'Computers'),
  drives: text('Disques', 'Drives'),
  results: text('Résultats', 'Results'),
  last: text('Dernier effacement', 'Last erasure'),
};

export const LOT = {
  title: (id: string) => text(`Lot ${id}`, `Lot ${id}`),
  machines: text('Ordinateurs du lot', 'Computers in the lot'),
  machine: text('Ordinateur', 'Computer'),
  serial: text('N° de série', 'Serial number'),
  grade: text('État (diagnostic)', 'Condition (diagnostics)'),
  driveResults: text('Résultat de chaque disque', 'Each drive’s result'),
  certificates: text('Certificats', 'Certificates'),
  station: text('Poste', 'Station'),
  lotCertificate: text('Certificat de lot', 'Lot certificate'),
  noLotCertificate: text('Pas encore de certificat de lot.', 'No lot certificate yet.'),
  generate: text('Générer et signer le certificat de lot', 'Generate and sign the lot certificate'),
  generateHint: text(
    'Le hub le signe avec la clé de l’organisation, à partir de tous les rapports du lot reçus à ce jour.',
    'The hub signs it with the organisation’s key, from every record of the lot received so far.',
  ),
  generated: text('Certificat de lot signé.', 'Lot certificate signed.'),
  alreadyGenerated: text(
    'Ces rapports étaient déjà certifiés : voici le certificat existant.',
    'These records were already certified: here is the existing certificate.',
  ),
  download: text('Télécharger le PDF', 'Download the PDF'),
  share: text('Lien à envoyer au donateur', 'Link to send to the donor'),
  shareHint: text(
    'Ce lien ouvre la page de vérification du lot et permet de télécharger son certificat.',
    'This link opens the lot’s verification page and lets the donor download its certificate.',
  ),
  records: (n: number) => text(`${n} rapport(s)`, `${n} record(s)`),
  exportLot: text('Exporter ce lot (CSV)', 'Export this lot (CSV)'),
  revoked: text('poste révoqué', 'station revoked'),
};

export const MACHINE = {
  title: (name: string) => text(`Ordinateur ${name}`, `Computer ${name}`),
  inventory: text('Inventaire', 'Inventory'),
  vendor: text('Fabricant', 'Vendor'),
  model: text('Modèle', 'Model'),
  serial: text('N° de série', 'Serial number'),
  uuid: text('UUID', 'UUID'),
  assetTag: text('N° d’inventaire', 'Asset tag'),
  cpu: text('Processeur', 'Processor'),
  memory: text('Mémoire', 'Memory'),
  notes: text('Remarques', 'Notes'),
  type: text('Type', 'Type'),
  diagnostics: text('Diagnostic', 'Diagnostics'),
  noDiagnostics: text(
    'Aucun diagnostic reçu pour cet ordinateur.',
    'No diagnostics received for this computer.',
  ),
  grade: text('État', 'Condition'),
  cosmetic: text('Aspect', 'Cosmetic grade'),
  findings: text('Constats', 'Findings'),
  drives: text('Disques', 'Drives'),
  drive: text('Disque', 'Drive'),
  size: text('Taille', 'Size'),
  method: text('Méthode', 'Method'),
  level: text('Niveau NIST', 'NIST level'),
  verification: text('Vérification', 'Verification'),
  result: text('Résultat', 'Result'),
  destination: text('Destination', 'Destination'),
  certificates: text('Certificats', 'Certificates'),
  noCertificates: text('Aucun PDF reçu pour ce rapport.', 'No PDF received for this record.'),
  history: text('Historique de cet ordinateur', 'This computer’s history'),
  record: text('Rapport', 'Record'),
  session: text('Session d’effacement', 'Erasure session'),
  operator: text('Opérateur', 'Operator'),
  donor: text('Donateur', 'Donor'),
  lot: text('Lot', 'Lot'),
  station: text('Poste', 'Station'),
  completed: text('Terminé le', 'Completed'),
  received: text('Reçu le', 'Received'),
  revoked: (date: string) =>
    text(
      `Station révoquée le ${date} : ce rapport n’est plus fiable.`,
      `Station revoked on ${date}: this record is no longer reliable.`,
    ),
  publicPage: text('Page publique', 'Public page'),
};

export const SEARCH = {
  title: text('Rechercher', 'Search'),
  label: text(
    'N° de série, n° d’inventaire, n° de certificat ou donateur',
    'Serial number, asset tag, certificate ID or donor',
  ),
  submit: text('Rechercher', 'Search'),
  none: (q: string) => text(`Aucun résultat pour « ${q} ».`, `No result for "${q}".`),
  count: (n: number) => text(`${n} résultat(s)`, `${n} result(s)`),
};

export const COMMON = {
  yes: text('oui', 'yes'),
  no: text('non', 'no'),
  none: text('—', '—'),
};
