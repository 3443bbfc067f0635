import { basename } from 'node:path';
import { loadConfig } from '../../certificates/config.js';
import { KeyMissingError } from '../../certificates/errors.js';
import { importP12 } from '../../certificates/keys/import-p12.js';
import { initKeys } from '../../certificates/keys/init-keys.js';
import {
  readCertificateFile,
  readPassphrase,
  readPassphraseFile,
} from '../../certificates/keys/input-files.js';
import { addTrusted, hasIdentity, keysDir, loadPublicCertificates } from '../../certificates/keys/store.js';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { writeOutputFile } from '../../core/fs/safe-output.js';
import { text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import type { CommandContext } from '../io.js';

/** `gomme keys init [--organisation NAME] [--passphrase-file F] [--force]` */
export function keysInitCommand(
  ctx: CommandContext,
  flags: { organisation?: string; passphraseFile?: string; force?: boolean },
): number {
  const dataDir = resolveDataDir(ctx.env);
  const organisation = flags.organisation ?? loadConfig(dataDir).organisation.name;
  if (!organisation) {
    throw new UsageError(
      text('Nom de l’organisation inconnu.', 'Organisation name unknown.'),
      text(
        'Ajoutez --organisation "Nom" ou renseignez config.json.',
        'Add --organisation "Name" or fill in config.json.',
      ),
    );
  }
  const passphrase = readPassphrase(ctx.env, flags.passphraseFile);
  const { fingerprint, encrypted } = initKeys(dataDir, {
    organisation,
    passphrase,
    force: flags.force ?? false,
  });
  report(ctx, fingerprint, dataDir, encrypted);
  return ExitCode.OK;
}

/** `gomme keys import org.p12 [--p12-passphrase-file F] [--passphrase-file F] [--force]` */
export function keysImportCommand(
  ctx: CommandContext,
  file: string,
  flags: { p12PassphraseFile?: string; passphraseFile?: string; force?: boolean },
): number {
  const dataDir = resolveDataDir(ctx.env);
  // A PKCS#12 may legitimately have an empty password (some exports do): allowed here, unlike gomme's own key.
  const p12Passphrase = flags.p12PassphraseFile
    ? readPassphraseFile(flags.p12PassphraseFile, { allowEmpty: true })
    : (ctx.env.GOMME_P12_PASSPHRASE ?? '');
  const keyPassphrase = readPassphrase(ctx.env, flags.passphraseFile);
  const { fingerprint, encrypted } = importP12(dataDir, file, {
    p12Passphrase,
    keyPassphrase,
    force: flags.force ?? false,
  });
  report(ctx, fingerprint, dataDir, encrypted);
  return ExitCode.OK;
}

/** `gomme keys export [-o FILE]`: the public certificate and its chain (PEM), for the network to trust. */
export function keysExportCommand(ctx: CommandContext, flags: { output?: string }): number {
  const dataDir = resolveDataDir(ctx.env);
  if (!hasIdentity(dataDir)) throw new KeyMissingError(keysDir(dataDir));
  const pem = loadPublicCertificates(dataDir)
    .own.map((c) => c.toString())
    .join('');
  if (flags.output) writeOutputFile(flags.output, pem);
  else ctx.stdout.write(pem);
  return ExitCode.OK;
}

/** `gomme keys trust MEMBER.pem`: accept certificates signed by another organisation of the network. */
export function keysTrustCommand(ctx: CommandContext, file: string): number {
  const certificates = readCertificateFile(file);
  const target = addTrusted(
    resolveDataDir(ctx.env),
    basename(file).replace(/\.(pem|crt)$/, ''),
    certificates,
  );
  ctx.say(text(`Certificats de confiance ajoutés : ${target}`, `Trusted certificates added: ${target}`));
  return ExitCode.OK;
}

function report(ctx: CommandContext, fingerprint: string, dataDir: string, encrypted: boolean): void {
  if (ctx.json) {
    ctx.say(JSON.stringify({ fingerprint256: fingerprint, keysDir: keysDir(dataDir), encrypted }));
    return;
  }
  ctx.say(
    text(`Clé de signature prête dans ${keysDir(dataDir)}`, `Signing key ready in ${keysDir(dataDir)}`),
  );
  ctx.say(`SHA-256 ${fingerprint}`);
  if (!encrypted) {
    ctx.say(
      text(
        'Attention : clé non chiffrée (pas de phrase de passe).',
        'Warning: the key is not encrypted (no passphrase).',
      ),
    );
  }
}
