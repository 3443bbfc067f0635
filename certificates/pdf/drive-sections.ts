import { formatNumber, formatPercent } from '../../core/format.js';
import { COLON, type Lang, SEMICOLON, text } from '../../core/i18n.js';
import { interruptionWords, ioErrorWords } from '../../core/words/io-errors.js';
import { nistLevelExplained } from '../../core/words/levels.js';
import { methodWords, techniqueWords } from '../../core/words/methods.js';
import { recordPatternWords } from '../../core/words/patterns.js';
import { TRANSPORT_WORDS } from '../../core/words/transports.js';
import type { DriveErasure, ErasureRecord, Person } from '../record/schema.js';
import type { Doc } from './document.js';
import { formatBytes, formatDate, formatDuration, orDash } from './format.js';
import {
  destinationLabel,
  hiddenLabel,
  label as l,
  mediaLabel,
  SMART_WORDS,
  smartHealthLabel,
  verifyLabel,
} from './labels.js';
import { colon, drawFields, drawNote, drawSection } from './layout.js';

/** The NIST SP 800-88 Appendix G fields for one drive, grouped as the sample certificate groups them. */
export function drawDriveSections(doc: Doc, record: ErasureRecord, d: DriveErasure, lang: Lang): void {
  drawSection(doc, l('media', lang));
  drawFields(doc, [
    // The path tells apart two drives without serial numbers erased in the same machine.
    [l('device', lang), `${d.device} (${TRANSPORT_WORDS[d.interface][lang]})`],
    [l('manufacturer', lang), orDash(d.manufacturer)],
    [l('model', lang), orDash(d.model)],
    [l('serial', lang), orDash(d.serial)],
    [l('wwn', lang), orDash(d.wwn)],
    [l('mediaType', lang), `${mediaLabel(d.mediaType, lang)} — ${TRANSPORT_WORDS[d.interface][lang]}`],
    [l('size', lang), formatBytes(d.sizeBytes, lang)],
    [l('assetTag', lang), orDash(d.assetTag)],
    [l('source', lang), machineText(record, lang) || '—'],
  ]);

  const s = d.sanitization;
  if (d.notErased) {
    // Nothing was erased: say so first, with the reason, before any field a reader could take for an erasure.
    drawSection(doc, l('notErasedBanner', lang));
    drawFields(
      doc,
      [[l('notErasedReason', lang), text(d.notErased.reasonFr, d.notErased.reasonEn)[lang]]],
      3,
    );
  }
  drawSection(doc, l('sanitization', lang));
  drawFields(doc, [
    [l('nistLevel', lang), nistLevelExplained(s.nistLevel)[lang]],
    [l('technique', lang), techniqueWords(s.ieee2883Technique)[lang]],
    [l('method', lang), (methodWords(s.method) ?? text(s.methodLabel, s.methodLabel))[lang]],
    [l('passes', lang), passesText(d, lang)],
    [l('tool', lang), `${s.tool.name} ${s.tool.version}`],
    [
      l('hiddenAreas', lang),
      `HPA${colon(lang)}${hiddenLabel(d.hiddenAreas.hpa.handling, lang)}${hiddenRange(d.hiddenAreas.hpa, lang)}${SEMICOLON[lang]}DCO${colon(lang)}${hiddenLabel(d.hiddenAreas.dco.handling, lang)}${hiddenRange(d.hiddenAreas.dco, lang)}`,
    ],
    [l('started', lang), formatDate(d.startedAt, lang)],
    [
      l('finished', lang),
      `${formatDate(d.finishedAt, lang)} (${l('duration', lang)} ${formatDuration(d.durationSeconds, lang)})`,
    ],
    [l('bytesWritten', lang), formatBytes(d.bytesWritten, lang)],
    [l('errors', lang), errorsText(d, lang)],
    [l('interruptions', lang), interruptionsText(d, lang)],
    [l('smart', lang), smartText(d, lang)],
  ]);
  if (s.reliesOnFirmware) drawNote(doc, l('firmwareNote', lang));

  const v = d.verification;
  drawSection(doc, l('verification', lang));
  const detail = verificationDetail(v.detail, lang);
  drawFields(
    doc,
    [
      [l('verificationMethod', lang), verifyLabel(v.method, lang) + (detail ? ` — ${detail}` : '')],
      [l('coverage', lang), formatPercent(v.coveragePercent / 100, lang)],
      [
        l('verificationResult', lang),
        v.passed === null ? '—' : l(v.passed ? 'verificationOk' : 'verificationFailed', lang),
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
  return ` (${l('sectors', lang)} ${formatNumber(area.firstSector, lang, 0)}–${formatNumber(last, lang, 0)})`;
}

export function personText(p: Person): string {
  return [p.name, p.role, p.contact].filter(Boolean).join(', ');
}

/** "Dell Latitude 5420 n° de série 4XK…" (the computer the drive came from). */
export function machineText(record: ErasureRecord, lang: Lang): string {
  const m = record.machine;
  return [
    m.vendor,
    m.model,
    m.serial ? `${l('serialPrefix', lang)} ${m.serial}` : null,
    m.assetTag ? `(${l('assetTagWord', lang)} ${m.assetTag})` : null,
  ]
    .filter(Boolean)
    .join(' ');
}

function passesText(d: DriveErasure, lang: Lang): string {
  const s = d.sanitization;
  if (s.passes.length === 0) return '—';
  const command = methodWords(s.method);
  return s.passes
    .map((p, i) => {
      const verified = p.verified ? l('verifiedPass', lang) : '';
      return `${i + 1}. ${recordPatternWords(p.pattern, command)[lang]}${verified}`;
    })
    .join('  ');
}

/** A record's error message starts with its errno-like code ("EIO: …"); people read it in words. */
function errorsText(d: DriveErasure, lang: Lang): string {
  if (d.errors.length === 0) return l('none', lang);
  const shown = d.errors.slice(0, 3).map((e) => {
    const code = /^([A-Z][A-Z0-9_]*):/.exec(e.message)?.[1] ?? '';
    return ioErrorWords({ operation: e.kind, code, offset: e.offsetBytes, length: e.lengthBytes })[lang];
  });
  const more = d.errors.length > 3 ? ` (+${d.errors.length - 3})` : '';
  return `${d.errors.length} — ${shown.join(SEMICOLON[lang])}${more}`;
}

function interruptionsText(d: DriveErasure, lang: Lang): string {
  if (d.interruptions.length === 0) return l('none', lang);
  const resumed = d.interruptions.filter((i) => i.resumedAt !== null).length;
  const reasons = [...new Set(d.interruptions.map((i) => interruptionWords(i.reason)[lang]))];
  return `${d.interruptions.length}, ${resumed} ${l('resumedCount', lang)} (${reasons.join(SEMICOLON[lang])})`;
}

function smartText(d: DriveErasure, lang: Lang): string {
  const s = d.smart;
  if (!s) return '—';
  const n = (value: number) => formatNumber(value, lang, 0);
  const parts = [smartHealthLabel(s.health, lang)];
  if (s.powerOnHours !== null) parts.push(`${n(s.powerOnHours)} ${SMART_WORDS.hours[lang]}`);
  if (s.reallocatedSectors !== null)
    parts.push(`${SMART_WORDS.reallocated[lang]}${COLON[lang]}${n(s.reallocatedSectors)}`);
  if (s.pendingSectors !== null)
    parts.push(`${SMART_WORDS.pending[lang]}${COLON[lang]}${n(s.pendingSectors)}`);
  if (s.mediaErrors !== null) parts.push(`${SMART_WORDS.mediaErrors[lang]}${COLON[lang]}${n(s.mediaErrors)}`);
  if (s.percentageUsed !== null)
    parts.push(`${SMART_WORDS.used[lang]}${COLON[lang]}${formatPercent(s.percentageUsed / 100, lang)}`);
  return parts.join(', ');
}

/**
 * The record's verification detail is English data ("sample: 32776192 bytes read back, 0 differing", written
 * by session/record-input.ts); the certificate says it in the reader's words. Another shape is shown as is.
 */
function verificationDetail(detail: string | null, lang: Lang): string | null {
  if (!detail) return null;
  const m = /^[\w-]+: (\d+) bytes read back, (\d+) differing$/.exec(detail);
  if (!m) return detail;
  const read = formatNumber(Number(m[1]), lang, 0);
  const differing = formatNumber(Number(m[2]), lang, 0);
  return text(
    `${read} octets relus, ${differing} différents`,
    `${read} bytes read back, ${differing} differing`,
  )[lang];
}
