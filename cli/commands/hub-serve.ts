import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import type { CommandContext } from '../io.js';

export interface HubServeOptions {
  data?: string;
  database?: string;
  listen: string;
  publicUrl?: string;
  organisation?: string;
  trustProxy?: string;
}

/**
 * `gomme hub serve`: runs until SIGTERM or Ctrl-C, then stops accepting, lets the uploads in flight finish and
 * closes the database. Logs are JSON lines on stdout (GOMME_HUB_LOG_LEVEL, default info).
 */
export async function hubServeCommand(ctx: CommandContext, options: HubServeOptions): Promise<number> {
  const { parseListen, resolveHubDataDir, startHub } = await import('../../hub/index.js');
  const listen = parseListen(options.listen);
  if (!listen)
    throw new UsageError(
      text(
        `--listen « ${options.listen} » : attendu HÔTE:PORT`,
        `--listen "${options.listen}": expected HOST:PORT`,
      ),
    );
  if (options.publicUrl && !/^https?:\/\/[^\s]+$/.test(options.publicUrl))
    throw new UsageError(
      text('--public-url : adresse http(s) attendue', '--public-url: an http(s) address is expected'),
    );
  const hub = await startHub(
    {
      dataDir: resolveHubDataDir(options.data, ctx.env),
      databaseUrl: options.database,
      host: listen.host,
      port: listen.port,
      publicUrl: options.publicUrl?.replace(/\/+$/, '') ?? null,
      organisation: options.organisation,
      keyPassphrase: ctx.env.GOMME_HUB_KEY_PASSPHRASE,
    },
    {
      logger: { level: ctx.env.GOMME_HUB_LOG_LEVEL ?? 'info' },
      limits: {
        ...(ctx.env.GOMME_HUB_PUBLIC_PER_MINUTE
          ? { publicPerMinute: Number(ctx.env.GOMME_HUB_PUBLIC_PER_MINUTE) }
          : {}),
        ...(ctx.env.GOMME_HUB_INGEST_PER_MINUTE
          ? { ingestPerMinute: Number(ctx.env.GOMME_HUB_INGEST_PER_MINUTE) }
          : {}),
        ...(ctx.env.GOMME_HUB_ENROL_PER_MINUTE
          ? { enrolPerMinute: Number(ctx.env.GOMME_HUB_ENROL_PER_MINUTE) }
          : {}),
      },
      ...(options.trustProxy ? { trustProxy: options.trustProxy.split(',').map((a) => a.trim()) } : {}),
    },
  );
  ctx.stderr.write(
    `${text(`gomme hub : prêt sur ${hub.url} (${hub.deps.db.description})`, `gomme hub: ready on ${hub.url} (${hub.deps.db.description})`)[ctx.lang]}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  ctx.stderr.write(`${text('gomme hub : arrêt…', 'gomme hub: stopping…')[ctx.lang]}\n`);
  await hub.close();
  return ExitCode.OK;
}
