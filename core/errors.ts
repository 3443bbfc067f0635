import { ExitCode, type ExitCodeValue } from './exit-codes.js';
import { type Text, text } from './i18n.js';
import { protectionDetails } from './words/protections.js';

/**
 * Every error gomme expects carries a stable code, the exit code it maps to, a message a trainee can read
 * and a hint a technician can act on, both in French and English. Anything else reaching the CLI is a bug (exit 1).
 */
export class GommeError extends Error {
  readonly code: string;
  readonly exitCode: ExitCodeValue;
  readonly text: Text;
  readonly hint: Text | undefined;

  constructor(
    code: string,
    message: Text,
    options: { exitCode: ExitCodeValue; hint?: Text; cause?: unknown },
  ) {
    super(message.en, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options.exitCode;
    this.text = message;
    this.hint = options.hint;
  }
}

export class UsageError extends GommeError {
  constructor(message: Text, hint?: Text) {
    super('usage', message, { exitCode: ExitCode.USAGE, hint });
  }
}

export class ToolMissingError extends GommeError {
  readonly program: string;
  readonly debianPackage: string;
  constructor(program: string, debianPackage: string) {
    super(
      'tool-missing',
      text(`Le programme « ${program} » n'est pas installé.`, `The program "${program}" is not installed.`),
      {
        exitCode: ExitCode.TOOL_MISSING,
        hint: text(
          `Installez-le : apt-get install ${debianPackage}`,
          `Install it with: apt-get install ${debianPackage}`,
        ),
      },
    );
    this.program = program;
    this.debianPackage = debianPackage;
  }
}

export class DeviceNotFoundError extends GommeError {
  constructor(device: string) {
    super(
      'device-not-found',
      text(
        `Aucun disque entier nommé ${device} n'a été trouvé.`,
        `No whole drive named ${device} was found.`,
      ),
      {
        exitCode: ExitCode.NOT_FOUND,
        hint: text(
          'Lancez « gomme drives » pour voir les disques de cet ordinateur.',
          'Run "gomme drives" to list the drives of this computer.',
        ),
      },
    );
  }
}

export class ProtectedDeviceError extends GommeError {
  readonly device: string;
  readonly reasons: string[];
  constructor(device: string, protections: ReadonlyArray<{ reason: string; detail: Text }>) {
    const why = protectionDetails(protections);
    super(
      'protected-device',
      text(
        `${device} est protégé, gomme n'y touchera pas : ${why.fr}.`,
        `${device} is protected and will not be touched: ${why.en}.`,
      ),
      {
        exitCode: ExitCode.REFUSED,
        hint: text(
          "Démontez-le, arrêtez ce qui l'utilise ou choisissez un autre disque. La clé de démarrage n'est jamais effacée.",
          'Unmount it, stop what uses it, or choose another drive. The boot stick is never erased.',
        ),
      },
    );
    this.device = device;
    this.reasons = protections.map((p) => p.reason);
  }
}

export class NeedsRootError extends GommeError {
  constructor(what: string) {
    super(
      'needs-root',
      text(`${what} : il faut les droits administrateur.`, `${what} needs administrator rights.`),
      {
        exitCode: ExitCode.NEEDS_ROOT,
        hint: text(
          'Lancez gomme en root (sudo gomme …) ; sur la clé gomme, c’est déjà le cas.',
          'Run gomme as root (sudo gomme …); on the gomme USB stick you already are.',
        ),
      },
    );
  }
}

export class BadInputError extends GommeError {
  /** `detail`: a Text when it is words, a plain string when it is a technical token (an errno, a field path). */
  constructor(what: string, detail: string | Text, cause?: unknown) {
    const d = typeof detail === 'string' ? text(detail, detail) : detail;
    super('bad-input', text(`${what} est inutilisable : ${d.fr}`, `${what} cannot be used: ${d.en}`), {
      exitCode: ExitCode.BAD_INPUT,
      cause,
    });
  }
}

/** A replayed system was asked for something the bundle did not record. */
export class ReplayMissError extends GommeError {
  constructor(what: string) {
    super(
      'replay-miss',
      text(`Le paquet rejoué ne contient pas ${what}.`, `The replayed bundle has no record of ${what}.`),
      {
        exitCode: ExitCode.BAD_INPUT,
        hint: text(
          'Capturez un nouveau paquet avec « gomme capture -o bundle.json » avec la même version de gomme.',
          'Capture a new bundle with "gomme capture -o bundle.json" using the same gomme version.',
        ),
      },
    );
  }
}
