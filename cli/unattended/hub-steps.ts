import { hostname } from 'node:os';
import { readHubLink } from '../../certificates/hub-link.js';
import { readPassphrase } from '../../certificates/keys/input-files.js';
import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import { enrolStation } from '../../session/hub/enrol-station.js';
import { fetchHubClient, type HubClient } from '../../session/hub/hub-client.js';
import { syncStation } from '../../session/hub/sync-station.js';
import type { CommandContext } from '../io.js';
import { errorEvent } from './error-event.js';
import { unreachableEvent } from './netboot-station.js';
import type { HubParams } from './params.js';

type Emit = (event: Record<string, unknown>) => void;

/**
 * gomme.enrol=CODE: enrol this station (netbooted, or a stick without a key) before the first byte is written,
 * so every record of this boot is signed station → organisation. A failure refuses the erase (exit 10 or 14):
 * an erasure whose proof could not reach anywhere durable is not started.
 */
export async function enrolForThisBoot(
  ctx: CommandContext,
  hub: HubParams,
  emit: Emit,
  client: HubClient = fetchHubClient(hub.url),
): Promise<number | null> {
  if (!hub.enrolCode) return null;
  const dataDir = resolveDataDir(ctx.env);
  if (readHubLink(dataDir)?.url === hub.url) return null; // enrolled at an earlier boot with the same stick
  try {
    const link = await enrolStation(dataDir, client, {
      hubUrl: hub.url,
      code: hub.enrolCode,
      stationName: hostname(),
      passphrase: readPassphrase(ctx.env, undefined),
      force: true,
    });
    emit({
      type: 'hub',
      phase: 'enrolled',
      at: new Date().toISOString(),
      hub: link.url,
      station: link.stationName,
    });
    return null;
  } catch (error) {
    if (!(error instanceof GommeError)) throw error;
    emit(errorEvent(error, ctx.lang));
    return error.exitCode;
  }
}

/**
 * After the erase: push what is queued (records, PDFs) to the hub of gomme.hub= or of DATA/hub.json, retrying
 * for a minute. The exit code becomes 14 when something stayed queued and the erase itself succeeded, so the
 * machine does not power off with proof that never left it.
 */
export async function syncAfterRun(
  ctx: CommandContext,
  hub: HubParams | null,
  code: number,
  emit: Emit,
  options: {
    retryForMs?: number;
    client?: HubClient;
    /** Netbooted (journal in RAM): retry until the hub acknowledges everything, saying so at each wait. */
    untilAcknowledged?: boolean;
    sleep?(ms: number): Promise<void>;
  } = {},
): Promise<number> {
  const dataDir = resolveDataDir(ctx.env);
  const url = hub?.url ?? readHubLink(dataDir)?.url;
  if (!url) return code;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  try {
    const run = await syncStation(dataDir, ctx.env, {
      hubUrl: url,
      retryForMs: options.untilAcknowledged ? Number.POSITIVE_INFINITY : (options.retryForMs ?? 60_000),
      ...(options.client ? { client: options.client } : {}),
      sleep: async (ms) => {
        if (options.untilAcknowledged) {
          const event = unreachableEvent(new Date().toISOString(), ms, null);
          emit({ ...event, message: event.message[ctx.lang] });
          ctx.stderr.write(`${event.message[ctx.lang]}\n`);
        }
        await sleep(ms);
      },
    });
    emit({
      type: 'sync-result',
      pushed: run.pushed,
      pending: run.pending,
      rejected: run.rejected.map((r) => ({
        kind: r.kind,
        ref: r.ref,
        status: r.status,
        code: r.code,
        reason: r.reason[ctx.lang],
      })),
    });
    return run.pending > 0 && code === ExitCode.OK ? ExitCode.SYNC_PENDING : code;
  } catch (error) {
    if (!(error instanceof GommeError)) throw error;
    emit(errorEvent(error, ctx.lang));
    return code === ExitCode.OK ? ExitCode.SYNC_PENDING : code;
  }
}
