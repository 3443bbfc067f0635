import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { ExecaStreamRunner } from '../../core/run/execa-runner.js';
import { realSystem } from '../../core/run/system.js';
import type { CommandContext } from '../io.js';
import { type NetbootOptions, netbootChoice, netbootDir } from './hub-netboot.js';

export interface HubServeOptions extends Partial<NetbootOptions> {
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
  const dataDir = resolveHubDataDir(options.data, ctx.env);
  const netbootAsked = netbootChoice({ netbootDefault: 'guided', ...options }, listen.host);
  const netboot = netbootAsked
    ? await (await import('../../hub/index.js')).prepareNetboot(realSystem().runner, {
        ...netbootAsked,
        port: listen.port,
        lang: ctx.lang,
        dir: netbootDir(dataDir),
      })
    : null;
  const hub = await startHub(
    {
      dataDir,
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
      ...(netboot ? { extraRoutes: [netboot.route] } : {}),
    },
  );
  let served: Awaited<ReturnType<NonNullable<typeof netboot>['start']>> | null = null;
  if (netboot) {
    try {
      served = await netboot.start(hub.deps.db, new ExecaStreamRunner());
    } catch (error) {
      await hub.close();
      throw error;
    }
    ctx.stderr.write(
      `${
        text(
          `gomme hub : démarrage réseau sur ${netbootAsked?.interface} (${netbootAsked?.dhcpRange ? `adresses ${netbootAsked.dhcpRange.join('–')}` : 'proxy-DHCP'}), entrée par défaut : ${netbootAsked?.defaultEntry}, code d’inscription valable jusqu’au ${served.enrolExpiresAt} ; journal : ${served.dnsmasqLog}`,
          `gomme hub: network boot on ${netbootAsked?.interface} (${netbootAsked?.dhcpRange ? `addresses ${netbootAsked.dhcpRange.join('–')}` : 'proxy-DHCP'}), default entry: ${netbootAsked?.defaultEntry}, enrolment code valid until ${served.enrolExpiresAt}; log: ${served.dnsmasqLog}`,
        )[ctx.lang]
      }\n`,
    );
  }
  ctx.stderr.write(
    `${text(`gomme hub : prêt sur ${hub.url} (${hub.deps.db.description})`, `gomme hub: ready on ${hub.url} (${hub.deps.db.description})`)[ctx.lang]}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  ctx.stderr.write(`${text('gomme hub : arrêt…', 'gomme hub: stopping…')[ctx.lang]}\n`);
  await served?.stop();
  await hub.close();
  return ExitCode.OK;
}
