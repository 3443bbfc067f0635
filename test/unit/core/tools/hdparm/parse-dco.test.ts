import { describe, expect, it } from 'vitest';
import { parseHdparmDco } from '../../../../../core/tools/hdparm/parse-dco.js';
import { listFixtures, readFixture } from '../../../../helpers/fixtures.js';

const qemuDco = listFixtures('qemu').filter((f) => f.endsWith('/hdparm-dco-identify.out'));

describe('parseHdparmDco', () => {
  it('QEMU AHCI disk answers an all-zero DCO page: "Real max sectors: 1" is reported, never used', () => {
    expect(qemuDco.length).toBeGreaterThan(0);
    for (const file of qemuDco) {
      const dco = parseHdparmDco(readFixture(file));
      expect(dco, file).toMatchObject({
        checksumValid: true,
        revision: 0,
        reportedRealMaxSectors: 1,
        realMaxSectors: null,
        transferModes: [],
        ataFeatures: [],
        trustworthy: false,
      });
      expect(dco.anomalies, file).toEqual([
        'real max sectors 1: empty DCO data',
        'unknown DCO revision 0x0000',
      ]);
    }
  });

  it('reads a revision-2 page with feature lists', () => {
    // HAND-WRITTEN (no real capture has this page): laid out as hdparm 9.65 dco_identify_print prints it.
    const text = [
      '',
      '/dev/sdz:',
      'DCO Checksum verified.',
      'DCO Revision: 0x0002',
      'The following features can be selectively disabled via DCO:',
      '\tTransfer modes:',
      '\t\t mdma0 mdma1 mdma2',
      '\t\t udma0 udma1 udma2 udma3 udma4 udma5 udma6',
      '\tReal max sectors: 5860533168',
      '\tATA command/feature sets:',
      '\t\t SMART self_test error_log security HPA',
      '\t\t WRITE_UNC_EXT',
      '\tSATA command/feature sets:',
      '\t\t interface_power_management SSP',
      '',
    ].join('\n');
    const dco = parseHdparmDco(text);
    expect(dco).toMatchObject({
      realMaxSectors: 5_860_533_168,
      checksumValid: true,
      revision: 2,
      trustworthy: true,
      anomalies: [],
    });
    expect(dco.transferModes).toContain('udma6');
    expect(dco.ataFeatures).toEqual(['SMART', 'self_test', 'error_log', 'security', 'HPA', 'WRITE_UNC_EXT']);
    expect(dco.sataFeatures).toEqual(['interface_power_management', 'SSP']);
  });

  it('no output (identify failed) leaves everything unknown', () => {
    const dco = parseHdparmDco('\n/dev/vda:\n');
    expect(dco).toMatchObject({ realMaxSectors: null, reportedRealMaxSectors: null, trustworthy: false });
  });
});
