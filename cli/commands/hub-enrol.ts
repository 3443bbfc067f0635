import { hostname } from 'node:os';
import { readPassphrase } from '../../certificates/keys/input-files.js';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import { enrolStation } from '../../session/hub/enrol-station.js';
import { fetchHubClient } from '../../session/hub/hub-client.js';
import type { CommandContext } from '../io.js';

/** `gomme hub enrol URL --code CODE [--name N] [--public-url U] [--force]` on a station. */
export async function hubEnrolCommand(
  ctx: CommandContext,
  url: string,
  options: { code: string; name?: string; publicUrl?: string; force?: boolean; passphraseFile?: string },
): Promise<number> {
  for (const [flag, value] of [
    ['URL', url],
    ['--public-url', options.publicUrl],
  ] as const)
    if (value !== undefined && !/^https?:\/\/[^\s/]+/.test(value))
      throw new UsageError(
        text(`${flag} : adresse http(s) attendue`, `${flag}: an http(s) address is expected`),
      );
  const dataDir = resolveDataDir(ctx.env);
  const link = await enrolStation(dataDir, fetchHubClient(url), {
    hubUrl: url.replace(/\/+$/, ''),
    code: options.code,
    stationName: options.name ?? hostname(),
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    passphrase: readPassphrase(ctx.env, options.passphraseFile),
    force: options.force ?? false,
  });
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ type: 'enrolled', ...link })}\n`);
  else
    ctx.say(
      text(
        `Poste « ${link.stationName} » inscrit auprès de ${link.url} (${link.organisation}). Ses certificats seront signés poste → organisation${link.publicUrl ? ` ; leur QR code mène à ${link.publicUrl}` : ''}.`,
        `Station "${link.stationName}" enrolled with ${link.url} (${link.organisation}). Its certificates will be signed station → organisation${link.publicUrl ? `; their QR code leads to ${link.publicUrl}` : ''}.`,
      ),
    );
  return ExitCode.OK;
}
