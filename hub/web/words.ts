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

export const EXPORTS = {
  title: text('Exports', 'Exports'),
  hint: text(
    'Pour les statistiques du réseau : ordinateurs par type, état et destination ; disques par résultat et méthode. Laissez un champ vide pour ne pas filtrer.',
    'For the network’s statistics: computers by type, condition and destination; drives by result and method. Leave a field empty not to filter.',
  ),
  from: text('Du (inclus)', 'From (included)'),
  to: text('Au (exclu)', 'To (excluded)'),
  lot: text('Lot', 'Lot'),
  donor: text('Donateur (nom exact)', 'Donor (exact name)'),
  kind: text('Contenu', 'Content'),
  summary: text('Synthèse (comptes)', 'Summary (counts)'),
  machines: text('Un ordinateur par ligne', 'One computer per row'),
  drives: text('Un disque par ligne', 'One drive per row'),
  format: text('Format', 'Format'),
  submit: text('Télécharger', 'Download'),
  badDate: text('Date invalide (attendu AAAA-MM-JJ).', 'Invalid date (expected YYYY-MM-DD).'),
};

export const ADMIN = {
  title: text('Administration', 'Administration'),
  codeTitle: text('Inscrire un poste', 'Enrol a station'),
  codeHint: text(
    'Un code à usage unique permet à un poste (clé USB ou établi) de recevoir son certificat signé par l’organisation.',
    'A one-time code lets a station (USB stick or workbench) receive its certificate signed by the organisation.',
  ),
  ttl: text('Validité (minutes)', 'Valid for (minutes)'),
  uses: text('Nombre d’utilisations', 'Number of uses'),
  createCode: text('Créer un code', 'Create a code'),
  codeCreated: (code: string, until: string, uses: number) =>
    text(
      `Code : ${code} — valable jusqu’au ${until}, ${uses} utilisation(s).`,
      `Code: ${code} — valid until ${until}, ${uses} use(s).`,
    ),
  codeCommand: text('Sur le poste :', 'On the station:'),
  stations: text('Postes inscrits', 'Enrolled stations'),
  noStations: text('Aucun poste inscrit.', 'No station enrolled.'),
  station: text('Poste', 'Station'),
  enrolled: text('Inscrit le', 'Enrolled'),
  lastSeen: text('Dernier envoi', 'Last upload'),
  status: text('État', 'Status'),
  active: text('actif', 'active'),
  revokedOn: (date: string) => text(`révoqué le ${date}`, `revoked on ${date}`),
  revoke: text('Révoquer', 'Revoke'),
  revokeReason: text('Motif (clé perdue, volée…)', 'Reason (stick lost, stolen…)'),
  revokeHint: text(
    'Ce que ce poste enverra à partir de maintenant sera refusé ; ce qu’il a déjà envoyé reste valable.',
    'What this station sends from now on is refused; what it already sent stays valid.',
  ),
  revokedDone: (name: string) => text(`Poste « ${name} » révoqué.`, `Station "${name}" revoked.`),
  rejects: text('Envois refusés', 'Rejected uploads'),
  noRejects: text('Aucun envoi refusé.', 'No rejected upload.'),
  at: text('Date', 'Date'),
  route: text('Adresse', 'Route'),
  code: text('Code', 'Code'),
  reason: text('Motif', 'Reason'),
  client: text('Client', 'Client'),
  badInput: text('Valeur invalide.', 'Invalid value.'),
};

export const DONOR = {
  dropTitle: text('Vérifier le PDF que vous avez reçu', 'Check the PDF you received'),
  dropHint: text(
    'Déposez ici le fichier PDF du certificat, ou choisissez-le : nous vérifions qu’il est exactement celui que nous conservons et que sa signature est valide. Le fichier n’est pas conservé.',
    'Drop the certificate’s PDF file here, or choose it: we check that it is exactly the one we hold and that its signature is valid. The file is not kept.',
  ),
  choose: text('Fichier PDF du certificat', 'The certificate’s PDF file'),
  submit: text('Vérifier ce fichier', 'Check this file'),
  checking: text('Vérification…', 'Checking…'),
  yourFile: text('Votre fichier :', 'Your file:'),
  noFile: text('Choisissez d’abord le fichier PDF.', 'Choose the PDF file first.'),
  tooLarge: text(
    'Ce fichier est trop gros pour être un certificat.',
    'This file is too large to be a certificate.',
  ),
  download: text('Télécharger le certificat (PDF)', 'Download the certificate (PDF)'),
  back: text('Retour au certificat', 'Back to the certificate'),
  verdict: {
    identical: text(
      '✓ C’est bien le certificat original : il est identique, octet pour octet, à celui que nous conservons, et sa signature est valide.',
      '✓ This is the original certificate: it is identical, byte for byte, to the one we hold, and its signature is valid.',
    ),
    'signed-copy': text(
      '✓ La signature est valide et le contenu n’a pas été modifié, mais ce fichier n’est pas exactement celui que nous conservons (un autre exemplaire, par exemple). En cas de doute, contactez l’organisation.',
      '✓ The signature is valid and the content has not been changed, but this file is not exactly the one we hold (another copy, for example). If in doubt, contact the organisation.',
    ),
    'other-certificate': text(
      '✗ Ce fichier est un autre certificat que celui de cette page. Ouvrez la page de son propre code QR.',
      '✗ This file is another certificate than this page’s. Open the page of its own QR code.',
    ),
    tampered: text(
      '✗ Ce fichier a été modifié après sa signature : ce n’est pas le certificat d’origine. Ne vous y fiez pas et contactez l’organisation qui vous l’a remis.',
      '✗ This file was changed after it was signed: it is not the original certificate. Do not rely on it and contact the organisation that gave it to you.',
    ),
    'unknown-signer': text(
      '✗ Ce fichier n’a pas été signé par une organisation que ce service connaît. Ne vous y fiez pas.',
      '✗ This file was not signed by an organisation this service knows. Do not rely on it.',
    ),
    revoked: text(
      '✗ Ce fichier a été signé par un poste retiré du service (révoqué). Contactez l’organisation.',
      '✗ This file was signed by a station withdrawn from service (revoked). Contact the organisation.',
    ),
    unreadable: text(
      '✗ Ce fichier n’est pas un certificat lisible : ce n’est pas un PDF de certificat, ou il est incomplet.',
      '✗ This file is not a readable certificate: it is not a certificate PDF, or it is incomplete.',
    ),
  } satisfies Record<string, Text>,
};

export const COMMON = {
  yes: text('oui', 'yes'),
  no: text('non', 'no'),
  none: text('—', '—'),
};
