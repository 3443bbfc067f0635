import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileIntakeMemory, INTAKE_FILE } from '../../../cli/tui/intake-memory.js';
import { parseOnlyDevices } from '../../../cli/tui/real-services.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('intake memory in the data dir', () => {
  it('is empty at first, then remembers the lot but never the asset tag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomme-intake-'));
    dirs.push(dir);
    const memory = fileIntakeMemory(join(dir, 'data'));
    expect(await memory.load()).toBeNull();
    await memory.save({
      operator: 'Awa',
      intake: { donor: 'Mairie', lot: 'L-1', assetTag: 'INV-9', publicDonor: true },
    });
    expect(await memory.load()).toEqual({
      operator: 'Awa',
      intake: { donor: 'Mairie', lot: 'L-1', assetTag: '', publicDonor: true },
    });
    expect(readFileSync(join(dir, 'data', INTAKE_FILE), 'utf8')).toContain('L-1');
  });

  it('ignores unexpected shapes instead of trusting them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomme-intake-'));
    dirs.push(dir);
    writeFileSync(
      join(dir, INTAKE_FILE),
      JSON.stringify({ operator: 42, intake: { lot: ['x'], publicDonor: 'yes' } }),
    );
    expect(await fileIntakeMemory(dir).load()).toEqual({
      operator: '',
      intake: { donor: '', lot: '', assetTag: '', publicDonor: false },
    });
  });
});

describe('--only-devices', () => {
  it('parses a comma list; empty means no restriction', () => {
    expect(parseOnlyDevices('/dev/loop3, /dev/loop4,')).toEqual(['/dev/loop3', '/dev/loop4']);
    expect(parseOnlyDevices('')).toBeNull();
    expect(parseOnlyDevices(undefined)).toBeNull();
  });
});
