/**
 * SECURITY ERASE UNIT on a drive locked (or password-protected) by someone else — the donor's BIOS, their IT
 * department. The erase needs the user password or the master password (ATA8-ACS: allowed in the locked state,
 * in High and Maximum security alike). Candidates, in order: the password the technician typed (user or
 * master); else, when the Master Password Identifier is still the factory one, the brand's factory master
 * password. Every try is counted in the ledger *before* it is sent, and none is sent once the drive's 5 are
 * spent or it reports "expired: security count". Success is read back from IDENTIFY: "not enabled, not locked".
 */
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import { securityArgs } from '../../core/tools/hdparm/args.js';
import { readSecurity } from './ata-identify.js';
import { ATA_TEXT, ataReachable } from './ata-messages.js';
import { ATA_PASSWORD_TRIES, ataAttemptKey, attemptsText } from './credentials.js';
import type { PurgeEngine, PurgeOutcome, Supports } from './engine.js';
import { estimatePurgeSeconds, timeoutFor } from './estimate.js';
import { factoryMasterCandidates } from './factory-master-passwords.js';
import { abortedBeforeStart, defineEngine, type PurgeSession, summarize } from './session.js';

interface Candidate {
  who: 'u' | 'm';
  password: string;
  /** For the record: where the password came from (never the password itself). */
  label: string;
}

export const LOCKED_TEXT = {
  notProtected: text(
    'Le disque n’a pas de mot de passe ATA : l’effacement avec mot de passe ne s’applique pas.',
    'The drive has no ATA password: the erase with a password does not apply.',
  ),
  noCandidate: text(
    'Aucun mot de passe à essayer : ni mot de passe saisi, ni mot de passe maître d’usine connu pour ce disque.',
    'No password to try: none was typed and no factory master password is known for this drive.',
  ),
  expired: text(
    'Le disque a épuisé ses 5 essais de mot de passe (« expired: security count ») : éteignez-le complètement puis recommencez.',
    'The drive has used up its 5 password tries ("expired: security count"): power it off completely, then start again.',
  ),
  budgetSpent: (used: number) =>
    text(
      `gomme a déjà envoyé ${used} essais de mot de passe à ce disque : il n’en enverra pas d’autre avant un arrêt complet du disque.`,
      `gomme already sent ${used} password tries to this drive: it will send no more until the drive is powered off.`,
    ),
  allRefused: (n: number) =>
    text(
      `Le disque a refusé ${n} mot(s) de passe : il reste verrouillé. Sans le bon mot de passe, il faut le détruire.`,
      `The drive refused ${n} password(s): it stays locked. Without the right password it must be destroyed.`,
    ),
} satisfies Record<string, Text | ((n: number) => Text)>;

export const ataPasswordEraseEngine: PurgeEngine = defineEngine(
  'ata-security-erase-password',
  (drive: Drive): Supports => {
    if (!ataReachable(drive)) return { ok: false, reason: ATA_TEXT.notDirect };
    if (drive.serial === null) return { ok: false, reason: ATA_TEXT.noSerial };
    const sec = drive.capabilities.ataSecurity;
    if (sec?.supported !== true) return { ok: false, reason: ATA_TEXT.noSecurityData };
    if (sec.enabled !== true && sec.locked !== true) return { ok: false, reason: LOCKED_TEXT.notProtected };
    if (sec.countExpired === true) return { ok: false, reason: LOCKED_TEXT.expired };
    if (sec.frozen === true) return { ok: false, reason: ATA_TEXT.frozen };
    return { ok: true };
  },
  (session, drive) => erase(session, drive),
  // A locked drive answers every read with an error: nothing to sample before.
  (drive) => drive.capabilities.ataSecurity?.locked !== true,
);

