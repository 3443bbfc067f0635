import type { Sql } from '../db/database.js';

export async function insertLotCertificate(
  sql: Sql,
  l: {
    certificateId: string;
    lotId: string;
    pdfSha256: string;
    shareToken: string;
    recordCount: number;
    createdBy: string | null;
  },
): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO lot_certificates (certificate_id, lot_id, pdf_sha256, share_token, record_count, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (certificate_id) DO NOTHING RETURNING certificate_id`,
    [l.certificateId, l.lotId, l.pdfSha256, l.shareToken, l.recordCount, l.createdBy],
  );
  return rows.length === 1;
}

export interface SharedLotCertificate {
  certificateId: string;
  pdfSha256: string;
  shareToken: string;
}

export async function lotCertificateById(
  sql: Sql,
  certificateId: string,
): Promise<SharedLotCertificate | null> {
  const rows = await sql.query<SharedLotCertificate>(
    `SELECT certificate_id AS "certificateId", pdf_sha256 AS "pdfSha256", share_token AS "shareToken"
     FROM lot_certificates WHERE certificate_id = $1`,
    [certificateId],
  );
  return rows[0] ?? null;
}

export async function lotCanonicalRecords(sql: Sql, lotId: string): Promise<string[]> {
  const rows = await sql.query<{ canonical: string }>(
    'SELECT canonical FROM records WHERE lot_id = $1 ORDER BY record_id',
    [lotId],
  );
  return rows.map((r) => r.canonical);
}

export async function deleteCertificate(sql: Sql, pdfSha256: string): Promise<void> {
  await sql.query('DELETE FROM certificates WHERE pdf_sha256 = $1', [pdfSha256]);
}
