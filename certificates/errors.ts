import { GommeError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { type Text, text } from '../core/i18n.js';

/** Typed failures of the certificate chain. All are "bad input" except a missing record (not found). */

export class RecordInvalidError extends GommeError {
  readonly issues: string[];
  constructor(issues: string[]) {
    const list = issues.slice(0, 8).join('; ');
    super(
      'record-invalid',
      text(`L'enregistrement d'effacement est invalide : ${list}`, `The erasure record is invalid: ${list}`),
      { exitCode: ExitCode.BAD_INPUT },
    );
    this.issues = issues;
  }
}

export class RecordNotFoundError extends GommeError {
  constructor(id: string) {
    super(
      'record-not-found',
      text(`Aucun enregistrement ${id} dans le journal.`, `No record ${id} in the journal.`),
      {
        exitCode: ExitCode.NOT_FOUND,
        hint: text(
          'Lancez « gomme history » pour voir les enregistrements.',
          'Run "gomme history" to list records.',
        ),
      },
    );
  }
}

export class KeyMissingError extends GommeError {
  constructor(dir: string) {
    super(
      'key-missing',
      text(
        `Aucune clé de signature de l'organisation dans ${dir}.`,
        `No organisation signing key in ${dir}.`,
      ),
      {
        exitCode: ExitCode.BAD_INPUT,
        hint: text(
          'Créez-la avec « gomme keys init » ou importez-la avec « gomme keys import org.p12 ».',
          'Create one with "gomme keys init" or import one with "gomme keys import org.p12".',
        ),
      },
    );
  }
}

export class KeyPassphraseError extends GommeError {
  constructor(what: string, cause?: unknown) {
    super(
      'key-passphrase',
      text(
        `${what} : phrase de passe absente ou incorrecte.`,
        `${what}: the passphrase is missing or wrong.`,
      ),
      {
        exitCode: ExitCode.BAD_INPUT,
        cause,
        hint: text(
          'Donnez la phrase de passe dans GOMME_KEY_PASSPHRASE ou avec --passphrase-file FICHIER.',
          'Give the passphrase in GOMME_KEY_PASSPHRASE or with --passphrase-file FILE.',
        ),
      },
    );
  }
}

export class KeyExistsError extends GommeError {
  constructor(dir: string) {
    super(
      'key-exists',
      text(
        `Une clé d'organisation existe déjà dans ${dir}.`,
        `An organisation key already exists in ${dir}.`,
      ),
      {
        exitCode: ExitCode.REFUSED,
        hint: text(
          'Ajoutez --force pour la remplacer : les certificats déjà signés restent valides.',
          'Add --force to replace it: certificates already signed stay valid.',
        ),
      },
    );
  }
}

export class KeyFileError extends GommeError {
  constructor(file: string, detail: string, cause?: unknown) {
    super(
      'key-file',
      text(
        `Le fichier de clé ${file} est inutilisable : ${detail}`,
        `The key file ${file} cannot be used: ${detail}`,
      ),
      { exitCode: ExitCode.BAD_INPUT, cause },
    );
  }
}

export class PdfUnreadableError extends GommeError {
  constructor(file: string, detail: Text) {
    super(
      'pdf-unreadable',
      text(
        `${file} n'est pas un certificat gomme lisible : ${detail.fr}`,
        `${file} is not a readable gomme certificate: ${detail.en}`,
      ),
      {
        exitCode: ExitCode.BAD_INPUT,
        hint: text(
          'Vérifiez que le fichier est complet et qu’il vient bien de gomme.',
          'Check that the file is complete and was produced by gomme.',
        ),
      },
    );
  }
}

export class ConfigInvalidError extends GommeError {
  constructor(file: string, detail: string, cause?: unknown) {
    super(
      'config-invalid',
      text(
        `La configuration ${file} est invalide : ${detail}`,
        `The configuration ${file} is invalid: ${detail}`,
      ),
      { exitCode: ExitCode.BAD_INPUT, cause },
    );
  }
}
