import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingCorpusMessage } from '../../helpers/global-setup.js';

const parent = mkdtempSync(join(tmpdir(), 'gomme-corpus-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('the corpus check every test run starts with', () => {
  it('says what is missing and where to clone it', () => {
    const root = join(parent, 'gomme');
    const message = missingCorpusMessage(join(parent, 'shared/fixtures'), root);
    expect(message).toContain(`corpus is missing: ${join(parent, 'shared/fixtures')}`);
    expect(message).toContain(
      `Clone the shared repository beside this one, so that ${join(parent, 'shared/fixtures')}`,
    );
    expect(message).toContain(`the same parent folder as ${root}`);
  });

  it('says nothing once the corpus is there', () => {
    mkdirSync(join(parent, 'shared/fixtures'), { recursive: true });
    expect(missingCorpusMessage(join(parent, 'shared/fixtures'), join(parent, 'gomme'))).toBeNull();
  });
});
