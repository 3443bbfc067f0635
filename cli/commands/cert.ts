import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { certifyErasure } from '../../certificates/certify.js';
import { readCertificateFile } from '../../certificates/keys/input-files.js';
import { loadPublicCertificates } from '../../certificates/keys/store.js';
import { openCertificateEnv } from '../../certificates/open-env.js';
import { parseRecordInput } from '../../certificates/record/input-schema.js';
import {
  renderCertificate,
  renderRecordCertificates,
  type WrittenCertificate,
} from '../../certificates/render-certificate.js';
import { verifyCertificate } from '../../certificates/verify/verify-certificate.js';
import { BadInputError, UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { refuseDeviceOutput } from '../../core/fs/safe-output.js';
import { text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import { fileErrorWords } from '../../core/words/io-errors.js';
import type { CommandContext } from '../io.js';

interface RenderFlags {
  passphraseFile?: string;
  output?: string;
}

/** `gomme cert issue INPUT.json`: build + commit + render (what the erasure engine does in-process). */
export async function certIssueCommand(
  ctx: CommandContext,
  file: string,
  flags: RenderFlags,
): Promise<number> {
  const input = parseRecordInput(readJson(file));
  if (flags.output) refuseDeviceOutput(flags.output);
  const env = openCertificateEnv(ctx.env, ctx.lang, {
    passphraseFile: flags.passphraseFile,
    outDir: flags.output,
  });
  try {
    const { commit, certificates } = await certifyErasure(env, input);
    ctx.say(
      ctx.json ? JSON.stringify({ commit, certificates }) : `${commit.recordId}\n${listing(certificates)}`,
    );
    return ExitCode.OK;
  } finally {
    env.journal.close();
  }
}

/** `gomme cert render ID [--drive N | --machine | --lot]`: re-render from the journal. */
export async function certRenderCommand(
  ctx: CommandContext,
  id: string,
  flags: RenderFlags & { drive?: string; machine?: boolean; lot?: boolean },
): Promise<number> {
  if ([flags.drive !== undefined, flags.machine, flags.lot].filter(Boolean).length > 1) {
    throw new UsageError(
      text('--drive, --machine et --lot s’excluent.', '--drive, --machine and --lot are exclusive.'),
    );
  }
  if (flags.output) refuseDeviceOutput(flags.output);
  const env = openCertificateEnv(ctx.env, ctx.lang, {
    passphraseFile: flags.passphraseFile,
    outDir: flags.output,
  });
  try {
    let written: WrittenCertificate[];
    if (flags.lot) written = [await renderCertificate(env, { kind: 'lot', lotId: id })];
    else if (flags.machine) written = [await renderCertificate(env, { kind: 'machine', recordId: id })];
    else if (flags.drive !== undefined) {
      const driveIndex = Number(flags.drive);
      if (!Number.isInteger(driveIndex) || driveIndex < 1)
        throw new UsageError(text('--drive attend un numéro ≥ 1.', '--drive expects a number ≥ 1.'));
      written = [await renderCertificate(env, { kind: 'drive', recordId: id, driveIndex })];
    } else written = await renderRecordCertificates(env, id);
    ctx.say(ctx.json ? JSON.stringify(written) : listing(written));
    return ExitCode.OK;
  } finally {
    env.journal.close();
  }
}

/** `gomme cert verify FILE.pdf [--trust CERT.pem]…`: exit 0 valid, 11 tampered, 12 unknown signer, 10 unreadable. */
export function certVerifyCommand(ctx: CommandContext, file: string, flags: { trust?: string[] }): number {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new BadInputError(file, fileErrorWords(error), error);
  }
  const extra = (flags.trust ?? []).flatMap((f) => readCertificateFile(f));
  const { own, trusted } = loadPublicCertificates(resolveDataDir(ctx.env));
  const report = verifyCertificate(basename(file), bytes, [...own, ...trusted, ...extra]);
  if (ctx.json) {
    ctx.say(JSON.stringify(report));
    return report.exitCode;
  }
  const verdict = {
    valid: text(
      'VALIDE : certificat intact, signataire de confiance.',
      'VALID: certificate intact, trusted signer.',
    ),
    tampered: text(
      'ALTÉRÉ : ce certificat a été modifié ou sa signature est invalide.',
      'TAMPERED: this certificate was modified or its signature is invalid.',
    ),
    'unknown-signer': text(
      'SIGNATAIRE INCONNU : document intact, mais signé par une clé non reconnue.',
      'UNKNOWN SIGNER: document intact, but signed by an unrecognised key.',
    ),
    revoked: text(
      'RÉVOQUÉ : document intact, mais signé après la révocation du certificat du signataire.',
      "REVOKED: document intact, but signed after the signer's certificate was revoked.",
    ),
  }[report.status];
  ctx.say(verdict);
  ctx.say(`${report.certificateId}  sha256:${report.claimedSha256}`);
  if (report.signer)
    ctx.say(`${report.signer.subject.replaceAll('\n', ', ')}  (${report.signer.fingerprint256})`);
  for (const check of report.checks) ctx.say(`  ${check.ok ? '✓' : '✗'} ${check.detail[ctx.lang]}`);
  if (report.payload) ctx.say(JSON.stringify(report.payload, null, 2));
  return report.exitCode;
}

function listing(written: WrittenCertificate[]): string {
  return written.map((w) => `${w.certificateId}  ${w.path}`).join('\n');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BadInputError(file, fileErrorWords(error), error);
  }
}
