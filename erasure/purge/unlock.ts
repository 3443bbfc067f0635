/**
 * Gives back a drive that an interrupted ATA Security Erase left password-protected: SECURITY UNLOCK, then
 * SECURITY DISABLE PASSWORD, with the password gomme kept in the vault. IDENTIFY is re-read after each command
 * (hdparm exit 0 is not success), and the password is forgotten only once the drive shows "not enabled".
 */
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import { securityArgs } from '../../core/tools/hdparm/args.js';
import { readSecurity } from './ata-identify.js';
import { ATA_TEXT } from './ata-messages.js';
import { CommandLog, type CommandLogDeps } from './command-log.js';
import type { CommandRecord } from './engine.js';
import type { PasswordVault } from './password-vault.js';

export type UnlockStatus =
  | 'unlocked'
  | 'not-locked'
  | 'unknown-password'
  | 'attempts-exceeded'
  | 'frozen'
  | 'failed'
  | 'unreadable';

export interface UnlockResult {
  status: UnlockStatus;
  message: Text;
  commands: CommandRecord[];
}

const TIMEOUT_MS = 30_000;

/** True when the drive has a password set (enabled or locked) and gomme holds a password for its serial. */
export async function isGommeLocked(drive: Drive, vault: PasswordVault): Promise<boolean> {
  const sec = drive.capabilities.ataSecurity;
  if (drive.serial === null || (sec?.enabled !== true && sec?.locked !== true)) return false;
  return (await vault.recall(drive.serial)) !== null;
}

export async function unlockDrive(
  drive: Drive,
  deps: CommandLogDeps & { vault: PasswordVault },
): Promise<UnlockResult> {
  const log = new CommandLog(deps);
  const done = (status: UnlockStatus, message: Text): UnlockResult => ({
    status,
    message,
    commands: log.commands,
  });
  const dev = drive.path;
  const serial = drive.serial;
  const password = serial === null ? null : await deps.vault.recall(serial);
  if (serial === null || password === null) {
    return done(
      'unknown-password',
      text(
        'gomme n’a pas de mot de passe pour ce disque : il a été posé par autre chose (BIOS, autre outil).',
        'gomme holds no password for this drive: something else set it (BIOS, another tool).',
      ),
    );
  }
  const before = await readSecurity(log, dev);
  const sec = before.security;
  if (sec === null) return done('unreadable', ATA_TEXT.identifyUnreadable);
  if (sec.enabled === false && sec.locked === false) {
    await deps.vault.forget(serial);
    return done('not-locked', text('Le disque n’a pas de mot de passe.', 'The drive has no password set.'));
  }
  if (sec.countExpired === true) return done('attempts-exceeded', ATA_TEXT.attemptsExceeded);

  if (sec.locked === true) {
    await log.run('hdparm', securityArgs('security-unlock', password, dev), TIMEOUT_MS, [password]);
    const unlocked = await readSecurity(log, dev);
    if (unlocked.security?.locked !== false) return done('failed', failed('SECURITY UNLOCK'));
  } else if (sec.frozen === true) {
    // Enabled, unlocked and frozen (SEC6): DISABLE PASSWORD is refused until the drive is unfrozen.
    return done('frozen', ATA_TEXT.frozen);
  }
  await log.run('hdparm', securityArgs('security-disable', password, dev), TIMEOUT_MS, [password]);
  const after = await readSecurity(log, dev);
  if (after.security?.enabled !== false) return done('failed', failed('SECURITY DISABLE PASSWORD'));
  await deps.vault.forget(serial);
  return done(
    'unlocked',
    text(
      'Disque déverrouillé, mot de passe retiré : il est utilisable normalement.',
      'Drive unlocked and password removed: it works normally again.',
    ),
  );
}

const failed = (command: string): Text =>
  text(
    `Le disque n’a pas accepté ${command} ; le mot de passe reste gardé. Éteignez et rallumez le disque puis réessayez.`,
    `The drive did not accept ${command}; the password is still kept. Power-cycle the drive and try again.`,
  );
