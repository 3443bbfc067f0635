import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyMissingError, KeyPassphraseError, PdfUnreadableError } from '../../../certificates/errors.js';
import { commitRecord } from '../../../certificates/journal-store.js';
import { initKeys } from '../../../certificates/keys/init-keys.js';
import { openJournalFor } from '../../../certificates/open-env.js';
import { buildErasureRecord } from '../../../certificates/record/build-record.js';
import { certRenderCommand, certVerifyCommand } from '../../../cli/commands/cert.js';
import { exportCommand } from '../../../cli/commands/export.js';
import { historyCommand } from '../../../cli/commands/history.js';
import { keysExportCommand, keysImportCommand } from '../../../cli/commands/keys.js';
import { GommeError } from '../../../core/errors.js';
import { sampleInput } from '../../unit/certificates/fixtures/sample-input.js';
import { captureContext, tempDataDir, tool } from './helpers.js';

const data = tempDataDir();
const env = { GOMME_DATA_DIR: data.dir };
const record = buildErasureRecord(sampleInput());
afterAll(() => data.cleanup());

function commit(): void {
  const { journal } = openJournalFor(env);
  commitRecord(journal, record);
  journal.close();
}

function journalCount(): number {
  const { journal } = openJournalFor(env);
  try {
    return journal.records.list().length;
  } finally {
    journal.close();
  }
}

async function expectGommeError(
  run: () => unknown,
  type: new (...a: never[]) => GommeError,
  code: number,
): Promise<GommeError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    const e = error as GommeError;
    expect(e.exitCode).toBe(code);
    expect(e.text.fr).not.toBe(e.text.en);
    return e;
  }
  throw new Error('expected an error');
}

describe('bad input gives a clear, documented failure and loses nothing', () => {
  it('missing key: exit 10, hint to run keys init; the record stays in the journal', async () => {
    commit();
    const { ctx } = captureContext(env);
    const e = await expectGommeError(() => certRenderCommand(ctx, record.recordId, {}), KeyMissingError, 10);
    expect(e.hint?.fr).toMatch(/gomme keys init/);
    expect(journalCount()).toBe(1);
  });

  it('wrong or missing passphrase: exit 10; the right one renders', async () => {
    const { ctx } = captureContext({ ...env, GOMME_KEY_PASSPHRASE: 'correct horse' });
    initKeys(data.dir, { organisation: 'Ressourcerie du Lac', passphrase: 'correct horse' });
    expect(readFileSync(join(data.dir, 'keys', 'org-key.pem'), 'utf8')).toContain('ENCRYPTED');
    const wrong = captureContext({ ...env, GOMME_KEY_PASSPHRASE: 'wrong' }).ctx;
    await expectGommeError(() => certRenderCommand(wrong, record.recordId, {}), KeyPassphraseError, 10);
    await expectGommeError(
      () => certRenderCommand(captureContext(env).ctx, record.recordId, {}),
      KeyPassphraseError,
      10,
    );
    expect(journalCount()).toBe(1);
    expect(await certRenderCommand(ctx, record.recordId, { machine: true })).toBe(0);
  });

  it('corrupt or foreign PDFs: exit 10 with a bilingual message', async () => {
    const { ctx } = captureContext(env);
    const garbage = join(data.dir, 'garbage.pdf');
    writeFileSync(garbage, 'this is not a pdf');
    const e = await expectGommeError(() => certVerifyCommand(ctx, garbage, {}), PdfUnreadableError, 10);
    expect(e.text.fr).toMatch(/n'est pas un PDF/);
    const foreign = join(data.dir, 'foreign.pdf');
    writeFileSync(foreign, await plainPdf());
    await expectGommeError(() => certVerifyCommand(ctx, foreign, {}), PdfUnreadableError, 10);
    const truncated = join(data.dir, 'truncated.pdf');
    const good = readFileSync(join(data.dir, 'certificates', `${record.recordId}-M.pdf`));
    writeFileSync(truncated, good.subarray(0, 3000));
    await expectGommeError(() => certVerifyCommand(ctx, truncated, {}), PdfUnreadableError, 10);
  });

  it('cert verify command: 0 for a good file, 11 when tampered, 12 for a foreign signer', () => {
    const { ctx, out } = captureContext(env, 'en');
    const good = join(data.dir, 'certificates', `${record.recordId}-M.pdf`);
    expect(certVerifyCommand(ctx, good, {})).toBe(0);
    expect(out()).toContain('VALID');
    expect(out()).toContain('"recordId"');
    const tampered = join(data.dir, 'tampered.pdf');
    writeFileSync(tampered, Buffer.concat([readFileSync(good), Buffer.from('x')]));
    expect(certVerifyCommand(ctx, tampered, {})).toBe(11);
    const other = tempDataDir();
    try {
      expect(certVerifyCommand(captureContext({ GOMME_DATA_DIR: other.dir }).ctx, good, {})).toBe(12);
    } finally {
      other.cleanup();
    }
  });

  it('keys import of a real-CA style PKCS#12 (EC and RSA), with a wrong password refused', () => {
    for (const [alg, opts] of [
      ['ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']],
      ['rsa', ['-newkey', 'rsa:2048']],
    ] as const) {
      const dir = tempDataDir();
      try {
        const key = join(dir.dir, 'k.pem');
        const crt = join(dir.dir, 'c.pem');
        const p12 = join(dir.dir, 'org.p12');
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            ...opts,
            '-nodes',
            '-keyout',
            key,
            '-out',
            crt,
            '-days',
            '30',
            '-subj',
            '/CN=Test CA org/O=Test',
          ],
          { stdio: 'pipe' },
        );
        execFileSync(
          'openssl',
          ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', p12, '-passout', 'pass:p12pw'],
          { stdio: 'pipe' },
        );
        const denv = { GOMME_DATA_DIR: join(dir.dir, 'data') };
        expect(() =>
          keysImportCommand(captureContext({ ...denv, GOMME_P12_PASSPHRASE: 'nope' }).ctx, p12, {}),
        ).toThrow(KeyPassphraseError);
        const { ctx, out } = captureContext({ ...denv, GOMME_P12_PASSPHRASE: 'p12pw' }, 'en', true);
        expect(keysImportCommand(ctx, p12, {}), alg).toBe(0);
        expect(JSON.parse(out()).fingerprint256).toMatch(/^[0-9A-F:]+$/);
        const exported = join(dir.dir, 'export.pem');
        expect(keysExportCommand(captureContext(denv).ctx, { output: exported })).toBe(0);
        expect(tool('openssl', ['x509', '-in', exported, '-noout', '-subject']).out).toContain('Test CA org');
      } finally {
        dir.cleanup();
      }
    }
  });

  it('history and export read the journal', () => {
    const h = captureContext(env, 'en', true);
    expect(historyCommand(h.ctx, { result: 'failed' })).toBe(0);
    expect(JSON.parse(h.out())).toEqual([expect.objectContaining({ recordId: record.recordId })]);
    const none = captureContext(env, 'en', true);
    historyCommand(none.ctx, { lot: 'NOPE' });
    expect(JSON.parse(none.out())).toEqual([]);
    const csv = captureContext(env);
    expect(exportCommand(csv.ctx, { csv: true })).toBe(0);
    expect(csv.out().split('\r\n')[0]).toMatch(/^record_id,lot_id,donor,/);
    expect(csv.out().split('\r\n')).toHaveLength(4); // header, 2 drives, final empty
    expect(() => exportCommand(csv.ctx, {})).toThrow(GommeError);
  });
});

function plainPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('hello');
    doc.end();
  });
}
