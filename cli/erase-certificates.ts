import { loadConfig } from '../certificates/config.js';
import { KeyMissingError } from '../certificates/errors.js';
import { commitRecord } from '../certificates/journal-store.js';
import { openCertificateEnv } from '../certificates/open-env.js';
import { buildErasureRecord } from '../certificates/record/build-record.js';
import type { Destination } from '../certificates/record/schema.js';
import { readMachineIdentity } from '../core/detect/machine-identity.js';
import { resolveDataDir } from '../core/journal/data-dir.js';
import { openJournal } from '../core/journal/open-journal.js';
import type { System } from '../core/run/system.js';
import { GOMME_VERSION } from '../core/version.js';
import { recordInputFor } from '../erasure/jobs/record-input.js';
import type { JobResult } from '../erasure/jobs/run-jobs.js';
import type { CommandContext } from './io.js';

export interface SessionOptions {
  operator?: string;
  donor?: string;
  lot?: string;
  destination?: Destination;
}

export interface Certified {
  recordId: string | null;
  /** device path → signed per-drive PDF. */
  certificates: Map<string, string>;
  machineCertificate: string | null;
  warning: string | null;
}

/**
 * Commits the erasure record, then renders and signs the certificates. Without an organisation key the record
 * is still committed (nothing is lost) and the warning says how to sign it later.
 */
export async function certifyResults(
  ctx: Pick<CommandContext, 'env' | 'lang'>,
  system: System,
  results: JobResult[],
  options: SessionOptions,
): Promise<Certified> {
  const dataDir = resolveDataDir(ctx.env);
  const config = loadConfig(dataDir);
  const today = new Date().toISOString().slice(0, 10);
  const input = recordInputFor(results, {
    organisation: {
      name:
        config.organisation.name ??
        (ctx.lang === 'fr' ? 'Organisation non renseignée' : 'Organisation not set'),
      identifier: config.organisation.identifier,
      address: config.organisation.address,
      contact: config.organisation.contact,
    },
    operator: options.operator ?? ctx.env.GOMME_OPERATOR ?? ctx.env.SUDO_USER ?? ctx.env.USER ?? 'root',
    donor: options.donor ?? (ctx.lang === 'fr' ? 'Donateur non renseigné' : 'Donor not set'),
    lot: options.lot ?? `LOT-${today}`,
    destination: options.destination ?? 'reuse',
    machine: await readMachineIdentity(system),
    software: { name: 'gomme', version: GOMME_VERSION },
  });
  const none: Certified = {
    recordId: null,
    certificates: new Map(),
    machineCertificate: null,
    warning: null,
  };
  if (!input) return none;
  let env: ReturnType<typeof openCertificateEnv>;
  try {
    env = openCertificateEnv(ctx.env, ctx.lang);
  } catch (error) {
    if (!(error instanceof KeyMissingError)) throw error;
    const db = openJournal(dataDir);
    try {
      const { recordId } = commitRecord(db, buildErasureRecord(input));
      return {
        ...none,
        recordId,
        warning:
          ctx.lang === 'fr'
            ? `Aucune clé de signature : le rapport ${recordId} est enregistré, signez-le avec « gomme keys init » puis « gomme cert render ${recordId} ».`
            : `No signing key: record ${recordId} is saved; sign it with "gomme keys init" then "gomme cert render ${recordId}".`,
      };
    } finally {
      db.close();
    }
  }
  if (!config.organisation.name) {
    // Fall back to the organisation named in the signing certificate (gomme keys init --organisation).
    const signer = /^O=(.+)$/m.exec(env.identity.certificate.subject)?.[1];
    if (signer) input.organisation.name = signer;
  }
  try {
    // PDF rendering and signing (pdfkit, fonts, node-forge) load only when there is a key to sign with.
    const { certifyErasure } = await import('../certificates/certify.js');
    const { commit, certificates } = await certifyErasure(env, input);
    const drivePdfs = certificates.filter((c) => c.kind === 'drive');
    const map = new Map<string, string>();
    input.drives.forEach((d, i) => {
      const pdf = drivePdfs[i];
      if (pdf) map.set(d.device, pdf.path);
    });
    return {
      recordId: commit.recordId,
      certificates: map,
      machineCertificate: certificates.find((c) => c.kind === 'machine')?.path ?? null,
      warning: null,
    };
  } finally {
    env.db.close();
  }
}
