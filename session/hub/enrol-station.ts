import { X509Certificate } from 'node:crypto';
import { KeyExistsError } from '../../certificates/errors.js';
import { type HubLink, writeHubLink } from '../../certificates/hub-link.js';
import { createCertificateRequest, csrToPem } from '../../certificates/keys/csr.js';
import { generateStationKey } from '../../certificates/keys/station.js';
import { hasIdentity, keysDir, saveIdentity } from '../../certificates/keys/store.js';
import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { type Text, text } from '../../core/i18n.js';
import type { HubClient } from './hub-client.js';

export interface EnrolOptions {
  hubUrl: string;
  code: string;
  stationName: string;
  /** Overrides the public address the hub announces (what QR codes point to). */
  publicUrl?: string | undefined;
  passphrase?: string | undefined;
  /** Replace a key the station already has (a stand-alone `gomme keys init` key, an older enrolment). */
  force?: boolean;
}

/**
 * Enrols this station with a hub: a new key made here (it never leaves), a CSR, the certificate the hub's
 * organisation CA issues for it; then the identity (key, certificate, chain) and the hub link are saved in
 * the data folder. From then on records and PDFs are signed station → organisation.
 */
export async function enrolStation(
  dataDir: string,
  client: HubClient,
  options: EnrolOptions,
  now = new Date(),
): Promise<HubLink> {
  if (hasIdentity(dataDir) && !options.force) throw new KeyExistsError(keysDir(dataDir));
  const key = generateStationKey();
  const csr = csrToPem(
    createCertificateRequest(key.privateKey, {
      commonName: options.stationName,
      organisation: options.stationName,
    }),
  );
  const answer = await client.enrol({ code: options.code, csr, stationName: options.stationName });
  if (answer.kind !== 'ok') throw new EnrolError(answer.reason, answer.kind === 'unavailable');
  let certificate: X509Certificate;
  let chain: X509Certificate[];
  try {
    certificate = new X509Certificate(answer.body.certificate);
    chain = answer.body.chain.map((pem) => new X509Certificate(pem));
  } catch (error) {
    throw new EnrolError(
      text(
        `certificat reçu illisible (${(error as Error).message})`,
        `unreadable certificate received (${(error as Error).message})`,
      ),
      false,
    );
  }
  if (!certificate.checkPrivateKey(key.privateKey))
    throw new EnrolError(
      text(
        'le certificat reçu n’est pas pour la clé de ce poste',
        'the certificate received is not for this station’s key',
      ),
      false,
    );
  saveIdentity(
    dataDir,
    { privateKey: key.privateKey, certificate, chain },
    { passphrase: options.passphrase, force: true },
  );
  const link: HubLink = {
    url: options.hubUrl,
    publicUrl: options.publicUrl ?? answer.body.publicUrl,
    stationName: options.stationName,
    organisation: answer.body.organisation,
    enrolledAt: now.toISOString(),
  };
  writeHubLink(dataDir, link);
  return link;
}

export class EnrolError extends GommeError {
  constructor(reason: Text, unreachable: boolean) {
    super(
      'hub-enrol',
      text(
        `Inscription auprès du hub refusée : ${reason.fr}`,
        `Enrolment with the hub refused: ${reason.en}`,
      ),
      {
        exitCode: unreachable ? ExitCode.SYNC_PENDING : ExitCode.BAD_INPUT,
        hint: unreachable
          ? text(
              'Vérifiez l’adresse du hub et le réseau, puis recommencez.',
              'Check the hub address and the network, then try again.',
            )
          : text(
              'Demandez un nouveau code à l’administrateur du hub (gomme hub admin enrol-code).',
              'Ask the hub administrator for a new code (gomme hub admin enrol-code).',
            ),
      },
    );
  }
}
