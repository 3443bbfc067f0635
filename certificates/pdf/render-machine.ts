import { formatMemorySize, formatPercent } from '../../core/format.js';
import { techniqueWords } from '../../core/words/methods.js';
import { canonicalBytes, sha256Hex } from '../record/canonical-json.js';
import type { ErasureRecord } from '../record/schema.js';
import { type RenderedCertificate, type RenderOptions, renderCertificatePdf } from './certificate-pdf.js';
import { personText } from './drive-sections.js';
import { formatDate, formatShortBytes, orDash } from './format.js';
import { label as l, levelLabel, resultLabel, verifyLabel } from './labels.js';
import { drawFields, drawNote, drawResultBanner, drawSection, drawTable } from './layout.js';
import { RECORD_ATTACHMENT } from './render-drive.js';

/** The diagnostics verdict the guide wrote in `machine.inventory.notes`; its label joins labels.ts later. */
const DIAGNOSTICS_LABEL = { fr: 'Diagnostic du matériel', en: 'Hardware diagnostics' };

export const machineCertificateId = (record: ErasureRecord): string => `${record.recordId}-M`;

/** One computer: its inventory summary and every drive erased in it, with the same attached record. */
export function renderMachineCertificate(
  record: ErasureRecord,
  options: RenderOptions,
): Promise<RenderedCertificate> {
  const payload = canonicalBytes(record);
  const { lang } = options;
  const m = record.machine;
  return renderCertificatePdf(
    {
      kind: 'machine',
      certificateId: machineCertificateId(record),
      title: l('titleMachine', lang),
      payload,
      payloadSha256: sha256Hex(payload),
      attachmentName: RECORD_ATTACHMENT,
      createdAt: record.completedAt,
      organisation: record.organisation,
      draw(doc) {
        const count = `${record.drives.length} ${l('drives', lang).toLowerCase()}`;
        drawResultBanner(
          doc,
          record.result,
          lang,
          `${[m.vendor, m.model].filter(Boolean).join(' ')} — ${count}`,
        );
        drawSection(doc, l('machine', lang));
        drawFields(doc, [
          [l('vendor', lang), orDash(m.vendor)],
          [l('model', lang), orDash(m.model)],
          [l('serial', lang), orDash(m.serial)],
          [l('uuid', lang), orDash(m.uuid)],
          [l('assetTag', lang), orDash(m.assetTag)],
          [l('cpu', lang), orDash(m.inventory?.cpu)],
          [
            l('memory', lang),
            m.inventory?.memoryBytes ? formatMemorySize(m.inventory.memoryBytes, lang) : '—',
          ],
          [l('recordId', lang), record.recordId],
        ]);
        if (m.inventory?.notes) drawFields(doc, [[DIAGNOSTICS_LABEL[lang], m.inventory.notes]], 1);
        drawSection(doc, l('drives', lang));
        drawTable(
          doc,
          [
            '#',
            l('model', lang),
            l('serial', lang),
            l('size', lang),
            l('nistLevel', lang),
            l('technique', lang),
            l('verification', lang),
            l('result', lang),
          ],
          [0.04, 0.2, 0.14, 0.09, 0.1, 0.14, 0.14, 0.15],
          record.drives.map((d) => [
            String(d.index),
            [d.manufacturer, d.model].filter(Boolean).join(' ') || '—',
            orDash(d.serial),
            formatShortBytes(d.sizeBytes, lang),
            levelLabel(d.sanitization.nistLevel, lang),
            techniqueWords(d.sanitization.ieee2883Technique)[lang],
            `${verifyLabel(d.verification.method, lang)}, ${formatPercent(d.verification.coveragePercent / 100, lang)}`,
            resultLabel(d.result, lang),
          ]),
        );
        if (record.drives.some((d) => d.sanitization.reliesOnFirmware))
          drawNote(doc, l('firmwareNote', lang));
        drawSection(doc, l('disposition', lang));
        drawFields(doc, [
          [
            l('donor', lang),
            `${record.donor.name}${record.donor.reference ? ` (${record.donor.reference})` : ''}`,
          ],
          [l('lot', lang), record.lot.id],
          [l('operator', lang), personText(record.operator)],
          [l('verifier', lang), record.verifier ? personText(record.verifier) : '—'],
          [l('location', lang), orDash(record.location)],
          [l('finished', lang), formatDate(record.completedAt, lang)],
        ]);
      },
    },
    options,
  );
}
