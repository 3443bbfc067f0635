import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecord } from '../../../certificates/journal-store.js';
import { initKeys } from '../../../certificates/keys/init-keys.js';
import { openCertificateEnv } from '../../../certificates/open-env.js';
import { renderRecordCertificates } from '../../../certificates/render-certificate.js';
import { projectRoot } from '../../helpers/fixtures.js';
import { tempDataDir, tool } from './helpers.js';

/** Node 20 cannot run .ts: transpile the sources the child needs next to the project so node_modules resolves. */
function buildChild(): string {
  const out = join(projectRoot, 'test-artifacts', `child-build-${process.pid}`);
  const roots = [
    'certificates',
    'core',
    'test/unit/certificates/fixtures',
    'test/integration/certificates/child',
  ];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  for (const file of roots.flatMap((r) => walk(join(projectRoot, r)))) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const target = join(out, relative(projectRoot, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  return out;
}

const data = tempDataDir();
let build = '';
afterAll(() => {
  data.cleanup();
  if (build) rmSync(build, { recursive: true, force: true });
});

describe('crash between record commit and PDF rendering', () => {
  it('SIGKILL after the commit loses nothing: the record is in the journal and cert render completes', async () => {
    build = buildChild();
    initKeys(data.dir, { organisation: 'Ressourcerie du Lac' });
    const marker = join(data.dir, 'committed.txt');
    const child = spawn(
      process.execPath,
      [join(build, 'test/integration/certificates/child/issue-child.js'), marker],
      {
        env: { ...process.env, GOMME_DATA_DIR: data.dir },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += String(c);
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    for (let i = 0; i < 300 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(marker), stderr).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const recordId = readFileSync(marker, 'utf8').trim();
    const env = openCertificateEnv({ GOMME_DATA_DIR: data.dir }, 'fr');
    try {
      expect(loadRecord(env.journal, recordId).recordId).toBe(recordId);
      expect(env.journal.certificates.list(recordId)).toEqual([]);
      expect(existsSync(join(data.dir, 'certificates'))).toBe(false);
      const written = await renderRecordCertificates(env, recordId);
      expect(written.map((w) => w.certificateId)).toEqual([
        `${recordId}-D1`,
        `${recordId}-D2`,
        `${recordId}-M`,
      ]);
      expect(tool('pdfsig', [written[0]?.path ?? '']).out).toContain('Signature is Valid.');
      expect(env.journal.certificates.list(recordId)).toHaveLength(3);
    } finally {
      env.journal.close();
    }
  });
});
