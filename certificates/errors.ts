import { GommeError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { type Lang, SEMICOLON, type Text, text } from '../core/i18n.js';

/** Typed failures of the certificate chain. All are "bad input" except a missing record (not found). */

/** A string detail is a technical token (an OpenSSL message, a path): the same in both languages. */
const asText = (detail: string | Text): Text => (typeof detail === 'string' ? text(detail, detail) : detail);

export class RecordInvalidError extends GommeError {
  readonly issues: Text[];
  constructor(issues: Array<Text | string>) {
    const all = issues.map(asText);
    const list = (lang: Lang) =>
      all
        .slice(0, 8)
        .map((issue) => issue[lang])
        .join(SEMICOLON[lang]);
    super(
      'record-invalid',
      text(
        `L'enregistrement d'effacement est invalide : ${list('fr')}`,
        `The erasure record is invalid: ${list('en')}`,
      ),
      { exitCode: ExitCode.BAD_INPUT },
    );
    this.issues = all;
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
  constructor(file: string, detail: string | Text, cause?: unknown) {
    const d = asText(detail);
    super(
      'key-file',
      text(
        `Le fichier de clé ou de certificat ${file} est inutilisable : ${d.fr}`,
        `The key or certificate file ${file} cannot be used: ${d.en}`,
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
  constructor(file: string, detail: string | Text, cause?: unknown) {
    const d = asText(detail);
    super(
      'config-invalid',
      text(
        `La configuration ${file} est invalide : ${d.fr}`,
        `The configuration ${file} is invalid: ${d.en}`,
      ),
      { exitCode: ExitCode.BAD_INPUT, cause },
    );
  }
}

/** An empty passphrase would leave the key in clear while claiming it is protected: refused. */
export class PassphraseEmptyError extends GommeError {
  constructor(source: string) {
    super(
      'key-passphrase-empty',
      text(`${source} : la phrase de passe est vide.`, `${source}: the passphrase is empty.`),
      {
        exitCode: ExitCode.BAD_INPUT,
        hint: text(
          'Écrivez la phrase de passe sur la première ligne du fichier (ou dans GOMME_KEY_PASSPHRASE) ; sans phrase de passe, n’utilisez pas --passphrase-file.',
          'Write the passphrase on the first line of the file (or in GOMME_KEY_PASSPHRASE); for no passphrase, leave out --passphrase-file.',
        ),
      },
    );
  }
}
