import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../certificates/config.js';
import { initKeys } from '../../../certificates/keys/init-keys.js';
import { loadIdentity } from '../../../certificates/keys/store.js';
import type { RenderedCertificate, RenderOptions } from '../../../certificates/pdf/certificate-pdf.js';
import { renderDriveCertificate } from '../../../certificates/pdf/render-drive.js';
import { renderLotCertificate } from '../../../certificates/pdf/render-lot.js';
import { renderMachineCertificate } from '../../../certificates/pdf/render-machine.js';
import { buildErasureRecord } from '../../../certificates/record/build-record.js';
import type { Lang } from '../../../core/i18n.js';
import { englishInFrench, frenchInEnglish, report } from '../../helpers/words-scan.js';
import { overwriteDrive, wordsRecordInput } from './records.js';

/**
 * The text layer of every certificate kind, as a reader's PDF tool extracts it (pdftotext, poppler-utils):
 * the drive certificate of an overwritten drive and of a firmware purge, the computer's, the donation lot's.
 */
const dir = mkdtempSync(join(tmpdir(), 'gomme-words-pdf-'));
const record = buildErasureRecord(wordsRecordInput());
const second = buildErasureRecord(
  wordsRecordInput({
    machine: {
      vendor: 'Lenovo',
      model: 'ThinkPad T470',
      serial: 'PF0XYZ12',
      uuid: null,
      assetTag: null,
      inventory: null,
    },
    drives: [
      overwriteDrive({
        serial: 'WD-WCC4N0123456',
        manufacturer: 'WDC',
        model: 'WD5000LPCX',
        interruptions: [],
      }),
    ],
  }),
);
let options: Omit<RenderOptions, 'lang'>;

const KINDS: Record<string, (lang: Lang) => Promise<RenderedCertificate>> = {
  'drive (overwrite)': (lang) => renderDriveCertificate(record, 1, { ...options, lang }),
  'drive (firmware purge)': (lang) => renderDriveCertificate(record, 2, { ...options, lang }),
  machine: (lang) => renderMachineCertificate(record, { ...options, lang }),
  lot: (lang) => renderLotCertificate([record, second], { ...options, lang }),
};

async function pdfText(kind: string, lang: Lang): Promise<string> {
  const rendered = await (KINDS[kind] as (lang: Lang) => Promise<RenderedCertificate>)(lang);
  const file = join(dir, `${kind.replace(/\W+/g, '-')}.${lang}.pdf`);
  writeFileSync(file, rendered.pdf);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`pdftotext: ${out.stderr}`);
  return out.stdout;
}

beforeAll(() => {
  initKeys(dir, { organisation: 'Atelier Nord' });
  options = { config: loadConfig(dir), identity: loadIdentity(dir, undefined) };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('certificates speak the reader’s language', () => {
  it.each(Object.keys(KINDS))('%s: no English word in the French certificate', async (kind) => {
    const text = await pdfText(kind, 'fr');
    expect(text).toContain('Certificat d');
    expect(report(kind, englishInFrench(text))).toBe('');
  });

  it.each(Object.keys(KINDS))('%s: no French word in the English certificate', async (kind) => {
    const text = await pdfText(kind, 'en');
    expect(text).toMatch(/certificate/i);
    expect(report(kind, frenchInEnglish(text))).toBe('');
  });

  it('the drive certificate says in French what the record says in English data', async () => {
    const overwrite = (await pdfText('drive (overwrite)', 'fr')).replace(/\s+/g, ' ');
    expect(overwrite).toContain('Résultat : EFFACÉ');
    expect(overwrite).toContain('Réécriture NIST 800-88 (1 passe aléatoire)');
    expect(overwrite).toContain('1. flux aléatoire (AES-128-CTR) (vérifiée)');
    expect(overwrite).toContain('Effacement (toutes les données accessibles sont remplacées');
    expect(overwrite).toContain('50 524 180 480 octets relus, 0 différents');
    expect(overwrite).toContain('10,1 %');
    expect(overwrite).toContain('500 Go (500 107 862 016 octets)');
    expect(overwrite).toMatch(/07\/12\/2026 02:58 \((?:UTC|heure de [^)]+)\)/);
    expect(overwrite).toContain('gomme s’est arrêté brutalement');
    const purge = (await pdfText('drive (firmware purge)', 'fr')).replace(/\s+/g, ' ');
    expect(purge).toContain('Résultat : ÉCHEC');
    expect(purge).toContain('Sanitize NVMe, effacement cryptographique');
    expect(purge).toContain('commande du disque (Sanitize NVMe, effacement cryptographique)');
    expect(purge).toContain('lecture : erreur d’entrée/sortie (EIO) à l’octet 4 096 (512 octets)');
    expect(purge).toContain('usure : 3 %');
  });
});
