/**
 * ATA SECURITY ERASE UNIT (normal or enhanced) through hdparm:
 *   -I → remember password → --security-set-pass → -I (must be "enabled") → --security-erase[-enhanced]
 *   → -I (must be "not enabled": the erase clears the user password) → forget password.
 * Every step is checked by re-reading IDENTIFY (hdparm exits 0 when QEMU ignores the command). The password
 * is stored in the vault *before* it is set, so an interruption never leaves a drive nobody can unlock.
 */
import { randomBytes } from 'node:crypto';
import type { Drive } from '../../core/drive.js';
import { text } from '../../core/i18n.js';
import type { CommandResult } from '../../core/run/runner.js';
import { securityArgs } from '../../core/tools/hdparm/args.js';
import { readSecurity } from './ata-identify.js';
import { ATA_TEXT, ataReachable, securityBlocker } from './ata-messages.js';
import type { PurgeEngine, PurgeEngineId, PurgeOutcome, Supports } from './engine.js';
import { estimatePurgeSeconds, timeoutFor } from './estimate.js';
import { abortedBeforeStart, defineEngine, type PurgeSession, summarize } from './session.js';

const SHORT_TIMEOUT_MS = 30_000;
const TICK_MS = 30_000;

export const defaultAtaPassword = (): string => `gomme-${randomBytes(4).toString('hex')}`;

export function ataSecurityEraseEngine(enhanced: boolean): PurgeEngine {
  const id: PurgeEngineId = enhanced ? 'ata-security-erase-enhanced' : 'ata-security-erase';
  const supports = (drive: Drive): Supports => {
    if (!ataReachable(drive)) return { ok: false, reason: ATA_TEXT.notDirect };
    if (drive.serial === null) return { ok: false, reason: ATA_TEXT.noSerial };
    const blocker = securityBlocker(drive.capabilities.ataSecurity, enhanced);
    return blocker ? { ok: false, reason: blocker.message } : { ok: true };
  };
  return defineEngine(id, supports, (session) => erase(session, enhanced));
}

async function erase(session: PurgeSession, enhanced: boolean): Promise<PurgeOutcome> {
  const { drive, deps } = session;
  const dev = drive.path;
  if (session.aborted) return session.abort(abortedBeforeStart);
  const vault = deps.vault;
  if (!vault) {
    return session.fail(
      'no-password-vault',
      text(
        'Aucun coffre à mot de passe : gomme refuse de poser un mot de passe qu’il pourrait perdre.',
        'No password vault: gomme will not set a password it could lose.',
      ),
    );
  }
  const serial = drive.serial;
  if (serial === null) return session.fail('no-serial', ATA_TEXT.noSerial);

  const before = await readSecurity(session, dev);
  // sdX names move between boots and replugs: the password must go to the drive that was confirmed.
  if (before.identify.serial !== null && before.identify.serial !== serial) {
    return session.fail('wrong-drive', ATA_TEXT.wrongDrive(dev, serial, before.identify.serial));
  }
  const blocker = securityBlocker(before.security, enhanced);
  if (blocker) return session.fail(blocker.code, blocker.message);

  const password = (deps.newPassword ?? defaultAtaPassword)();
  await vault.remember(serial, password);
  const setPass = await session.run(
    'hdparm',
    securityArgs('security-set-pass', password, dev),
    SHORT_TIMEOUT_MS,
    [password],
  );
  const armed = await readSecurity(session, dev);
  if (armed.security?.enabled !== true) {
    // Nothing was set (QEMU: exit 0, "SG_IO: bad/missing sense data"): the password is useless, drop it.
    if (armed.security?.enabled === false) await vault.forget(serial);
    else
      session.warn('security state unreadable after SECURITY SET PASSWORD: the temporary password is kept');
    return session.fail(
      'set-password-ignored',
      text(
        `Le disque a ignoré SECURITY SET PASSWORD (${summarize(setPass)}) : rien n’a été effacé.`,
        `The drive ignored SECURITY SET PASSWORD (${summarize(setPass)}): nothing was erased.`,
      ),
    );
  }

  if (session.aborted) return disarm(session, password, serial);

  const estimate = estimatePurgeSeconds(
    drive,
    enhanced ? 'ata-security-erase-enhanced' : 'ata-security-erase',
  );
  session.progress(0, Math.round(estimate.seconds));
  const command = enhanced ? 'security-erase-enhanced' : 'security-erase';
  // One blocking ioctl: not abortable (killing hdparm would leave the drive erasing and locked), so no signal.
  const result = await withTicker(
    session,
    session.run('hdparm', securityArgs(command, password, dev), timeoutFor(estimate), [password]),
    estimate.seconds,
  );
  const after = await readSecurity(session, dev);
  if (result.timedOut) {
    session.warn('the drive may still be erasing and keeps the temporary password: run "gomme unlock" later');
    return session.fail(
      'timeout',
      text(
        'L’effacement a dépassé le délai prévu ; le disque garde le mot de passe temporaire (« gomme unlock »).',
        'The erase ran past its time-out; the drive keeps the temporary password ("gomme unlock").',
      ),
    );
  }
  if (after.security?.enabled === false && after.security.locked === false) {
    await vault.forget(serial);
    if (result.exitCode !== 0)
      session.warn(`hdparm exited ${result.exitCode} although the password is cleared`);
    session.progress(1, 0);
    return session.finish('succeeded', 'immediate');
  }
  session.warn('the drive still has the temporary password; it is kept in the vault for "gomme unlock"');
  return session.fail(
    'erase-failed',
    text(
      `Le disque n’a pas terminé l’effacement (${summarize(result)}) ; il garde le mot de passe temporaire : lancez « gomme unlock ».`,
      `The drive did not complete the erase (${summarize(result)}); it keeps the temporary password: run "gomme unlock".`,
    ),
  );
}

/** Interrupted between SET PASSWORD and ERASE: take the password off again so the drive is left as found. */
async function disarm(session: PurgeSession, password: string, serial: string): Promise<PurgeOutcome> {
  const dev = session.drive.path;
  await session.run('hdparm', securityArgs('security-disable', password, dev), SHORT_TIMEOUT_MS, [password]);
  const after = await readSecurity(session, dev);
  if (after.security?.enabled === false) await session.deps.vault?.forget(serial);
  else
    session.warn('the temporary password could not be removed; it is kept in the vault for "gomme unlock"');
  return session.abort(
    text(
      'Interrompu avant l’effacement : le mot de passe temporaire a été retiré, rien n’a été effacé.',
      'Interrupted before the erase: the temporary password was removed and nothing was erased.',
    ),
  );
}

/** While the ioctl blocks, report time-based progress from the drive's estimate (capped below 100 %). */
async function withTicker(
  session: PurgeSession,
  pending: Promise<CommandResult>,
  estimateSeconds: number,
): Promise<CommandResult> {
  let done = false;
  const finished = pending.then((r) => {
    done = true;
    return r;
  });
  while (!done) {
    await Promise.race([finished, session.deps.sleep(TICK_MS)]);
    if (done) break;
    const elapsed = session.elapsedMs() / 1000;
    session.progress(
      Math.min(0.99, elapsed / estimateSeconds),
      Math.max(0, Math.round(estimateSeconds - elapsed)),
    );
  }
  return finished;
}
