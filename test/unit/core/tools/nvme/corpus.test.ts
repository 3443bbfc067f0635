import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNvmeIdCtrl } from '../../../../../core/tools/nvme/parse-id-ctrl.js';
import { parseNvmeIdNs } from '../../../../../core/tools/nvme/parse-id-ns.js';
import { parseNvmeList } from '../../../../../core/tools/nvme/parse-list.js';
import { parseNvmeSanitizeLog } from '../../../../../core/tools/nvme/parse-sanitize-log.js';
import { listFixtures, readFixture } from '../../../../helpers/fixtures.js';

const parsers = [parseNvmeIdCtrl, parseNvmeIdNs, parseNvmeList, parseNvmeSanitizeLog];

// Every nvme-cli stdout in the corpus, JSON or not (format messages, md5 sums, `nvme version`).
const corpus = [
  ...listFixtures('nvme', '.json'),
  ...listFixtures('qemu', '.out').filter((f) => basename(f).startsWith('nvme-')),
];

const garbage = [
  '',
  'not json',
  '{}',
  '[]',
  'null',
  '42',
  '"str"',
  '{"Devices":{}}',
  '{"nvme0":null}',
  '\u0000',
];

describe('nvme parsers over the real corpus', () => {
  it('finds the corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(2 + 3 * 8);
  });

  it.each(corpus)('%s: every parser returns without throwing', (file) => {
    const text = readFixture(file);
    for (const parse of parsers) expect(() => parse(text)).not.toThrow();
  });

  it.each(corpus)('%s: truncated halves are not ok and do not throw', (file) => {
    const text = readFixture(file);
    for (const part of [
      text.slice(0, Math.floor(text.length / 2)),
      text.slice(Math.floor(text.length / 2)),
    ]) {
      for (const parse of parsers) expect(parse(part).ok).toBe(false);
    }
  });

  it.each(garbage)('garbage %j: not ok, every fact unknown', (text) => {
    const ctrl = parseNvmeIdCtrl(text);
    expect(ctrl.ok).toBe(false);
    expect(ctrl.formatSupported).toBeNull();
    expect(ctrl.sanitizeSupported).toBeNull();
    const ns = parseNvmeIdNs(text);
    expect(ns.ok).toBe(false);
    expect(ns.lbaFormats).toEqual([]);
    expect(ns.currentLbaFormat).toBeNull();
    expect(parseNvmeList(text)).toEqual({ ok: false, error: null, devices: [] });
    const log = parseNvmeSanitizeLog(text);
    expect(log.ok).toBe(false);
    expect(log.status).toBe('unknown');
  });

  it('id-ctrl files parse as controllers, id-ns as namespaces, list as lists', () => {
    for (const file of corpus) {
      const name = basename(file);
      const text = readFixture(file);
      if (name.startsWith('id-ctrl') || name === 'nvme-id-ctrl.out')
        expect(parseNvmeIdCtrl(text).ok).toBe(true);
      if (name === 'nvme-id-ns.out') expect(parseNvmeIdNs(text).ok).toBe(true);
      if (name.startsWith('nvme-list')) expect(parseNvmeList(text).devices).toHaveLength(1);
    }
  });
});
