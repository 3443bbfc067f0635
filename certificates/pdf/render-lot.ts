import { worstResult } from '../../core/verdict.js';
import { techniqueWords } from '../../core/words/methods.js';
import { canonicalBytes, sha256Hex } from '../record/canonical-json.js';
import { buildLotBundle } from '../record/lot-bundle.js';
import { DRIVE_RESULTS, type ErasureRecord } from '../record/schema.js';
import { type RenderedCertificate, type RenderOptions, renderCertificatePdf } from './certificate-pdf.js';
import { machineText } from './drive-sections.js';
import { formatDate, formatDayOnly, formatShortBytes, orDash } from './format.js';
import { label as l, levelLabel, resultLabel } from './labels.js';
import { colon, drawFields, drawResultBanner, drawSection, drawTable } from './layout.js';

export const LOT_ATTACHMENT = 'lot-records.json';

export const lotCertificateId = (lotId: string, sha256: string): string =>
  `${/^LOT-/i.test(lotId) ? '' : 'LOT-'}${lotId.replace(/[^A-Za-z0-9-]/g, '_')}-${sha256.slice(0, 8)}`;

/** One summary for the donor: every drive of every computer of the donation, in one table. */
export function renderLotCertificate(
  records: ErasureRecord[],
  options: RenderOptions,
): Promise<RenderedCertificate> {
  const bundle = buildLotBundle(records);
  const payload = canonicalBytes(bundle);
  const sha256 = sha256Hex(payload);
  const { lang } = options;
  const drives = bundle.records.flatMap((r) => r.drives.map((d) => ({ r, d })));
  const worst = worstResult(drives.map(({ d }) => d.result));
  const counts = DRIVE_RESULTS.map((res) => [res, drives.filter(({ d }) => d.result === res).length] as const)
    .filter(([, n]) => n > 0)
    .map(([res, n]) => `${resultLabel(res, lang)}${colon(lang)}${n}`)
    .join(', ');
  const first = bundle.records[0];
  return renderCertificatePdf(
    {
      kind: 'lot',
      certificateId: lotCertificateId(bundle.lotId, sha256),
      title: l('titleLot', lang),
      payload,
      payloadSha256: sha256,
      attachmentName: LOT_ATTACHMENT,
      createdAt: bundle.completedAt,
      organisation: first ? first.organisation : { name: bundle.donor, identifier: null, address: null },
      draw(doc) {
        drawResultBanner(doc, worst, lang, counts);
        drawSection(doc, l('lot', lang));
        drawFields(doc, [
          [l('donor', lang), `${bundle.donor}${first?.donor.reference ? ` (${first.donor.reference})` : ''}`],
          [l('lot', lang), bundle.lotId],
          [l('computers', lang), String(bundle.records.length)],
          [l('drives', lang), String(drives.length)],
          [l('received', lang), first?.lot.receivedAt ? formatDate(first.lot.receivedAt, lang) : '—'],
          [l('finished', lang), formatDate(bundle.completedAt, lang)],
        ]);
        drawSection(doc, l('drives', lang));
        drawTable(
          doc,
          [
            l('machine', lang),
            l('model', lang),
            l('serial', lang),
            l('size', lang),
            l('nistLevel', lang),
            l('technique', lang),
            l('date', lang),
            l('result', lang),
          ],
          [0.19, 0.17, 0.13, 0.08, 0.1, 0.12, 0.09, 0.12],
          drives.map(({ r, d }) => [
            machineText(r, lang) || r.recordId,
            [d.manufacturer, d.model].filter(Boolean).join(' ') || '—',
            orDash(d.serial),
            formatShortBytes(d.sizeBytes, lang),
            levelLabel(d.sanitization.nistLevel, lang),
            techniqueWords(d.sanitization.ieee2883Technique)[lang],
            formatDayOnly(d.finishedAt, lang),
            resultLabel(d.result, lang),
          ]),
        );
      },
    },
    options,
  );
}
