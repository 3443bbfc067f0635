import type { Discovery } from '../../core/detect/discover-drives.js';
import type { Drive } from '../../core/drive.js';
import type { Lang } from '../../core/i18n.js';
import { formatBytes } from './format-size.js';
import { renderTable } from './table.js';
import { terminalSafe } from './terminal-text.js';

/** The `gomme drives --json` contract: these names stay; more fields are welcome. */
export function drivesJson(discovery: Discovery) {
  return {
    drives: discovery.drives.map((drive) => ({
      ...drive,
      protectionReasons: [...new Set(drive.protections.map((p) => p.reason))],
    })),
    warnings: discovery.warnings,
  };
}

const reasonText: Record<Lang, Record<string, string>> = {
  fr: {
    'boot-medium': 'support de démarrage',
    mounted: 'monté',
    swap: "mémoire d'échange",
    holder: 'utilisé par LVM/RAID/chiffrement/cache',
    'read-only': 'lecture seule',
    'in-use': 'occupé',
  },
  en: {
    'boot-medium': 'boot medium',
    mounted: 'mounted',
    swap: 'swap',
    holder: 'used by LVM/RAID/encryption/cache',
    'read-only': 'read-only',
    'in-use': 'in use',
  },
};

export function protectionSummary(drive: Drive, lang: Lang): string {
  const reasons = [...new Set(drive.protections.map((p) => reasonText[lang][p.reason] ?? p.reason))];
  if (reasons.length === 0) return lang === 'fr' ? 'effaçable' : 'erasable';
  return `${lang === 'fr' ? 'PROTÉGÉ' : 'PROTECTED'}: ${reasons.join(', ')}`;
}

function mediaKind(drive: Drive, lang: Lang): string {
  if (drive.transport === 'nvme') return 'SSD NVMe';
  if (drive.rotational === true) return lang === 'fr' ? 'disque dur' : 'HDD';
  if (drive.rotational === false) return 'SSD';
  return '?';
}

export function renderDrivesTable(discovery: Discovery, lang: Lang): string {
  const fr = lang === 'fr';
  const headers = fr
    ? ['Disque', 'Modèle', 'N° de série', 'Taille', 'Type', 'Liaison', 'État']
    : ['Drive', 'Model', 'Serial', 'Size', 'Type', 'Link', 'Status'];
  const rows = discovery.drives.map((d) => [
    d.path,
    d.model ?? (d.backingFile ? `loop: ${d.backingFile.split('/').pop()}` : '?'),
    d.serial ?? '?',
    formatBytes(d.sizeBytes),
    mediaKind(d, lang),
    d.transport,
    protectionSummary(d, lang),
  ]);
  const lines = renderTable(headers, rows).split('\n');
  if (discovery.drives.length === 0) lines.push(fr ? 'Aucun disque trouvé.' : 'No drive found.');
  for (const d of discovery.drives) {
    for (const p of d.protections) lines.push(`  ${d.path}: ${fr ? p.detailFr : p.detail}`);
    for (const w of d.warnings) lines.push(`  ${d.path}: ${fr ? 'attention' : 'warning'}: ${w}`);
  }
  for (const w of discovery.warnings) lines.push(`${fr ? 'Attention' : 'Warning'}: ${w}`);
  return lines.map((line) => terminalSafe(line)).join('\n');
}
