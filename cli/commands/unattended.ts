import { once } from 'node:events';
import { join } from 'node:path';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import { realSystem } from '../../core/run/system.js';
import { type CommandContext, makeContext } from '../io.js';
import { announceDecision } from '../unattended/decision-file.js';
import { TeeSink } from '../unattended/line-sink.js';
import { readParams, runUnattended } from '../unattended/run-unattended.js';

export interface UnattendedOptions {
  /** Also write every NDJSON line to this device (the live image passes /dev/ttyS0). */
  serial?: string;
  dryRun?: boolean;
  /** The live image's boot unit: wait for udev before discovering drives (see UnattendedRunOptions). */
  waitForDisks?: boolean;
  /** The live image's boot unit: systemd units started beside this run, waited for after its start event. */
  bootUnits?: readonly string[];
}

/** `--boot-units gomme-data.service,gomme-network.service` → the unit names. */
export function bootUnitsOption(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((unit) => unit.trim())
    .filter((unit) => unit !== '');
}

/**
 * `gomme unattended`: runs what gomme.mode= (kernel command line or SMBIOS OEM strings) asks, without a single
 * question. Without gomme.mode it does nothing and exits 0, so the live image can always start it.
 */
export async function unattendedCommand(ctx: CommandContext, options: UnattendedOptions): Promise<number> {
  const system = realSystem();
  const outcome = await readParams(system);
  await announceDecision(ctx.env.GOMME_UNATTENDED_STATE, outcome);
  const bootUnits = options.bootUnits ?? [];
  if (outcome.kind === 'none') {
    // The netboot menu's guided entry: enrol now (once the network is up), so the guide pushes each machine to
    // the hub.
    const { enrolGuidedStation } = await import('../unattended/netboot-enrol.js');
    await enrolGuidedStation(ctx, system, options.serial, bootUnits);
    ctx.stderr.write(
      `${text('Pas de gomme.mode : rien à faire sans surveillance.', 'No gomme.mode: nothing to do unattended.')[ctx.lang]}\n`,
    );
    return ExitCode.OK;
  }
  const tee = new TeeSink(ctx.stdout);
  if (options.serial) tee.addDevice(options.serial);
  // The run's own log lands beside the journal on the data partition, whatever the outcome: once the boot units
  // are up (the partition may still be mounting at the start event), with every line written before.
  const mode = outcome.kind === 'ok' ? outcome.params.mode : 'invalid';
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  tee.holdForFile();
  let logged = false;
  const addLogFile = () => {
    if (logged) return;
    logged = true;
    tee.addFile(join(resolveDataDir(ctx.env), 'unattended', `${stamp}-${mode}.ndjson`));
    for (const failure of tee.failures)
      ctx.stderr.write(`gomme unattended: ${failure.path}: ${failure.message}\n`);
  };

  const runCtx = makeContext({ stdout: tee, stderr: ctx.stderr, env: ctx.env }, ctx.lang, true);
  let code: number;
  try {
    code = await runUnattended(
      runCtx,
      outcome,
      {
        system,
        now: () => new Date(),
        erase: async (eraseCtx, devices, eraseOptions) => {
          const { eraseCommand } = await import('./erase.js');
          return eraseCommand(eraseCtx, devices, eraseOptions);
        },
      },
      {
        dryRun: options.dryRun === true,
        waitForDisks: options.waitForDisks === true,
        bootUnits,
        onBootReady: addLogFile,
      },
    );
  } finally {
    addLogFile(); // a run that failed before its boot units were up
    tee.end();
    await once(tee, 'finish');
    tee.close();
  }
  // Power off only after a clean run: a PC left on with its screen showing an error is how a failure is noticed.
  if (outcome.kind === 'ok' && outcome.params.poweroff && !options.dryRun) {
    if (code === ExitCode.OK) {
      ctx.stderr.write(`gomme unattended: ${text('extinction', 'power off')[ctx.lang]}\n`);
      await system.runner.run('systemctl', ['poweroff', '--no-block']);
    } else {
      const stay = text(
        `code de sortie ${code} : la machine reste allumée pour que l’échec reste à l’écran`,
        `exit ${code}: not powering off, so the failure stays on screen`,
      );
      ctx.stderr.write(`gomme unattended: ${stay[ctx.lang]}\n`);
    }
  }
  return code;
}
