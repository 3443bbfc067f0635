import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initKeys } from '../../../certificates/keys/init-keys.js';
import { certIssueCommand, certRenderCommand, certVerifyCommand } from '../../../cli/commands/cert.js';
import { keysImportCommand, keysInitCommand, keysTrustCommand } from '../../../cli/commands/keys.js';
import { GommeError } from '../../../core/errors.js';
import { projectRoot } from '../../helpers/fixtures.js';
import { captureContext, tempDataDir } from './helpers.js';

/** Every file handed to `gomme keys …` / `gomme cert …` is checked: a wrong one is a typed, bilingual exit 10. */
const data = tempDataDir('gomme-input-files-');
afterAll(() => data.cleanup());
const fixtures = join(projectRoot, 'test', 'fixtures', 'certificates', 'before-pkijs');
const goodPdf = join(fixtures, 'plain', 'GR-20260314-d83c869711-M.pdf');
const file = (name: string, content: string) => {
  const path = join(data.dir, name);
  writeFileSync(path, content);
  return path;
};

async function refused(run: () => unknown, code: string): Promise<GommeError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(GommeError);
    const e = error as GommeError;
    expect([e.code, e.exitCode]).toEqual([code, 10]);
    expect(e.text.fr).not.toBe(e.text.en);
    return e;
  }
  throw new Error('expected a refusal');
}

describe('passphrases', () => {
  it('a --passphrase-file whose first line is empty is refused, and no key is written', async () => {
    const env = { GOMME_DATA_DIR: join(data.dir, 'empty-pass') };
    const empty = file('empty-pass.txt', '\nsecond line\n');
    const { ctx } = captureContext(env, 'en', true);
    await refused(
      () => keysInitCommand(ctx, { organisation: 'X', passphraseFile: empty }),
      'key-passphrase-empty',
    );
    expect(existsSync(join(env.GOMME_DATA_DIR, 'keys', 'org-key.pem'))).toBe(false);
  });

  it('"encrypted" in the report says what was written', () => {
    const plainEnv = { GOMME_DATA_DIR: join(data.dir, 'plain'), GOMME_KEY_PASSPHRASE: '' };
    const plain = captureContext(plainEnv, 'en', true);
    expect(keysInitCommand(plain.ctx, { organisation: 'X' })).toBe(0);
    expect(JSON.parse(plain.out()).encrypted).toBe(false);
    expect(readFileSync(join(plainEnv.GOMME_DATA_DIR, 'keys', 'org-key.pem'), 'utf8')).not.toContain(
      'ENCRYPTED',
    );
    const encEnv = { GOMME_DATA_DIR: join(data.dir, 'enc') };
    const enc = captureContext(encEnv, 'en', true);
    expect(
      keysInitCommand(enc.ctx, { organisation: 'X', passphraseFile: file('pass.txt', 'open sesame\n') }),
    ).toBe(0);
    expect(JSON.parse(enc.out()).encrypted).toBe(true);
    expect(readFileSync(join(encEnv.GOMME_DATA_DIR, 'keys', 'org-key.pem'), 'utf8')).toContain('ENCRYPTED');
  });

  it('an empty GOMME_KEY_PASSPHRASE for an encrypted key is refused by name', async () => {
    const dataDir = join(data.dir, 'needs-pass');
    initKeys(dataDir, { organisation: 'X', passphrase: 'secret' });
    const { ctx } = captureContext({ GOMME_DATA_DIR: dataDir, GOMME_KEY_PASSPHRASE: '' });
    const e = await refused(() => certRenderCommand(ctx, 'GR-NONE', {}), 'key-passphrase-empty');
    expect(e.text.en).toContain('GOMME_KEY_PASSPHRASE');
  });

  it('a missing passphrase file is a key-file error, not a crash', async () => {
    const { ctx } = captureContext({ GOMME_DATA_DIR: join(data.dir, 'x') });
    const missing = join(data.dir, 'nope.txt');
    await refused(() => keysInitCommand(ctx, { organisation: 'X', passphraseFile: missing }), 'key-file');
    await refused(() => keysImportCommand(ctx, goodPdf, { p12PassphraseFile: missing }), 'key-file');
    await refused(() => certRenderCommand(ctx, 'GR-NONE', { passphraseFile: missing }), 'key-file');
  });
});

describe('certificate files', () => {
  const env = { GOMME_DATA_DIR: join(data.dir, 'verify') };
  it.each([
    ['a text file', 'hello, not a certificate\n'],
    ['a private key', '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n'],
    ['a corrupt PEM block', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'],
  ])('cert verify --trust with %s is refused (exit 10), not ignored', async (_, content) => {
    const trust = file('trust.pem', content);
    await refused(() => certVerifyCommand(captureContext(env).ctx, goodPdf, { trust: [trust] }), 'key-file');
    await refused(() => keysTrustCommand(captureContext(env).ctx, trust), 'key-file');
  });

  it('a missing --trust file is refused; a DER root is accepted', async () => {
    await refused(
      () => certVerifyCommand(captureContext(env).ctx, goodPdf, { trust: [join(data.dir, 'none.pem')] }),
      'key-file',
    );
    const pem = readFileSync(join(fixtures, 'plain-root.pem'), 'utf8');
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const derPath = join(data.dir, 'root.der');
    writeFileSync(derPath, der);
    expect(certVerifyCommand(captureContext(env).ctx, goodPdf, { trust: [derPath] })).toBe(0);
  });

  it('a broken file in DATA_DIR/keys/trusted/ is reported, not skipped', async () => {
    const dataDir = join(data.dir, 'trusted-dir');
    keysTrustCommand(captureContext({ GOMME_DATA_DIR: dataDir }).ctx, join(fixtures, 'plain-root.pem'));
    expect(certVerifyCommand(captureContext({ GOMME_DATA_DIR: dataDir }).ctx, goodPdf, {})).toBe(0);
    writeFileSync(join(dataDir, 'keys', 'trusted', 'junk.pem'), 'junk');
    await refused(
      () => certVerifyCommand(captureContext({ GOMME_DATA_DIR: dataDir }).ctx, goodPdf, {}),
      'key-file',
    );
  });
});

describe('record input files', () => {
  it('cert issue with a wrong input shape is a record-invalid error naming the fields, before any key use', async () => {
    const input = JSON.parse(readFileSync(join(fixtures, 'input-a.json'), 'utf8'));
    input.drives[0].sizeBytes = 'big';
    delete input.operator;
    const { ctx } = captureContext({ GOMME_DATA_DIR: join(data.dir, 'issue') });
    const e = await refused(
      () => certIssueCommand(ctx, file('input.json', JSON.stringify(input)), {}),
      'record-invalid',
    );
    expect(e.text.en).toContain('input.operator: missing');
    expect(e.text.en).toContain('input.drives[0].sizeBytes: expected an integer ≥ 0');
    expect(e.text.fr).toContain('input.operator : manquant');
  });
});
