import { describe, expect, it } from 'vitest';
import { parseNvmeIdCtrl } from '../../../../../core/tools/nvme/parse-id-ctrl.js';
import { readFixture } from '../../../../helpers/fixtures.js';

describe('parseNvmeIdCtrl', () => {
  it('WD SN730 (nvme-cli 1.x layout): sanicap 0x60000003 = crypto + block sanitize, NDI set', () => {
    const c = parseNvmeIdCtrl(readFixture('nvme/id-ctrl-wdc-sn730-256g-nvmecli1x.json'));
    expect(c.ok).toBe(true);
    expect(c.model).toBe('WDC PC SN730 SDBQNTY-256G-1001');
    expect(c.serial).toBe('1951B3444502');
    expect(c.firmware).toBe('11170101');
    expect(c.sanicap).toBe(0x60000003);
    expect(c.sanitizeCrypto).toBe(true);
    expect(c.sanitizeBlock).toBe(true);
    expect(c.sanitizeOverwrite).toBe(false);
    expect(c.sanitizeSupported).toBe(true);
    expect(c.noDeallocateInhibited).toBe(true);
    expect(c.noDeallocateModifiesMedia).toBe(1);
    expect(c.oacs).toBe(0x17);
    expect(c.formatSupported).toBe(true);
    expect(c.cryptoFormatSupported).toBe(true);
    expect(c.nn).toBe(1);
  });

  it('Samsung 980 PRO: no sanitize, oacs 0x17 = format + self-test, fna 4 = crypto format', () => {
    const c = parseNvmeIdCtrl(readFixture('nvme/id-ctrl-samsung-980pro-1tb.json'));
    expect(c.ok).toBe(true);
    expect(c.model).toBe('Samsung SSD 980 PRO 1TB');
    expect(c.serial).toBe('S5P2NG0R824326R');
    expect(c.firmware).toBe('3B2QGXA7');
    expect(c.sanicap).toBe(0);
    expect(c.sanitizeSupported).toBe(false);
    expect(c.sanitizeCrypto).toBe(false);
    expect(c.sanitizeBlock).toBe(false);
    expect(c.sanitizeOverwrite).toBe(false);
    expect(c.noDeallocateInhibited).toBe(false);
    expect(c.oacs).toBe(0x17);
    expect(c.securitySendReceiveSupported).toBe(true);
    expect(c.formatSupported).toBe(true);
    expect(c.selfTestSupported).toBe(true);
    expect(c.namespaceManagementSupported).toBe(false);
    expect(c.fna).toBe(4);
    expect(c.cryptoFormatSupported).toBe(true);
    expect(c.formatAppliesToAllNamespaces).toBe(false);
    expect(c.cryptoEraseAppliesToAllNamespaces).toBe(false);
    expect(c.totalCapacityBytes).toBe(1000204886016);
  });

  it('QEMU (nvme-cli 2.13): Format supported, no sanitize, no self-test, padded strings trimmed', () => {
    const c = parseNvmeIdCtrl(readFixture('qemu/bios-cdrom-full/nvme-id-ctrl.out'));
    expect(c.ok).toBe(true);
    expect(c.model).toBe('QEMU NVMe Ctrl');
    expect(c.serial).toBe('deadbeef');
    expect(c.firmware).toBe('7.2.22');
    expect(c.vendorId).toBe(0x1b36);
    expect(c.oacs).toBe(0x10a);
    expect(c.formatSupported).toBe(true);
    expect(c.namespaceManagementSupported).toBe(true);
    expect(c.selfTestSupported).toBe(false);
    expect(c.sanicap).toBe(0);
    expect(c.sanitizeSupported).toBe(false);
    expect(c.fna).toBe(0);
    expect(c.cryptoFormatSupported).toBe(false);
    expect(c.formatAppliesToAllNamespaces).toBe(false);
    expect(c.nn).toBe(256);
  });

  it('an nvme-cli error object is not an id-ctrl: every fact unknown, the message kept', () => {
    const c = parseNvmeIdCtrl('{"error":"Invalid Field in Command","type":"nvme"}');
    expect(c.ok).toBe(false);
    expect(c.error).toBe('Invalid Field in Command');
    expect(c.model).toBeNull();
    expect(c.formatSupported).toBeNull();
    expect(c.sanitizeSupported).toBeNull();
  });

  it('wrong-typed registers read as unknown, not as 0', () => {
    const c = parseNvmeIdCtrl('{"mn":"X","oacs":"23","sanicap":-1,"fna":1.5}');
    expect(c.ok).toBe(true);
    expect(c.oacs).toBeNull();
    expect(c.formatSupported).toBeNull();
    expect(c.sanicap).toBeNull();
    expect(c.noDeallocateInhibited).toBeNull();
    expect(c.fna).toBeNull();
  });
});
