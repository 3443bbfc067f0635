import { type Text, text } from '../../core/i18n.js';

/** Words of the donor's PDF check on the public page, French first: for people who never saw gomme. */

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
