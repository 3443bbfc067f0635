import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import type { PushRun } from '../../session/hub/push-outbox.js';
import { syncStation } from '../../session/hub/sync-station.js';
import type { CommandContext } from '../io.js';

/**
 * `gomme sync [--json] [--wait S]`: pushes everything waiting; exit 0 only when the hub acknowledged it all,
 * 14 when some remain (unreachable hub, refused items: their reason is printed and kept).
 * The last `--json` line: {"type":"sync-result","pushed":n,"pending":n,"rejected":[…]}.
 */
export async function syncCommand(
  ctx: CommandContext,
  options: { wait: string; passphraseFile?: string; json?: boolean },
): Promise<number> {
  const wait = Math.max(0, Number(options.wait) || 0);
  const run = await syncStation(resolveDataDir(ctx.env), ctx.env, {
    retryForMs: wait * 1000,
    passphraseFile: options.passphraseFile,
  });
  report(ctx, run);
  return run.pending === 0 ? ExitCode.OK : ExitCode.SYNC_PENDING;
}

export function report(ctx: CommandContext, run: PushRun): void {
  if (ctx.json) {
    ctx.stdout.write(
      `${JSON.stringify({
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
        ...(run.unavailable ? { unavailable: run.unavailable[ctx.lang] } : {}),
      })}\n`,
    );
    return;
  }
  for (const r of run.rejected)
    ctx.say(
      text(
        `refusé par le hub : ${r.kind} ${r.ref} (${r.status ?? '-'}) : ${r.reason.fr}`,
        `refused by the hub: ${r.kind} ${r.ref} (${r.status ?? '-'}): ${r.reason.en}`,
      ),
    );
  if (run.unavailable)
    ctx.say(text(`hub indisponible : ${run.unavailable.fr}`, `hub unavailable: ${run.unavailable.en}`));
  ctx.say(
    run.pending === 0
      ? text(
          `${run.pushed} élément(s) envoyé(s) ; tout est au hub.`,
          `${run.pushed} item(s) pushed; the hub has everything.`,
        )
      : text(
          `${run.pushed} élément(s) envoyé(s) ; ${run.pending} en attente sur ce poste (rien n’est perdu, « gomme sync » réessaiera).`,
          `${run.pushed} item(s) pushed; ${run.pending} waiting on this station (nothing is lost, "gomme sync" will retry).`,
        ),
  );
}