async function erase(session: PurgeSession, drive: Drive): Promise<PurgeOutcome> {
  const { deps } = session;
  const dev = drive.path;
  const serial = drive.serial!;
  if (session.aborted) return session.abort(abortedBeforeStart);
  if (!deps.ledger)
    return session.fail(
      'no-attempt-ledger',
      text(
        'Aucun registre des essais : gomme n’enverra pas de mot de passe sans pouvoir les compter.',
        'No attempt ledger: gomme will not send a password it cannot count.',
      ),
    );
  const before = await readSecurity(session, dev);
  if (before.identify.serial !== null && before.identify.serial !== serial)
    return session.fail('wrong-drive', ATA_TEXT.wrongDrive(dev, serial, before.identify.serial));
  const sec = before.security;
  if (sec === null) return session.fail('no-security-data', ATA_TEXT.identifyUnreadable);
  if (sec.countExpired === true) return session.fail('attempts-expired', LOCKED_TEXT.expired);
  if (sec.enabled !== true && sec.locked !== true)
    return session.fail('not-protected', LOCKED_TEXT.notProtected);

  const candidates = candidatesFor(drive, session);
  if (candidates.length === 0) return session.fail('no-password', LOCKED_TEXT.noCandidate);
  const key = ataAttemptKey(serial);
  const enhanced = sec.enhancedEraseSupported === true;
  const estimate = estimatePurgeSeconds(
    drive,
    enhanced ? 'ata-security-erase-enhanced' : 'ata-security-erase',
  );
  let tried = 0;
  for (const candidate of candidates) {
    const used = await deps.ledger.attempts(key);
    if (used >= ATA_PASSWORD_TRIES) {
      session.warn(
        `attempt limit reached: ${used} of ${ATA_PASSWORD_TRIES} tries already sent to this drive`,
      );
      return session.fail('attempt-limit', LOCKED_TEXT.budgetSpent(used));
    }
    const count = await deps.ledger.countAttempt(key);
    session.notes.push(`password try ${count} of ${ATA_PASSWORD_TRIES}: ${candidate.label}`);
    tried++;
    session.progress(0, Math.round(estimate.seconds));
    const command = enhanced ? 'security-erase-enhanced' : 'security-erase';
    const result = await session.run(
      'hdparm',
      ['--user-master', candidate.who, ...securityArgs(command, candidate.password, dev).slice(2)],
      timeoutFor(estimate),
      [candidate.password],
    );
    const after = await readSecurity(session, dev);
    if (after.security?.enabled === false && after.security.locked === false) {
      if (result.exitCode !== 0)
        session.warn(`hdparm exited ${result.exitCode} although the password is cleared`);
      session.notes.push(`erased with ${candidate.label}; ${attemptsText(count).en}`);
      session.progress(1, 0);
      return session.finish('succeeded', 'immediate');
    }
    if (result.timedOut) {
      session.warn('the erase ran past its time-out; the drive may still be erasing');
      return session.fail(
        'timeout',
        text('L’effacement a dépassé le délai prévu.', 'The erase ran past its time-out.'),
      );
    }
    session.warn(`the drive refused ${candidate.label} (${summarize(result)})`);
    if (after.security?.countExpired === true) return session.fail('attempts-expired', LOCKED_TEXT.expired);
  }
  return session.fail('password-refused', LOCKED_TEXT.allRefused(tried));
}

function candidatesFor(drive: Drive, session: PurgeSession): Candidate[] {
  const typed = session.deps.credentials?.get(drive.serial!);
  if (typed?.kind === 'ata-user')
    return [{ who: 'u', password: typed.secret, label: 'the user password typed by the technician' }];
  if (typed?.kind === 'ata-master')
    return [{ who: 'm', password: typed.secret, label: 'the master password typed by the technician' }];
  const sec = drive.capabilities.ataSecurity;
  return factoryMasterCandidates(drive.model, sec?.masterPasswordRevision ?? null).map((p) => ({
    who: 'm',
    password: p.password,
    label: `the ${p.brand} factory master password (source: ${p.source})`,
  }));
}
