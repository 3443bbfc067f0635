import PDFDocument from 'pdfkit';
import { LOCALES } from '../../core/format.js';
import type { Lang } from '../../core/i18n.js';

export type Doc = InstanceType<typeof PDFDocument>;

/** Keys gomme adds to the Info dictionary: the signature covers them, and `cert verify` reads them back. */
export interface CertificateInfo {
  certificateId: string;
  payloadSha256: string;
  title: string;
  author: string;
  /** From the record, never "now": re-rendering gives the same dates. */
  createdAt: Date;
  lang: Lang;
}

export const A4 = { width: 595.28, height: 841.89, margin: 40 } as const;

export function newCertificateDocument(info: CertificateInfo): Doc {
  const documentInfo: PDFKit.DocumentInfo & Record<string, string | Date> = {
    Title: info.title,
    Author: info.author,
    Subject: `${info.certificateId} sha256:${info.payloadSha256}`,
    Creator: 'gomme',
    Producer: 'gomme (pdfkit)',
    CreationDate: info.createdAt,
    ModDate: info.createdAt,
    GommeCertificateId: info.certificateId,
    GommePayloadSha256: info.payloadSha256,
  };
  return new PDFDocument({
    size: 'A4',
    pdfVersion: '1.7',
    margin: A4.margin,
    lang: LOCALES[info.lang],
    displayTitle: true,
    info: documentInfo,
    bufferPages: false,
  });
}

/** The JSON payload as an associated file (PDF 2.0 /AF, /AFRelationship /Data), byte for byte. */
export function attachPayload(
  doc: Doc,
  payload: Buffer,
  name: string,
  createdAt: Date,
  description: string,
): void {
  doc.file(payload, {
    name,
    type: 'application/json',
    description,
    creationDate: createdAt,
    modifiedDate: createdAt,
    relationship: 'Data',
  } as PDFKit.Mixins.PDFAttachmentOptions);
}
