import { setTimeout as sleep } from 'node:timers/promises';
import { discoverDrives } from '../../core/detect/discover-drives.js';
import type { Drive } from '../../core/drive.js';
import { DeviceNotFoundError, GommeError, NeedsRootError, ProtectedDeviceError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { resolveDataDir } from '../../core/journal/data-dir.js';
import { openJournal } from '../../core/journal/index.js';
import { realSystem } from '../../core/run/system.js';
import { unfreezeDrive } from '../../erasure/purge/unfreeze.js';
import { unlockDrive } from '../../erasure/purge/unlock.js';
import type { CommandContext } from '../io.js';

async function findDrive(
  device: string,
): Promise<{ drive: Drive; runner: ReturnType<typeof realSystem>['runner'] }> {
  if (process.getuid?.() !== 0) throw new NeedsRootError(`gomme ${device}`);
  const system = realSystem();
  const { drives } = await discoverDrives(system);
  const drive = drives.find((d) => d.path === device || d.byIdPath === device);
  if (!drive) throw new DeviceNotFoundError(device);
  if (drive.protected) throw new ProtectedDeviceError(device, drive.protections);
  return { drive, runner: system.runner };
}

function requireYes(yes: boolean | undefined, what: string): void {
  if (yes) return;
  throw new GommeError(
    'not-confirmed',
    text(`${what} : ajoutez --yes pour confirmer.`, `${what}: add --yes to confirm.`),
    { exitCode: ExitCode.REFUSED },
  );
}

/** Removes the temporary password an interrupted ATA Security Erase left, so no donated drive stays locked. */
export async function unlockCommand(
  ctx: CommandContext,
  device: string,
  options: { yes?: boolean },
): Promise<number> {
  const { drive, runner } = await findDrive(device);
  requireYes(options.yes, 'gomme unlock');
  const journal = openJournal(resolveDataDir(ctx.env));
  try {
    const result = await unlockDrive(drive, { runner, now: Date.now, vault: journal.passwords });
    if (ctx.json)
      ctx.say(
        JSON.stringify({ type: 'unlock', device, status: result.status, message: result.message[ctx.lang] }),
      );
    else ctx.say(`${device}: ${result.message[ctx.lang]}`);
    return result.status === 'unlocked' || result.status === 'not-locked'
      ? ExitCode.OK
      : ExitCode.NOT_SUPPORTED;
  } finally {
    journal.close();
  }
}

/** Suspends the machine a few seconds (rtcwake) so frozen ATA drives accept security commands again. */
export async function unfreezeCommand(
  ctx: CommandContext,
  device: string,
  options: { yes?: boolean; seconds?: string },
): Promise<number> {
  const { drive, runner } = await findDrive(device);
  requireYes(options.yes, 'gomme unfreeze');
  const suspendSeconds = options.seconds ? Number(options.seconds) : undefined;
  const result = await unfreezeDrive(
    drive,
    { runner, now: Date.now, sleep: (ms) => sleep(ms) },
    { suspendSeconds },
  );
  if (ctx.json)
    ctx.say(
      JSON.stringify({ type: 'unfreeze', device, status: result.status, message: result.message[ctx.lang] }),
    );
  else ctx.say(`${device}: ${result.message[ctx.lang]}`);
  return result.status === 'unfrozen' || result.status === 'not-frozen'
    ? ExitCode.OK
    : ExitCode.NOT_SUPPORTED;
}
