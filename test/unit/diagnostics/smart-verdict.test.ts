import { describe, expect, it } from 'vitest';
import { parseSmartctlJson } from '../../../core/tools/smartctl/parse-smartctl.js';
import { ataDevstatEndurance, smartVerdict } from '../../../diagnostics/checks/smart-verdict.js';
import { listFixtures, readFixture } from '../../helpers/fixtures.js';

function verdictOf(file: string) {
  const json = readFixture(`smartctl/${file}`);
  return smartVerdict(parseSmartctlJson(json), ataDevstatEndurance(json));
}
const codes = (file: string) => verdictOf(file).reasons.map((r) => r.code);

describe('SMART verdict over every smartctl JSON in the corpus', () => {
  it.each(listFixtures('smartctl', '.json'))('%s: a verdict, no throw (also truncated)', (file) => {
    const json = readFixture(file);
    expect(['pass', 'warn', 'fail', 'skipped']).toContain(smartVerdict(parseSmartctlJson(json)).status);
    expect(() => smartVerdict(parseSmartctlJson(json.slice(0, json.length / 2)))).not.toThrow();
  });

  it.each([
    [
      'usb-jmicron-hitachi-hds721050-FAILED-realloc1975-pending8.json',
      ['smart-failed', 'ata-reallocated-sectors', 'ata-pending-sectors', 'self-test-log-errors'],
    ],
    ['megaraid-wd4000fyyx-realloc387.json', ['ata-reallocated-sectors']],
    ['sata-hdd-seagate-st3500418as-realloc304.json', ['ata-reallocated-sectors']],
    ['nvme-samsung-970evo-media-errors.json', ['nvme-media-errors']],
    ['nvme-samsung-pm1725a-critical-warning16-FAILED.json', ['smart-failed', 'nvme-critical-warning']],
    ['sas-seagate-st4000nm0043-grown-defects56.json', ['scsi-grown-defects']],
    ['scsi-seagate-st373453lc-15k-grown260.json', ['scsi-grown-defects', 'scsi-uncorrected-errors']],
  ])('%s: FAIL with %j', (file, expected) => {
    const verdict = verdictOf(file);
    expect(verdict.status).toBe('fail');
    expect(verdict.reasons.filter((r) => r.severity === 'fail').map((r) => r.code)).toEqual(
      expect.arrayContaining(expected),
    );
    for (const r of verdict.reasons) expect(r.fr.length && r.en.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'sata-hdd-hgst-hus724020ale640-errorlog-exit64.json',
      ['ata-crc-errors', 'error-log-entries', 'hdd-power-on-hours'],
    ],
    ['sata-hdd-wd-hc550-16t-exit64.json', ['ata-crc-errors', 'error-log-entries']],
    ['sata-ssd-samsung-840.json', ['ata-crc-errors']],
    ['megaraid-sat-seagate-st6000nm0115.json', ['hdd-power-on-hours']],
  ])('%s: WARN with %j', (file, expected) => {
    expect(verdictOf(file).status).toBe('warn');
    expect(codes(file)).toEqual(expected);
  });

  it.each([
    'sata-hdd-wd140edfz-healthy.json',
    'sata-hdd-hgst-hus728t8tale6l4-healthy.json',
    'megaraid-wd4000fyyx-healthy.json',
    'sata-hdd-seagate-exos-x16-16t.json',
    'sata-ssd-micron-5200-960g.json',
    'sata-ssd-samsung-860evo-full-x.json',
    'sata-ssd-intel-s4500-realloc4.json',
    'sata-ssd-kingston-a400-m2-exit4.json',
    'nvme-intel-660p-ssdpeknw010t8.json',
    'nvme-corsair-mp510.json',
    'nvme-intel-p3700-800g-used51-spare93.json',
    'nvme-intel-p4500-2t-worn-75pct.json',
    'nvme-micron-9200-worn-69pct.json',
    'nvme-samsung-970evoplus-250g.json',
    'sas-seagate-st1200mm0088-10k.json',
    'sas-hp-mas3735nc-15k.json',
    'usb-sat-sandisk-pssd.json',
  ])('%s: healthy → PASS', (file) => {
    expect(verdictOf(file)).toMatchObject({ status: 'pass', reasons: [] });
  });

  it('endurance: NVMe percentage_used, ATA devstat, else the vendor wear attribute', () => {
    expect(verdictOf('nvme-intel-p4500-2t-worn-75pct.json').enduranceUsedPercent).toBe(75);
    expect(verdictOf('sata-ssd-samsung-860evo-full-x.json').enduranceUsedPercent).toBe(19);
    expect(verdictOf('sata-ssd-intel-s4500-realloc4.json').enduranceUsedPercent).toBe(45);
    expect(verdictOf('sata-hdd-wd140edfz-healthy.json').enduranceUsedPercent).toBeNull();
  });

  it('an unreadable device is skipped, never pass or fail', () => {
    expect(verdictOf('open-failed-windows-error.json').status).toBe('skipped');
    expect(verdictOf('scan-open-mixed.json').status).toBe('skipped');
    expect(codes('scsi-intel-raid1-volume.json')).toEqual(['smart-no-data']);
    expect(verdictOf('nvme-kioxia-kcd61lul3t84-info.json').status).toBe('skipped');
    expect(smartVerdict(parseSmartctlJson('garbage')).status).toBe('skipped');
  });
});
