import { COLON, type Lang } from '../../core/i18n.js';
import type { DriveResult } from '../record/schema.js';
import { A4, type Doc } from './document.js';
import { winAnsi } from './format.js';
import { label, RESULT_COLOURS, resultLabel } from './labels.js';

/** Drawing primitives shared by the three certificates. Everything goes through winAnsi (standard fonts). */

const INK = '#1f1f1f';
const MUTED = '#5f6368';
const RULE = '#c7c7c7';
const CONTENT_WIDTH = A4.width - 2 * A4.margin;
const BOTTOM = A4.height - A4.margin - 110; // room for the footer (QR + hash)

export interface Header {
  organisation: string;
  organisationDetail: string | null;
  logo: string | null;
  title: string;
  certificateId: string;
  date: string;
}

export function drawHeader(doc: Doc, h: Header, lang: Lang): void {
  const top = A4.margin;
  let textLeft = A4.margin;
  if (h.logo) {
    doc.image(h.logo, A4.margin, top, { fit: [60, 60] });
    textLeft += 70;
  }
  doc
    .fillColor(INK)
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(winAnsi(h.organisation), textLeft, top, { width: 300 });
  if (h.organisationDetail) {
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(winAnsi(h.organisationDetail), textLeft, doc.y, { width: 300 });
  }
  const right = A4.width - A4.margin - 190;
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(MUTED)
    .text(label('certificateId', lang), right, top, { width: 190, align: 'right' });
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .fillColor(INK)
    .text(h.certificateId, right, doc.y, { width: 190, align: 'right' });
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(MUTED)
    .text(h.date, right, doc.y + 2, { width: 190, align: 'right' });
  doc.y = Math.max(doc.y, top + 62);
  doc
    .font('Helvetica-Bold')
    .fontSize(17)
    .fillColor(INK)
    .text(winAnsi(h.title), A4.margin, doc.y + 6, { width: CONTENT_WIDTH });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(label('standards', lang), A4.margin, doc.y + 1);
  doc.moveDown(0.6);
}

/** `verdict` replaces the result's wording (a drive only destruction can clear says so, never "ÉCHEC" alone). */
export function drawResultBanner(
  doc: Doc,
  result: DriveResult,
  lang: Lang,
  detail: string,
  verdict?: string,
): void {
  const y = doc.y;
  doc.roundedRect(A4.margin, y, CONTENT_WIDTH, 30, 4).fill(RESULT_COLOURS[result]);
  doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(15);
  doc.text(
    `${label('result', lang)}${colon(lang)}${verdict ?? resultLabel(result, lang)}`,
    A4.margin + 12,
    y + 8,
  );
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(winAnsi(detail), A4.margin + 250, y + 11, { width: CONTENT_WIDTH - 262, align: 'right' });
  doc.fillColor(INK);
  doc.y = y + 38;
}

export function drawSection(doc: Doc, title: string): void {
  ensureRoom(doc, 40);
  const y = doc.y + 4;
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(INK).text(winAnsi(title), A4.margin, y);
  doc
    .moveTo(A4.margin, doc.y + 1)
    .lineTo(A4.width - A4.margin, doc.y + 1)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.y += 5;
}

/** Label/value pairs in `columns` columns; each row is as tall as its tallest value. */
export function drawFields(doc: Doc, pairs: [string, string][], columns = 2): void {
  const gap = 14;
  const width = (CONTENT_WIDTH - gap * (columns - 1)) / columns;
  for (let i = 0; i < pairs.length; i += columns) {
    const row = pairs.slice(i, i + columns);
    doc.font('Helvetica').fontSize(9);
    const height = Math.max(...row.map(([, v]) => doc.heightOfString(winAnsi(v), { width }))) + 11;
    ensureRoom(doc, height);
    const y = doc.y;
    row.forEach(([k, v], c) => {
      const x = A4.margin + c * (width + gap);
      doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(winAnsi(k).toUpperCase(), x, y, { width });
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor(INK)
        .text(winAnsi(v), x, y + 9, { width });
    });
    doc.y = y + height;
  }
}

export function drawNote(doc: Doc, note: string): void {
  ensureRoom(doc, 24);
  doc
    .font('Helvetica-Oblique')
    .fontSize(8)
    .fillColor(MUTED)
    .text(winAnsi(note), A4.margin, doc.y + 2, { width: CONTENT_WIDTH });
  doc.fillColor(INK).moveDown(0.3);
}

/** A table that repeats its header on each new page. Widths are fractions of the content width. */
export function drawTable(doc: Doc, headers: string[], widths: number[], rows: string[][]): void {
  const cols = widths.map((w) => w * CONTENT_WIDTH);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(winAnsi(c), { width: (cols[i] ?? 40) - 4 }))) + 5;
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      drawRow(headers, true);
    }
    const y = doc.y;
    if (bold) doc.rect(A4.margin, y - 1, CONTENT_WIDTH, height).fill('#ececec');
    let x = A4.margin;
    cells.forEach((cell, i) => {
      doc
        .fillColor(INK)
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(7.5);
      doc.text(winAnsi(cell), x + 2, y + 2, { width: (cols[i] ?? 40) - 4 });
      x += cols[i] ?? 40;
    });
    doc
      .moveTo(A4.margin, y + height - 1)
      .lineTo(A4.width - A4.margin, y + height - 1)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + height;
  };
  drawRow(headers, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.5);
}

/** QR code, hash and signature note, pinned to the bottom of the current page. */
export function drawFooter(doc: Doc, qr: Buffer, sha256: string, attachmentName: string, lang: Lang): void {
  const y = A4.height - A4.margin - 96;
  doc
    .moveTo(A4.margin, y - 6)
    .lineTo(A4.width - A4.margin, y - 6)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.image(qr, A4.margin, y, { width: 92, height: 92 });
  const x = A4.margin + 104;
  const w = CONTENT_WIDTH - 104;
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(label('fingerprint', lang), x, y + 4, { width: w });
  doc
    .font('Courier-Bold')
    .fontSize(8.5)
    .fillColor(INK)
    .text(sha256, x, doc.y + 1, { width: w });
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(`${label('attached', lang)}${colon(lang)}${attachmentName}`, x, doc.y + 5, { width: w });
  doc.text(label('signedNote', lang), x, doc.y + 3, { width: w });
  doc.fillColor(INK);
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

/** French typography puts a space before the colon. */
export const colon = (lang: Lang): string => COLON[lang];
