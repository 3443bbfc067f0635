import type { Lang } from '../../core/i18n.js';
import type { DriveErasure, ErasureRecord, Person } from '../record/schema.js';
import type { Doc } from './document.js';
import { formatBytes, formatDate, formatDuration, orDash } from './format.js';
import { destinationLabel, hiddenLabel, label as l, levelLabel, mediaLabel, verifyLabel } from './labels.js';
import { colon, drawFields, drawNote, drawSection } from './layout.js';

/** Facts added by the guide's work (issue 15); their labels join labels.ts when the wording model lands. */
const DEVICE_LABEL = { fr: "Périphérique (au moment de l'effacement)", en: 'Device (at erasure time)' };
const ASSET_TAG_WORD = { fr: 'étiquette', en: 'asset tag' };

/** The NIST SP 800-88 Appendix G fields for one drive, grouped as the sample certificate groups them. */
export function drawDriveSections(doc: Doc, record: ErasureRecord, d: DriveErasure, lang: Lang): void {
  const m = record.machine;
  drawSection(doc, l('media', lang));
  drawFields(doc, [
    // The path tells apart two drives without serial numbers erased in the same machine.
    [DEVICE_LABEL[lang], `${d.device} (${d.interface.toUpperCase()})`],
    [l('manufacturer', lang), orDash(d.manufacturer)],
    [l('model', lang), orDash(d.model)],
    [l('serial', lang), orDash(d.serial)],
    [l('wwn', lang), orDash(d.wwn)],
    [l('mediaType', lang), `${mediaLabel(d.mediaType, lang)} — ${d.interface.toUpperCase()}`],
    [l('size', lang), formatBytes(d.sizeBytes, lang)],
    [l('assetTag', lang), orDash(d.assetTag)],
    [
      l('source', lang),
      [
        m.vendor,
        m.model,
        m.serial ? `S/N ${m.serial}` : null,
        m.assetTag ? `(${ASSET_TAG_WORD[lang]} ${m.assetTag})` : null,
      ]
        .filter(Boolean)
        .join(' ') || '—',
    ],
  ]);

  const s = d.sanitization;
  if (d.notErased) {
    // Nothing was erased: say so first, with the reason, before any field a reader could take for an erasure.
    drawSection(doc, l('notErasedBanner', lang));
    drawFields(
      doc,
      [[l('notErasedReason', lang), lang === 'fr' ? d.notErased.reasonFr : d.notErased.reasonEn]],
      3,
    );
  }
  drawSection(doc, l('sanitization', lang));
  drawFields(doc, [
    [l('nistLevel', lang), levelLabel(s.nistLevel, lang)],
    [l('technique', lang), s.ieee2883Technique],
    [l('method', lang), s.methodLabel],
    [
      l('passes', lang),
      s.passes.length === 0
        ? '—'
        : s.passes
            .map(
              (p, i) =>
                `${i + 1}. ${p.pattern}${p.verified ? (lang === 'fr' ? ' (vérifiée)' : ' (verified)') : ''}`,
            )
            .join('  '),
    ],
    [l('tool', lang), `${s.tool.name} ${s.tool.version}`],
    [
      l('hiddenAreas', lang),
      `HPA${colon(lang)}${hiddenLabel(d.hiddenAreas.hpa.handling, lang)}${hiddenRange(d.hiddenAreas.hpa, lang)}${lang === 'fr' ? ' ; ' : '; '}DCO${colon(lang)}${hiddenLabel(d.hiddenAreas.dco.handling, lang)}${hiddenRange(d.hiddenAreas.dco, lang)}`,
    ],
    [l('started', lang), formatDate(d.startedAt, lang)],
    [
      l('finished', lang),
      `${formatDate(d.finishedAt, lang)} (${l('duration', lang).toLowerCase()} ${formatDuration(d.durationSeconds)})`,
    ],
    [l('bytesWritten', lang), formatBytes(d.bytesWritten, lang)],
    [l('errors', lang), errorsText(d, lang)],
    [l('interruptions', lang), interruptionsText(d, lang)],
    [l('smart', lang), smartText(d)],
  ]);
  if (s.reliesOnFirmware) drawNote(doc, l('firmwareNote', lang));

  const v = d.verification;
  drawSection(doc, l('verification', lang));
  drawFields(
    doc,
    [
      [l('verificationMethod', lang), verifyLabel(v.method, lang) + (v.detail ? ` — ${v.detail}` : '')],
      [l('coverage', lang), `${v.coveragePercent.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB')} %`],
      [
        l('verificationResult', lang),
        v.passed === null ? '—' : v.passed ? 'OK' : lang === 'fr' ? 'ÉCHEC' : 'FAILED',
      ],
    ],
    3,
  );

  drawSection(doc, l('disposition', lang));
  drawFields(doc, [
    [
      l('destination', lang),
      destinationLabel(d.destination, lang) + (d.destinationDetail ? ` — ${d.destinationDetail}` : ''),
    ],
    [l('donor', lang), `${record.donor.name}${record.donor.reference ? ` (${record.donor.reference})` : ''}`],
    [l('lot', lang), record.lot.id],
    [l('location', lang), orDash(record.location)],
    [l('operator', lang), personText(record.operator)],
    [l('verifier', lang), record.verifier ? personText(record.verifier) : '—'],
  ]);
}

/** " (secteurs 1000–1999)": the hidden range a record names, when it does. */
function hiddenRange(area: DriveErasure['hiddenAreas']['hpa'], lang: Lang): string {
  if (area.found !== true || area.sectors === null || area.firstSector == null) return '';
  const last = area.firstSector + area.sectors - 1;
  return lang === 'fr' ? ` (secteurs ${area.firstSector}–${last})` : ` (sectors ${area.firstSector}–${last})`;
}

export function personText(p: Person): string {
  return [p.name, p.role, p.contact].filter(Boolean).join(', ');
}

function errorsText(d: DriveErasure, lang: Lang): string {
  if (d.errors.length === 0) return l('none', lang);
  const shown = d.errors
    .slice(0, 3)
    .map((e) => `${e.kind}${e.offsetBytes === null ? '' : ` @${e.offsetBytes}`}: ${e.message}`);
  const more = d.errors.length > 3 ? ` (+${d.errors.length - 3})` : '';
  return `${d.errors.length} — ${shown.join(' ; ')}${more}`;
}

function interruptionsText(d: DriveErasure, lang: Lang): string {
  if (d.interruptions.length === 0) return l('none', lang);
  const resumed = d.interruptions.filter((i) => i.resumedAt !== null).length;
  return lang === 'fr'
    ? `${d.interruptions.length}, dont ${resumed} reprise(s)`
    : `${d.interruptions.length}, ${resumed} resumed`;
}

function smartText(d: DriveErasure): string {
  const s = d.smart;
  if (!s) return '—';
  const parts = [s.health.toUpperCase()];
  if (s.powerOnHours !== null) parts.push(`${s.powerOnHours} h`);
  if (s.reallocatedSectors !== null) parts.push(`realloc ${s.reallocatedSectors}`);
  if (s.pendingSectors !== null) parts.push(`pending ${s.pendingSectors}`);
  if (s.mediaErrors !== null) parts.push(`media err ${s.mediaErrors}`);
  if (s.percentageUsed !== null) parts.push(`used ${s.percentageUsed} %`);
  return parts.join(', ');
}
