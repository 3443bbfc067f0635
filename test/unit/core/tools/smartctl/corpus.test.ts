import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSmartctlJson } from '../../../../../core/tools/smartctl/parse-smartctl.js';
import { listFixtures, readFixture } from '../../../../helpers/fixtures.js';

const corpus = [
  ...listFixtures('smartctl', '.json'),
  ...listFixtures('qemu', '.out').filter((f) => /^smartctl-(j-|scan-open)/.test(basename(f))),
];

const garbage = ['', 'not json', '{}', '[]', 'null', '0', '{"device":null}', '{"smartctl":{"messages":"x"}}'];

describe('parseSmartctlJson over the real corpus', () => {
  it('finds the corpus: 43 files plus the QEMU captures', () => {
    expect(listFixtures('smartctl', '.json')).toHaveLength(43);
    expect(corpus.length).toBeGreaterThan(43 + 15);
  });

  it.each(corpus)('%s: ok exactly when smartctl described a device', (file) => {
    const text = readFixture(file);
    const report = parseSmartctlJson(text);
    const raw: unknown = JSON.parse(text);
    const hasDevice = typeof raw === 'object' && raw !== null && 'device' in raw;
    expect(report.ok).toBe(hasDevice);
    if (report.ok) expect(report.protocol).not.toBeNull();
    else expect(report.model).toBeNull();
  });

  it.each(corpus)('%s: every ATA attribute has an id and a raw value', (file) => {
    for (const a of parseSmartctlJson(readFixture(file)).ataAttributes) {
      expect(a.id).toBeGreaterThan(0);
      expect(a.raw).not.toBeNull();
    }
  });

  it.each(corpus)('%s: truncated halves are not ok and do not throw', (file) => {
    const text = readFixture(file);
    const half = Math.floor(text.length / 2);
    for (const part of [text.slice(0, half), text.slice(half)]) {
      const report = parseSmartctlJson(part);
      expect(report.ok).toBe(false);
      expect(report.exitStatus).toBeNull();
      expect(report.messages).toEqual([]);
    }
  });

  it.each(garbage)('garbage %j: not ok, every fact unknown', (text) => {
    const report = parseSmartctlJson(text);
    expect(report.ok).toBe(false);
    expect(report.messages).toEqual([]);
    expect(report.exitStatus).toBeNull();
    expect(report.smartPassed).toBeNull();
    expect(report.ataAttributes).toEqual([]);
    expect(report.nvmeHealth).toBeNull();
    expect(report.scsi).toBeNull();
  });
});
