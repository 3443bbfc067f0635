import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Lang } from '../core/i18n.js';
import { insertCertificate } from '../core/journal/certificates.js';
import type { GommeConfig } from './config.js';
import { loadLotRecords, loadRecord } from './journal-store.js';
import type { SigningIdentity } from './keys/store.js';
import type { RenderedCertificate } from './pdf/certificate-pdf.js';
import { renderDriveCertificate } from './pdf/render-drive.js';
import { renderLotCertificate } from './pdf/render-lot.js';
import { renderMachineCertificate } from './pdf/render-machine.js';
import { sha256Hex } from './record/canonical-json.js';

export type CertificateTarget =
  | { kind: 'drive'; recordId: string; driveIndex: number }
  | { kind: 'machine'; recordId: string }
  | { kind: 'lot'; lotId: string };

export interface CertificateEnv {
  db: Database;
  dataDir: string;
  lang: Lang;
  config: GommeConfig;
  identity: SigningIdentity;
  /** Where PDFs go; DATA_DIR/certificates by default. */
  outDir?: string;
}

export interface WrittenCertificate {
  certificateId: string;
  kind: RenderedCertificate['kind'];
  path: string;
  pdfSha256: string;
  bytes: number;
  payloadSha256: string;
}

/** Renders one certificate from the journal (never from live state), writes it and logs it in the journal. */
export async function renderCertificate(
  env: CertificateEnv,
  target: CertificateTarget,
): Promise<WrittenCertificate> {
  const options = { lang: env.lang, config: env.config, identity: env.identity };
  const rendered =
    target.kind === 'lot'
      ? await renderLotCertificate(loadLotRecords(env.db, target.lotId), options)
      : target.kind === 'machine'
        ? await renderMachineCertificate(loadRecord(env.db, target.recordId), options)
        : await renderDriveCertificate(loadRecord(env.db, target.recordId), target.driveIndex, options);
  const dir = env.outDir ?? join(env.dataDir, 'certificates');
  mkdirSync(dir, { recursive: true });
  const suffix = env.lang === 'fr' ? '' : `.${env.lang}`;
  const path = join(dir, `${rendered.certificateId}${suffix}.pdf`);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, rendered.pdf);
  renameSync(tmp, path);
  const pdfSha256 = sha256Hex(rendered.pdf);
  insertCertificate(env.db, {
    certificateId: rendered.certificateId,
    kind: rendered.kind,
    recordId: target.kind === 'lot' ? null : target.recordId,
    lotId: target.kind === 'lot' ? target.lotId : loadRecord(env.db, target.recordId).lot.id,
    payloadSha256: rendered.payloadSha256,
    pdfSha256,
    pdfPath: path,
    signer: env.identity.certificate.fingerprint256,
    renderedAt: new Date().toISOString(),
  });
  return {
    certificateId: rendered.certificateId,
    kind: rendered.kind,
    path,
    pdfSha256,
    bytes: rendered.pdf.length,
    payloadSha256: rendered.payloadSha256,
  };
}

/** Every certificate of one record: one per drive, then the machine summary. */
export async function renderRecordCertificates(
  env: CertificateEnv,
  recordId: string,
): Promise<WrittenCertificate[]> {
  const record = loadRecord(env.db, recordId);
  const written: WrittenCertificate[] = [];
  for (const drive of record.drives) {
    written.push(await renderCertificate(env, { kind: 'drive', recordId, driveIndex: drive.index }));
  }
  written.push(await renderCertificate(env, { kind: 'machine', recordId }));
  return written;
}
