import { certificateEnvWith } from '../certificates/open-env.js';
import type { WrittenCertificate } from '../certificates/render-certificate.js';
import { type Lang, type Text, text } from '../core/i18n.js';
import type { Journal } from '../core/journal/index.js';
import type { CommittedRecord } from './commit-records.js';
import type { Signing } from './signing.js';

export interface Certified {
  /** recordId → every PDF written for it (drives, then the machine). */
  written: Map<string, WrittenCertificate[]>;
  /** Said to the operator: unsigned records and how to sign them later. null when everything is signed. */
  notice: Text | null;
}

/**
 * Signs the committed records. The records are already in the journal: whatever fails here (no key, a PDF
 * that cannot be written, a broken journal) leaves them there, and the notice gives the command that signs
 * them later.
 */
export async function certifyRecords(
  journal: Journal,
  signing: Signing,
  lang: Lang,
  recordIds: readonly string[],
  outDir?: string,
): Promise<Certified> {
  const written = new Map<string, WrittenCertificate[]>();
  if (recordIds.length === 0) return { written, notice: null };
  const ids = recordIds.join(' ');
  if (signing.kind === 'unsigned')
    return {
      written,
      notice: text(
        `Aucune clé de signature : le rapport ${ids} est enregistré, signez-le avec « gomme keys init » puis « gomme cert render ${recordIds[0]} ».`,
        `No signing key: record ${ids} is saved; sign it with "gomme keys init" then "gomme cert render ${recordIds[0]}".`,
      ),
    };
  // PDF rendering and signing (pdfkit, fonts, node-forge) load only when there is a key to sign with.
  const { renderRecordCertificates } = await import('../certificates/render-certificate.js');
  const env = certificateEnvWith(journal, signing.identity, lang, outDir);
  const failures: Text[] = [];
  for (const recordId of recordIds) {
    try {
      written.set(recordId, await renderRecordCertificates(env, recordId));
    } catch (error) {
      // The record is committed: any failure of the rendering leaves a record to sign later, never a lost one.
      if (!(error instanceof Error)) throw error;
      const why = 'text' in error ? (error as { text: Text }).text : text(error.message, error.message);
      failures.push(
        text(
          `certificat non signé : ${why.fr} Le rapport ${recordId} est enregistré ; pour le signer : gomme cert render ${recordId}`,
          `certificate not signed: ${why.en} Record ${recordId} is saved; to sign it: gomme cert render ${recordId}`,
        ),
      );
    }
  }
  const notice =
    failures.length === 0
      ? null
      : text(failures.map((f) => f.fr).join('\n'), failures.map((f) => f.en).join('\n'));
  return { written, notice };
}

/** The signed PDF of each job's drive, matched through the record's own drive index (`<recordId>-D<n>`). */
export function drivePdfs(records: readonly CommittedRecord[], certified: Certified): Map<string, string> {
  const byJob = new Map<string, string>();
  for (const record of records) {
    const pdfs = certified.written.get(record.recordId) ?? [];
    for (const { jobId, index } of record.drives) {
      const pdf = pdfs.find((w) => w.kind === 'drive' && w.certificateId === `${record.recordId}-D${index}`);
      if (pdf) byJob.set(jobId, pdf.path);
    }
  }
  return byJob;
}

export function machinePdfs(certified: Certified): string[] {
  return [...certified.written.values()].flatMap((ws) =>
    ws.filter((w) => w.kind === 'machine').map((w) => w.path),
  );
}
