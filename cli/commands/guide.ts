import { readFile, writeFile } from 'node:fs/promises';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import { realSystem } from '../../core/run/system.js';
import { FULL_TIME_BOXES, QUICK_TIME_BOXES } from '../../diagnostics/types.js';
import { isNetbooted } from '../../session/hub/netboot.js';
import { hubSyncFollower } from '../../session/hub/sync-follower.js';
import type { CommandContext } from '../io.js';
import { certificateService } from '../tui/certificate-service.js';
import { diagnosticsService } from '../tui/diagnostics-service.js';
import { parseOnlyDevices, realGuideServices } from '../tui/real-services.js';
import type { GuideServices } from '../tui/services.js';
import type { Glyphs } from '../tui/state/types.js';

export interface GuideOptions {
  /** Comma-separated device paths: show only these drives (tests, benches). Shown on screen as a banner. */
  onlyDevices?: string;
  /** One typed word confirms the whole batch instead of each drive's serial. */
  technician?: boolean;
  /** Offer "power off" at the end: the no-argument default on the live system only. */
  allowPowerOff?: boolean;
  checkpointInterval?: string;
  /** Short time boxes for the automatic hardware tests. */
  quick?: boolean;
  /** Skip the hardware tests (a bench that only erases). */
  noDiagnostics?: boolean;
}

/**
 * Arrows for the list markers only where the terminal surely draws them: the Linux console's font (TERM=linux,
 * the live image's tty1) has accents but no arrows, and a non-UTF-8 locale has neither.
 */
export function glyphsFor(env: NodeJS.ProcessEnv): Glyphs {
  const term = env.TERM ?? '';
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return term !== '' && term !== 'linux' && term !== 'dumb' && /utf-?8/i.test(locale) ? 'unicode' : 'ascii';
}

/** `gomme guide` (and `gomme` alone on the live system): the step-by-step screens for trainees. */
export async function guideCommand(ctx: CommandContext, options: GuideOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      text(
        'Le guide a besoin d’un terminal (écran et clavier). Dans un script, utilisez gomme erase.',
        'The guide needs a terminal (screen and keyboard). In a script, use gomme erase.',
      ),
    );
  }
  const system = realSystem();
  // Read by the grading once intake is done (the public-donor flag caps the resale price).
  let publicDonor = false;
  const checkpointMs = options.checkpointInterval ? Number(options.checkpointInterval) : undefined;
  const services: GuideServices = realGuideServices({
    system,
    dataDir: resolveDataDir(ctx.env),
    env: ctx.env,
    lang: ctx.lang,
    onlyDevices: parseOnlyDevices(options.onlyDevices),
    checkpointMs: checkpointMs && checkpointMs > 0 ? checkpointMs : undefined,
    powerOff: options.allowPowerOff
      ? async () => {
          await system.runner.run('systemctl', ['poweroff'], { timeoutMs: 30_000 });
        }
      : undefined,
    diagnostics: options.noDiagnostics
      ? undefined
      : diagnosticsService(system, {
          timeBoxes: options.quick ? QUICK_TIME_BOXES : FULL_TIME_BOXES,
          publicDonor: () => publicDonor,
          keep: { dataDir: resolveDataDir(ctx.env), env: ctx.env },
        }),
    certificates: certificateService({ dataDir: resolveDataDir(ctx.env), env: ctx.env, lang: ctx.lang }),
  });
  // Records and certificates go to the workshop's hub after each machine; netbooted, the guide waits for them.
  services.hub = hubSyncFollower(resolveDataDir(ctx.env), ctx.env, {
    journalInRam: isNetbooted(await system.files.read('/proc/cmdline')),
  });
  const memory = services.memory;
  services.memory = {
    load: () => memory.load(),
    async save(value) {
      publicDonor = value.intake.publicDonor;
      await memory.save(value);
    },
  };
  const erase = services.erase;
  // SIGTERM/SIGHUP (console closed, system shutting down) stop the jobs at a checkpoint like Ctrl-C does.
  services.erase = {
    async run(plans, run) {
      const controller = new AbortController();
      const stop = () => controller.abort();
      run.signal.addEventListener('abort', stop);
      process.on('SIGTERM', stop);
      process.on('SIGHUP', stop);
      try {
        return await erase.run(plans, { ...run, signal: controller.signal });
      } finally {
        process.off('SIGTERM', stop);
        process.off('SIGHUP', stop);
      }
    },
  };
  const { runGuide } = await import('../tui/run-guide.js');
  // The live image keeps one guide loaded and waiting on tty1 (GOMME_GUIDE_STANDBY names a FIFO), so a guide that
  // ends or crashes is replaced at once: under emulation, loading Node and Ink alone takes longer than 5 s.
  const standby = ctx.env.GOMME_GUIDE_STANDBY;
  if (standby) {
    const { warmUpGuide } = await import('../tui/warm-up.js');
    await warmUpGuide(ctx.lang);
    // Loaded and warm: say so (tty1 shows "loading" until then), then wait for the word to start.
    await writeFile(`${standby}.ready`, '');
    await readFile(standby);
    // Whatever tty1 showed while this one loaded ("loading…", a message about the previous guide) goes away.
    ctx.stdout.write('\x1b[H\x1b[2J');
  }
  const last = await runGuide(services, {
    lang: ctx.lang,
    technician: options.technician ?? false,
    glyphs: glyphsFor(ctx.env),
  });
  // On tty1 the next guide takes the screen at once: leave the last words ("Rien n'a été effacé") up a moment.
  if (standby && last?.quit) await new Promise((resolve) => setTimeout(resolve, 2000));
  services.hub.stop();
  if (last?.powerOffRequested && services.powerOff) await services.powerOff();
  const results = last?.erase.results ?? [];
  if (results.some((r) => r.result === 'ABORTED')) return ExitCode.INTERRUPTED;
  if (results.some((r) => r.result === 'FAILED')) return ExitCode.PARTIAL;
  return ExitCode.OK;
}
