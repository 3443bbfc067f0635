import { text } from '../../core/i18n.js';

/** Words of the admin and export pages, French first. */

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
  codeCreated: (until: string, uses: number) =>
    text(`Valable jusqu’au ${until}, ${uses} utilisation(s).`, `Valid until ${until}, ${uses} use(s).`),
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
