import type { JournalDb } from './db.js';

/** One rendered PDF. A certificate may be rendered again (new signature): each rendering is a row. */
export interface CertificateRow {
  certificateId: string;
  kind: 'drive' | 'machine' | 'lot';
  /** null for a lot certificate, which spans several records. */
  recordId: string | null;
  lotId: string;
  payloadSha256: string;
  pdfSha256: string;
  pdfPath: string;
  signer: string;
  renderedAt: string;
}

const COLUMNS = `certificate_id AS certificateId, kind, record_id AS recordId, lot_id AS lotId,
  payload_sha256 AS payloadSha256, pdf_sha256 AS pdfSha256, pdf_path AS pdfPath, signer, rendered_at AS renderedAt`;

export class CertificatesStore {
  constructor(private readonly db: JournalDb) {}

  insert(row: CertificateRow): void {
    this.db.write('certificate-logged', () =>
      this.db.run(
        `INSERT OR IGNORE INTO certificates (certificate_id, kind, record_id, lot_id, payload_sha256, pdf_sha256,
          pdf_path, signer, rendered_at)
         VALUES (@certificateId, @kind, @recordId, @lotId, @payloadSha256, @pdfSha256, @pdfPath, @signer, @renderedAt)`,
        row,
      ),
    );
  }

  list(recordId?: string): CertificateRow[] {
    return recordId === undefined
      ? this.db.all<CertificateRow>(`SELECT ${COLUMNS} FROM certificates ORDER BY rendered_at`)
      : this.db.all<CertificateRow>(
          `SELECT ${COLUMNS} FROM certificates WHERE record_id = ? ORDER BY rendered_at`,
          recordId,
        );
  }
}
