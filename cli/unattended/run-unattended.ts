import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Drive } from '../../core/drive.js';
import { GommeError, ToolMissingError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { type Text, text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import type { System } from '../../core/run/system.js';
import { OVERWRITE_METHOD_IDS, PURGE_ENGINE_IDS } from '../../core/words/methods.js';
import type { TimeBoxes } from '../../diagnostics/types.js';
import { AUTO_METHOD } from '../../erasure/plan/auto-method.js';
import type { EraseOptions } from '../commands/erase.js';
import type { CommandContext } from '../io.js';
import { waitForBootUnits } from './boot-units.js';
import { errorEvent } from './error-event.js';
import { isNetbooted } from './netboot-station.js';
import { type ParamsOutcome, resolveUnattendedParams, type UnattendedParams } from './params.js';

/** What the unattended run needs from outside; tests give fakes. */
export interface UnattendedDeps {
  system: System;
  /** `gomme erase DEV… --method M --verify V --yes --json` in-process: same events, same result line. */
  erase(ctx: CommandContext, devices: string[], options: EraseOptions): Promise<number>;
  now(): Date;
  /** gomme.mode=diag's time boxes (default: the full ones, as `gomme diag`); tests pass the quick ones. */
  diagTimeBoxes?: TimeBoxes;
}

export interface UnattendedRunOptions {
  dryRun: boolean;
  /**
   * The live image's boot unit: wait for udev to have seen every disk before choosing targets (the unit starts
   * before udev settles, so the boot does not wait for it when no drive is about to be chosen).
   */
  waitForDisks?: boolean;
  /**
   * The live image's boot unit starts before its data partition and network: these systemd units are waited for
   * right after the start event (boot-units.ts), then onBootReady is called (the caller's log file).
   */
  bootUnits?: readonly string[];
  onBootReady?: () => void;
}

/** Reads the parameters through the runner boundary (dmidecode) and the files boundary (/proc/cmdline). */
export async function readParams(system: System): Promise<ParamsOutcome> {
  const cmdline = await system.files.read('/proc/cmdline');
  let dmidecodeType11: string | null = null;
  try {
    const result = await system.runner.run('dmidecode', ['-t', '11']);
    if (result.exitCode === 0) dmidecodeType11 = result.stdout;
  } catch (error) {
    // Without dmidecode there are no OEM strings; the kernel command line still works.
    if (!(error instanceof ToolMissingError)) throw error;
  }
  return resolveUnattendedParams({ cmdline, dmidecodeType11, methods: unattendedMethodIds() });
}

/**
 * Whatever `gomme erase --method` takes: auto (the strongest per drive), an overwrite, or a firmware engine. From
 * the ids core/words mirrors, not the engines themselves: loading those comes after the start event.
 */
export function unattendedMethodIds(): string[] {
  return [AUTO_METHOD, ...OVERWRITE_METHOD_IDS, ...PURGE_ENGINE_IDS];
}

/**
 * Discovery and the erase engine are imported only after the start event is out: under emulation, loading
 * them takes seconds, and the start event is how a watcher knows the machine booted into gomme.
 *
 * One unattended run: every line on ctx.stdout is one NDJSON event. Never asks anything; refuses (exit 2 or 3)
 * rather than guess. Returns the exit code: for erase, gomme erase's own.
 */
export async function runUnattended(
  ctx: CommandContext,
  outcome: ParamsOutcome & { kind: 'ok' | 'invalid' },
  deps: UnattendedDeps,
  options: UnattendedRunOptions,
): Promise<number> {
  const emit = (event: Record<string, unknown>) => ctx.stdout.write(`${JSON.stringify(event)}\n`);
  const at = () => deps.now().toISOString();
  const uptime = Number.parseFloat((await deps.system.files.read('/proc/uptime')) ?? '');
  const base = { type: 'unattended', at: at(), uptimeSeconds: Number.isFinite(uptime) ? uptime : null };
  const bootReady = async () => {
    const notReady = await waitForBootUnits(deps.system.runner, options.bootUnits ?? []);
    if (notReady) emit({ type: 'warning', at: at(), message: notReady[ctx.lang] });
    options.onBootReady?.();
  };
  if (outcome.kind === 'invalid') {
    emit({ ...base, phase: 'start', source: outcome.source, params: null });
    await bootReady();
    return refuse(emit, 'unattended-params', ExitCode.USAGE, outcome.errors, ctx);
  }
  const { params, warnings } = outcome;
  emit({ ...base, phase: 'start', source: params.source, params, dryRun: options.dryRun });
  for (const warning of warnings) emit({ type: 'warning', at: at(), message: warning[ctx.lang] });
  await bootReady();

  if (params.mode === 'capture' || params.mode === 'diag') {
    if (options.waitForDisks) await waitForDisks(deps, emit, at, ctx);
    const { enrolForThisBoot, syncAfterRun } = await import('./hub-steps.js');
    // A netbooted diag enrols like an erase, so its report can reach the hub; a refusal is already on the
    // stream, and the report is still kept on this machine (the push below says what stayed).
    if (params.mode === 'diag' && params.hub && !options.dryRun)
      await enrolForThisBoot(ctx, params.hub, emit);
    const code = await capture(ctx, deps, emit, at);
    if (params.mode === 'diag' && !options.dryRun) {
      const { diagnoseUnattended } = await import('./diag-step.js');
      const { FULL_TIME_BOXES } = await import('../../diagnostics/types.js');
      await diagnoseUnattended(ctx, deps, emit, deps.diagTimeBoxes ?? FULL_TIME_BOXES);
    }
    return syncAfterRun(ctx, params.hub, code, emit, {
      untilAcknowledged: isNetbooted(await deps.system.files.read('/proc/cmdline')),
    });
  }
  const spec = params.targets;
  if (spec && options.waitForDisks) await waitForDisks(deps, emit, at, ctx);
  if (!spec)
    return refuse(
      emit,
      'unattended-params',
      ExitCode.USAGE,
      [text('Cibles manquantes.', 'Targets missing.')],
      ctx,
    );
  const { discoverDrives } = await import('../../core/detect/discover-drives.js');
  const { chooseTargets } = await import('./targets.js');
  const discovery = await discoverDrives(deps.system);
  const choice = chooseTargets(discovery.drives, spec);
  emit({
    type: 'unattended',
    phase: 'targets',
    at: at(),
    targets: choice.targets.map((d) => ({
      device: d.path,
      serial: d.serial,
      model: d.model,
      transport: d.transport,
      sizeBytes: d.sizeBytes,
    })),
    skipped: choice.skipped.map(({ drive, why }) => ({ device: drive.path, serial: drive.serial, why })),
  });
  if (choice.errors.length > 0)
    return refuse(emit, 'unattended-targets', ExitCode.REFUSED, choice.errors, ctx);
  // The hub steps load pkijs and fetch: after the start event too.
  const { enrolForThisBoot, syncAfterRun } = await import('./hub-steps.js');
  if (params.hub && !options.dryRun) {
    const refused = await enrolForThisBoot(ctx, params.hub, emit);
    if (refused !== null) return refused;
  }
  const code = await eraseChosen(ctx, choice.targets, params, deps, options);
  if (options.dryRun) return code;
  return syncAfterRun(ctx, params.hub, code, emit, {
    untilAcknowledged: isNetbooted(await deps.system.files.read('/proc/cmdline')),
  });
}

/**
 * The erase step once the targets are chosen: `gomme erase` in-process, so the same session (checks before the
 * first byte, journal, record, certificates), with its NDJSON on stdout, which the caller tees to the serial
 * console and the data partition: an emergency copy of the records lands there too.
 */
export async function eraseChosen(
  ctx: CommandContext,
  targets: readonly Drive[],
  params: Pick<UnattendedParams, 'method' | 'verify'>,
  deps: Pick<UnattendedDeps, 'erase'>,
  options: UnattendedRunOptions,
): Promise<number> {
  const emit = (event: Record<string, unknown>) => ctx.stdout.write(`${JSON.stringify(event)}\n`);
  const devices = targets.map((d) => d.byIdPath ?? d.path);
  try {
    return await deps.erase(ctx, devices, {
      ...(params.method ? { method: params.method } : {}),
      ...(params.verify ? { verify: params.verify } : {}),
      yes: true,
      ...(options.dryRun ? { dryRun: true } : {}),
    });
  } catch (error) {
    if (!(error instanceof GommeError)) throw error;
    emit(errorEvent(error, ctx.lang));
    return error.exitCode;
  }
}

/** Capture: the bundle goes to the data partition, then the `gomme drives --json` object ends the stream. */
/**
 * udevadm settle through the runner: every disk the kernel found is known (a USB disk can take seconds to
 * enumerate). A timeout is said and the run goes on with what is known, as a technician would.
 */
async function waitForDisks(
  deps: UnattendedDeps,
  emit: (event: Record<string, unknown>) => void,
  at: () => string,
  ctx: CommandContext,
): Promise<void> {
  emit({ type: 'unattended', phase: 'waiting-for-disks', at: at() });
  const settled = await deps.system.runner.run('udevadm', ['settle', '--timeout=60']);
  if (settled.exitCode !== 0)
    emit({
      type: 'warning',
      at: at(),
      message: text(
        'Certains disques ne sont peut-être pas encore détectés (udev n’a pas fini en 60 s).',
        'Some disks may not be detected yet (udev did not finish within 60 s).',
      )[ctx.lang],
    });
}

async function capture(
  ctx: CommandContext,
  deps: UnattendedDeps,
  emit: (event: Record<string, unknown>) => void,
  at: () => string,
): Promise<number> {
  const { discoverDrives } = await import('../../core/detect/discover-drives.js');
  const { recordingSystem } = await import('../../core/run/system.js');
  const { emptyBundle } = await import('../../core/run/bundle.js');
  const { drivesJson } = await import('../output/drives-view.js');
  const recording = recordingSystem(deps.system, emptyBundle(deps.now()));
  const discovery = await discoverDrives(recording);
  const dir = join(resolveDataDir(ctx.env), 'captures');
  const file = join(dir, `capture-${at().replace(/[:.]/g, '-')}.json`);
  let written = false;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(file, `${JSON.stringify(recording.bundle, null, 1)}\n`, { mode: 0o600 });
    written = true;
    emit({
      type: 'unattended',
      phase: 'capture-written',
      at: at(),
      output: file,
      commands: recording.bundle.commands.length,
    });
  } catch (error) {
    emit({
      type: 'warning',
      at: at(),
      message: `capture bundle not written to ${file}: ${(error as Error).message}`,
    });
  }
  if (written) {
    // Queued for the workshop hub; the bundle is safe on the data partition whatever the journal says.
    const { queueFileForHub } = await import('../../session/hub-queue.js');
    const notQueued = queueFileForHub(resolveDataDir(ctx.env), 'capture', file, deps.now());
    if (notQueued) emit({ type: 'warning', at: at(), message: notQueued.text[ctx.lang] });
  }
  emit(drivesJson(discovery));
  return ExitCode.OK;
}

function refuse(
  emit: (event: Record<string, unknown>) => void,
  code: string,
  exitCode: number,
  errors: Text[],
  ctx: CommandContext,
): number {
  const message = errors.map((e) => e[ctx.lang]).join(' ');
  emit({
    type: 'error',
    code,
    exitCode,
    message,
    hint: text(
      'Rien n’a été effacé. Voir iso-build/README.md (mode sans surveillance).',
      'Nothing was erased. See iso-build/README.md (unattended mode).',
    )[ctx.lang],
  });
  ctx.stderr.write(`gomme unattended: ${message}\n`);
  return exitCode;
}
