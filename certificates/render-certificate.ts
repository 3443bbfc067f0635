import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../core/i18n.js';
import type { Journal } from '../core/journal/index.js';
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
  journal: Journal;
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
      ? await renderLotCertificate(loadLotRecords(env.journal, target.lotId), options)
      : target.kind === 'machine'
        ? await renderMachineCertificate(loadRecord(env.journal, target.recordId), options)
        : await renderDriveCertificate(loadRecord(env.journal, target.recordId), target.driveIndex, options);
  const dir = env.outDir ?? join(env.dataDir, 'certificates');
  mkdirSync(dir, { recursive: true });
  const suffix = env.lang === 'fr' ? '' : `.${env.lang}`;
  const path = join(dir, `${rendered.certificateId}${suffix}.pdf`);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, rendered.pdf);
  renameSync(tmp, path);
  const pdfSha256 = sha256Hex(rendered.pdf);
  const renderedAt = new Date().toISOString();
  const lotId = target.kind === 'lot' ? target.lotId : loadRecord(env.journal, target.recordId).lot.id;
  // Logged and queued for the hub together: a PDF the journal knows of is a PDF the hub will get.
  env.journal.transaction(() => {
    env.journal.certificates.insert({
      certificateId: rendered.certificateId,
      kind: rendered.kind,
      recordId: target.kind === 'lot' ? null : target.recordId,
      lotId,
      payloadSha256: rendered.payloadSha256,
      pdfSha256,
      pdfPath: path,
      signer: env.identity.certificate.fingerprint256,
      renderedAt,
    });
    env.journal.outbox.enqueue(
      {
        kind: 'certificate',
        ref: rendered.certificateId,
        path,
        sha256: pdfSha256,
        bytes: rendered.pdf.length,
      },
      renderedAt,
    );
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
  const record = loadRecord(env.journal, recordId);
  const written: WrittenCertificate[] = [];
  for (const drive of record.drives) {
    written.push(await renderCertificate(env, { kind: 'drive', recordId, driveIndex: drive.index }));
  }
  written.push(await renderCertificate(env, { kind: 'machine', recordId }));
  return written;
}
