import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GommeConfig } from '../../../certificates/config.js';
import { initKeys } from '../../../certificates/keys/init-keys.js';
import { loadIdentity } from '../../../certificates/keys/store.js';
import { resolveFacts } from '../../../session/facts.js';

const empty: GommeConfig = {
  organisation: { name: null, identifier: null, address: null, contact: null, logo: null },
};
const machine = {
  vendor: 'LENOVO',
  model: 'T480',
  serial: 'PF1',
  uuid: null,
  assetTag: null,
  chassisType: 10,
};
const sources = (over = {}) => ({
  config: empty,
  signer: null,
  env: { USER: 'camille' },
  lang: 'fr' as const,
  machine,
  software: { name: 'gomme', version: '0.1.0' },
  now: new Date('2026-03-14T10:00:00.000Z'),
  ...over,
});

describe('resolveFacts: the one place the defaults of a record are decided', () => {
  it('defaults in French, empty answers count as not given', () => {
    expect(resolveFacts({ donor: '  ', lot: '' }, sources())).toMatchObject({
      organisation: { name: 'Organisation non renseignée' },
      operator: 'camille',
      donor: 'Donateur non renseigné',
      lot: 'LOT-2026-03-14',
      destination: 'reuse',
      machine: { vendor: 'LENOVO', serial: 'PF1' },
    });
  });

  it('the asset tag typed at intake goes on the machine, over the firmware one; the inventory is kept', () => {
    const dmi = sources({ machine: { ...machine, assetTag: 'DMI-TAG' } });
    expect(resolveFacts({}, dmi).machine.assetTag).toBe('DMI-TAG');
    expect(resolveFacts({ assetTag: ' INV-0042 ' }, dmi).machine.assetTag).toBe('INV-0042');
    expect(resolveFacts({ assetTag: '' }, sources()).machine.assetTag).toBeNull();
    const inventory = { cpu: 'Intel i5', memoryBytes: 8e9, notes: 'INCOMPLET : 2 fonctions non testées' };
    expect(resolveFacts({ inventory }, sources()).inventory).toEqual(inventory);
    expect(resolveFacts({}, sources())).not.toHaveProperty('inventory');
  });

  it('the organisation comes from config.json, else from the signing certificate’s parsed subject', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomme-facts-'));
    try {
      // Commas, quotes and line breaks are escaped in the subject's text form: the parsed value is exact.
      const name = 'Ressourcerie du Lac, Chambéry + "Atelier"';
      initKeys(dir, { organisation: name });
      const signer = loadIdentity(dir, undefined).certificate;
      expect(resolveFacts({}, sources({ signer })).organisation.name).toBe(name);
      const config = { organisation: { ...empty.organisation, name: 'Depuis config.json' } };
      expect(resolveFacts({}, sources({ signer, config })).organisation.name).toBe('Depuis config.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
