import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { type Text, text } from '../../core/i18n.js';

/** Netboot cannot start: a file or package is missing, the ISO is not gomme's, the address is unusable. */
export class NetbootSetupError extends GommeError {
  constructor(code: string, message: Text, hint: Text, exitCode: 2 | 9 | 10 = ExitCode.BAD_INPUT) {
    super(`netboot-${code}`, message, { exitCode, hint });
  }
}

export function missingLoader(path: string, debianPackage: string): NetbootSetupError {
  return new NetbootSetupError(
    'loader-missing',
    text(`Fichier de démarrage réseau absent : ${path}.`, `Network boot file missing: ${path}.`),
    text(
      `Installez-le : apt-get install ${debianPackage}`,
      `Install it with: apt-get install ${debianPackage}`,
    ),
    ExitCode.TOOL_MISSING,
  );
}

export function notGommeIso(iso: string, missing: string): NetbootSetupError {
  return new NetbootSetupError(
    'iso-invalid',
    text(
      `${iso} n’est pas une image gomme utilisable (${missing} introuvable).`,
      `${iso} is not a usable gomme image (${missing} not found).`,
    ),
    text(
      'Construisez-la avec « sudo bash iso-build/build-iso.sh » et donnez le fichier .iso produit.',
      'Build it with "sudo bash iso-build/build-iso.sh" and give the .iso it produces.',
    ),
  );
}

export function unusableAddress(address: string): NetbootSetupError {
  return new NetbootSetupError(
    'address',
    text(
      `Le démarrage réseau a besoin de l’adresse IPv4 du hub sur le réseau de l’atelier (reçu : ${address}).`,
      `Network boot needs the hub’s IPv4 address on the workshop network (got: ${address}).`,
    ),
    text(
      'Lancez le hub avec --listen ADRESSE:PORT (par ex. 192.168.1.10:8080) ou donnez --netboot-address.',
      'Run the hub with --listen ADDRESS:PORT (e.g. 192.168.1.10:8080) or give --netboot-address.',
    ),
    ExitCode.USAGE,
  );
}
