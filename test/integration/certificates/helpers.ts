import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type CommandContext, makeContext } from '../../../cli/io.js';
import type { Lang } from '../../../core/i18n.js';

export function tempDataDir(prefix = 'gomme-cert-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs an independent tool and returns its combined output and status, without throwing on non-zero. */
export function tool(program: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(program, args, { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** An NSS database trusting the given root PEM, so pdfsig can say "Certificate is Trusted". */
export function nssTrusting(dir: string, rootPem: string): string {
  const db = join(dir, 'nss');
  mkdirSync(db);
  tool('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  writeFileSync(join(dir, 'root.pem'), rootPem);
  tool('certutil', ['-A', '-d', `sql:${db}`, '-n', 'root', '-t', 'C,C,C', '-i', join(dir, 'root.pem')]);
  return `sql:${db}`;
}

export function captureContext(
  env: NodeJS.ProcessEnv,
  lang: Lang = 'fr',
  json = false,
): { ctx: CommandContext; out(): string } {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  return { ctx: makeContext({ stdout: sink, stderr: sink, env }, lang, json), out: () => out };
}
