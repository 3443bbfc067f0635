import { canonicalBytes, sha256Hex } from '../record/canonical-json.js';
import type { ErasureRecord } from '../record/schema.js';
import { type RenderedCertificate, type RenderOptions, renderCertificatePdf } from './certificate-pdf.js';
import { drawDriveSections } from './drive-sections.js';
import { formatShortBytes } from './format.js';
import { label } from './labels.js';
import { drawResultBanner } from './layout.js';

export const RECORD_ATTACHMENT = 'erasure-record.json';

export const driveCertificateId = (record: ErasureRecord, index: number): string =>
  `${record.recordId}-D${index}`;

/** One page per drive: what NIST SP 800-88 calls the certificate of sanitization. */
export function renderDriveCertificate(
  record: ErasureRecord,
  driveIndex: number,
  options: RenderOptions,
): Promise<RenderedCertificate> {
  const drive = record.drives.find((d) => d.index === driveIndex);
  if (!drive) throw new RangeError(`record ${record.recordId} has no drive ${driveIndex}`);
  const payload = canonicalBytes(record);
  const { lang } = options;
  return renderCertificatePdf(
    {
      kind: 'drive',
      certificateId: driveCertificateId(record, driveIndex),
      title: label('titleDrive', lang),
      payload,
      payloadSha256: sha256Hex(payload),
      attachmentName: RECORD_ATTACHMENT,
      createdAt: drive.finishedAt,
      organisation: record.organisation,
      draw(doc) {
        const what = [drive.manufacturer, drive.model, formatShortBytes(drive.sizeBytes, lang)]
          .filter(Boolean)
          .join(' ');
        drawResultBanner(
          doc,
          drive.result,
          lang,
          what,
          drive.notErased ? label('notErasedBanner', lang) : undefined,
        );
        drawDriveSections(doc, record, drive, lang);
      },
    },
    options,
  );
}
