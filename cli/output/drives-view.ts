import type { Discovery } from '../../core/detect/discover-drives.js';
import type { Drive } from '../../core/drive.js';
import { formatSize } from '../../core/format.js';
import { COLON, type Lang, type Text, text } from '../../core/i18n.js';
import { ERASABLE_WORD, PROTECTED_WORD, PROTECTION_WORDS } from '../../core/words/protections.js';
import { DRIVE_KIND_WORDS, TRANSPORT_WORDS } from '../../core/words/transports.js';
import { renderTable } from './table.js';
import { terminalSafe } from './terminal-text.js';

/**
 * The `gomme drives --json` contract: these names stay; more fields are welcome. Words a drive carries as
 * Text are written as they always were: English in `detail` / `warnings`, French in `detailFr` / `warningsFr`.
 */
export function drivesJson(discovery: Discovery) {
  return {
    drives: discovery.drives.map((drive) => ({
      ...drive,
      protectionReasons: [...new Set(drive.protections.map((p) => p.reason))],
      protections: drive.protections.map((p) => ({
        reason: p.reason,
        detail: p.detail.en,
        detailFr: p.detail.fr,
      })),
      warnings: drive.warnings.map((w) => w.en),
      warningsFr: drive.warnings.map((w) => w.fr),
    })),
    warnings: discovery.warnings.map((w) => w.en),
    warningsFr: discovery.warnings.map((w) => w.fr),
  };
}

const W = {
  headers: [
    text('Disque', 'Drive'),
    text('Modèle', 'Model'),
    text('N° de série', 'Serial'),
    text('Taille', 'Size'),
    text('Type', 'Type'),
    text('Liaison', 'Link'),
    text('État', 'Status'),
  ],
  none: text('Aucun disque trouvé.', 'No drive found.'),
  warning: text('attention', 'warning'),
  warningLine: text('Attention', 'Warning'),
  file: text('fichier', 'file'),
} satisfies Record<string, Text | Text[]>;

export function protectionSummary(drive: Drive, lang: Lang): string {
  const reasons = [...new Set(drive.protections.map((p) => PROTECTION_WORDS[p.reason][lang]))];
  if (reasons.length === 0) return ERASABLE_WORD[lang];
  return `${PROTECTED_WORD[lang]}${COLON[lang]}${reasons.join(', ')}`;
}

function driveKind(drive: Drive): Text {
  if (drive.transport === 'nvme') return DRIVE_KIND_WORDS.nvme;
  if (drive.rotational === true) return DRIVE_KIND_WORDS.hdd;
  if (drive.rotational === false) return DRIVE_KIND_WORDS.ssd;
  return DRIVE_KIND_WORDS.unknown;
}

export function renderDrivesTable(discovery: Discovery, lang: Lang): string {
  const rows = discovery.drives.map((d) => [
    d.path,
    d.model ?? (d.backingFile ? `${W.file[lang]} ${d.backingFile.split('/').pop()}` : '?'),
    d.serial ?? '?',
    formatSize(d.sizeBytes, lang),
    driveKind(d)[lang],
    TRANSPORT_WORDS[d.transport][lang],
    protectionSummary(d, lang),
  ]);
  const lines = renderTable(
    W.headers.map((h) => h[lang]),
    rows,
  ).split('\n');
  if (discovery.drives.length === 0) lines.push(W.none[lang]);
  for (const d of discovery.drives) {
    for (const p of d.protections) lines.push(`  ${d.path}${COLON[lang]}${p.detail[lang]}`);
    for (const w of d.warnings)
      lines.push(`  ${d.path}${COLON[lang]}${W.warning[lang]}${COLON[lang]}${w[lang]}`);
  }
  for (const w of discovery.warnings) lines.push(`${W.warningLine[lang]}${COLON[lang]}${w[lang]}`);
  return lines.map((line) => terminalSafe(line)).join('\n');
}
