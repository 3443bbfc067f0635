import { createOrganisationCa } from '../../certificates/keys/station.js';
import {
  hasIdentity,
  keysDir,
  loadIdentity,
  type SigningIdentity,
  saveIdentity,
} from '../../certificates/keys/store.js';
import { caConstraints } from '../../certificates/keys/x509.js';
import { signerOrganisation } from '../../certificates/signer.js';
import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';

/**
 * The organisation's CA, kept by the hub in DATA/keys (the same files and code as a station's key, 0600): it
 * issues station certificates at enrolment. Created at the first start from --organisation; its key may be
 * encrypted with GOMME_HUB_KEY_PASSPHRASE.
 */
export function loadOrCreateCa(
  dataDir: string,
  options: { organisation?: string | undefined; passphrase?: string | undefined },
): { ca: SigningIdentity; organisation: string; created: boolean } {
  if (hasIdentity(dataDir)) {
    const ca = loadIdentity(dataDir, options.passphrase);
    if (!caConstraints(ca.certificate).ca) throw new HubCaError(keysDir(dataDir));
    return { ca, organisation: signerOrganisation(ca.certificate) ?? '', created: false };
  }
  if (!options.organisation) throw new HubOrganisationMissingError();
  const ca = createOrganisationCa({ organisation: options.organisation });
  saveIdentity(dataDir, ca, { passphrase: options.passphrase });
  return { ca, organisation: options.organisation, created: true };
}

export class HubOrganisationMissingError extends GommeError {
  constructor() {
    super(
      'hub-organisation-missing',
      text(
        'Premier démarrage du hub : le nom de l’organisation manque.',
        'First start of the hub: the organisation name is missing.',
      ),
      {
        exitCode: ExitCode.USAGE,
        hint: text(
          'Ajoutez --organisation "Nom de l’atelier" : il crée l’autorité qui certifiera les postes.',
          'Add --organisation "Workshop name": it creates the authority that certifies the stations.',
        ),
      },
    );
  }
}

export class HubCaError extends GommeError {
  constructor(dir: string) {
    super(
      'hub-ca-invalid',
      text(
        `La clé de ${dir} n’est pas une autorité de certification (une clé « gomme keys init » ?).`,
        `The key in ${dir} is not a certification authority (a "gomme keys init" key?).`,
      ),
      {
        exitCode: ExitCode.BAD_INPUT,
        hint: text(
          'Donnez au hub son propre dossier --data ; un poste garde sa clé ailleurs.',
          'Give the hub its own --data folder; a station keeps its key elsewhere.',
        ),
      },
    );
  }
}
