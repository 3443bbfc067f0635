/**
 * The lifecycle every sanitize shares (ATA, NVMe, SCSI; nwipe se_ata.c / se_nvme.c follow the same one):
 *   read status → already running? follow it, never restart → start → follow until success/failure.
 * Success counts as 'transition' (in progress seen), 'immediate' (state changed) or 'unconfirmed' (the drive
 * says success but nothing changed: a lying or idle drive; sample verification must then decide).
 */
import { type Text, text } from '../../core/i18n.js';
import type { CommandResult } from '../../core/run/runner.js';
import type { PurgeFailure, PurgeOutcome } from './engine.js';
import { followOperation, type PollReading, pollIntervalMs } from './poll.js';
import { abortedBeforeStart, type PurgeSession, summarize } from './session.js';

export interface StatusRead<S> {
  snapshot: S | null;
  reading: PollReading;
}

export interface SanitizeProtocol<S> {
  readStatus(): Promise<StatusRead<S>>;
  /** A reason not to start given the status before (e.g. ATA SD1 sanitize frozen). */
  blocker?(before: S): PurgeFailure | null;
  start(): Promise<CommandResult>;
  /** True when two statuses cannot be told apart (same state, same last command). */
  sameState(before: S, after: S): boolean;
  estimateSeconds: number;
  timeoutMs: number;
  statusUnreadable: Text;
}

export async function runSanitizeFlow<S>(
  session: PurgeSession,
  p: SanitizeProtocol<S>,
): Promise<PurgeOutcome> {
  if (session.aborted) return session.abort(abortedBeforeStart);
  const before = await p.readStatus();
  if (before.snapshot === null || before.reading.state === 'unreadable') {
    return session.fail('status-unreadable', p.statusUnreadable);
  }
  let last: S | null = before.snapshot;
  const read = async (): Promise<PollReading> => {
    const r = await p.readStatus();
    if (r.snapshot !== null) last = r.snapshot;
    return r.reading;
  };
  const options = { intervalMs: pollIntervalMs(p.estimateSeconds), timeoutMs: p.timeoutMs };

  if (before.reading.state === 'in-progress') {
    session.warn(
      'a sanitize was already running (started before this job): following it instead of restarting',
    );
    const followed = await followOperation(session, read, options);
    if (followed.end === 'succeeded') return session.finish('already-running-followed', 'transition');
    return ended(session, followed.end, followed.last, true);
  }
  const blocked = p.blocker?.(before.snapshot) ?? null;
  if (blocked) return session.fail(blocked.code, blocked.message);

  session.progress(0, Math.round(p.estimateSeconds));
  const started = await p.start();
  if (started.timedOut || started.exitCode !== 0) {
    return session.fail(
      'command-rejected',
      text(
        `Le disque a refusé la commande Sanitize : ${summarize(started)}`,
        `The drive refused the Sanitize command: ${summarize(started)}`,
      ),
    );
  }
  const followed = await followOperation(session, read, options);
  if (followed.end !== 'succeeded') return ended(session, followed.end, followed.last, true);
  if (followed.sawInProgress) return session.finish('succeeded', 'transition');
  if (last !== null && p.sameState(before.snapshot, last)) {
    session.warn(
      'the drive reports success but its sanitize status did not change: verification must decide',
    );
    return session.finish('succeeded', 'unconfirmed');
  }
  return session.finish('succeeded', 'immediate');
}

function ended(
  session: PurgeSession,
  end: Exclude<Awaited<ReturnType<typeof followOperation>>['end'], 'succeeded'>,
  last: PollReading | null,
  started: boolean,
): PurgeOutcome {
  const detail = last?.detail ?? '';
  switch (end) {
    case 'failed':
      return session.fail(
        'drive-reported-failure',
        text(
          `Le disque signale l’échec du Sanitize. ${detail}`.trim(),
          `The drive reports the Sanitize failed. ${detail}`.trim(),
        ),
      );
    case 'never-started':
      return session.fail(
        'never-started',
        text(
          'Le disque a accepté la commande mais n’a jamais commencé le Sanitize.',
          'The drive accepted the command but never started the Sanitize.',
        ),
      );
    case 'unreadable':
      return session.fail(
        'status-unreadable',
        text(
          `L’état du Sanitize est devenu illisible. ${detail}`.trim(),
          `The Sanitize status became unreadable. ${detail}`.trim(),
        ),
      );
    case 'timeout':
      session.warn('gomme stopped waiting; the drive carries on sanitizing by itself');
      return session.fail(
        'timeout',
        text(
          'Le Sanitize dépasse le délai prévu ; le disque continue seul, relancez gomme pour le suivre.',
          'The Sanitize ran past its time-out; the drive carries on alone: run gomme again to follow it.',
        ),
        'none',
      );
    case 'aborted':
      if (started)
        session.warn('a sanitize cannot be stopped: the drive keeps going, even across a power cycle');
      return session.abort(
        text(
          'Suivi interrompu : le Sanitize continue dans le disque et reprendra après un redémarrage.',
          'Following interrupted: the Sanitize goes on inside the drive and resumes after a restart.',
        ),
      );
  }
}
