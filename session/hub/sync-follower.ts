import { readHubLink } from '../../certificates/hub-link.js';
import { hasIdentity } from '../../certificates/keys/store.js';
import { GommeError } from '../../core/errors.js';
import { type Text, text } from '../../core/i18n.js';
import type { HubClient } from './hub-client.js';
import type { PushRun } from './push-outbox.js';
import { syncStation } from './sync-station.js';

/** Where the station's queued records and certificates stand with its hub, as the guide shows it. */
export type HubSyncStatus =
  /** A try is under way; `pending`: what is queued (null until the journal was read). */
  | { kind: 'sending'; pending: number | null }
  /** The hub could not be reached (or could not store): everything stays queued, next try in `retryInMs`. */
  | { kind: 'unreachable'; pending: number; retryInMs: number; reason: Text }
  /** The hub answered but refused some items (kept, with their reason in the outbox). */
  | { kind: 'refused'; pending: number; rejected: number; reason: Text }
  /** No push could be tried: the key does not unlock, the journal is unreadable… (`reason` says which). */
  | { kind: 'failed'; reason: Text }
  /** The hub acknowledged every record and certificate queued on this station. */
  | { kind: 'acknowledged' }
  /**
   * Netbooted and linked to no hub (the boot-time enrolment failed): the records are only in RAM and lost at
   * power off. Said, never held (a supervisor may go on and enrol later from tty2: the push then starts).
   */
  | { kind: 'unlinked' };

export interface HubSyncFollower {
  /** Netbooted: the journal is in RAM, so nothing may end the session before the hub has everything. */
  readonly journalInRam: boolean;
  /** Push now what is queued (a record was just committed); a try under way or a wait is cut short. */
  request(): void;
  /** The latest status, then each change; null: a stick linked to no hub (nothing to show). */
  subscribe(listener: (status: HubSyncStatus | null) => void): () => void;
  /** No further try (the guide is leaving); what is left stays queued. */
  stop(): void;
}

export interface FollowerOptions {
  journalInRam: boolean;
  /** Waits while the hub is away: 2 s, doubled each time, at most 30 s. */
  backoff?: { firstMs: number; maxMs: number };
  client?: HubClient;
  /** Netbooted and unlinked: how often hub.json is looked for again (an enrolment from tty2). Default 3 s. */
  linkCheckMs?: number;
}

const STEP_MS = 1_000;

/** What the guide shows of an error: a GommeError's own words, anything else as an internal error. */
function failure(error: unknown): Text {
  if (error instanceof GommeError) return error.text;
  const why = error instanceof Error ? error.message : String(error);
  return text(`erreur interne : ${why}`, `internal error: ${why}`);
}

/**
 * The guide's push: one loop (syncStation's) that keeps retrying while the hub is away, cut short when a new
 * record is committed, telling its listeners what is queued and when the next try is (once a second while
 * waiting). Refusals are tried again after the longest wait when the journal is in RAM (a supervisor may fix
 * the hub meanwhile); on a stick they wait for the next record or `gomme sync`.
 */
export function hubSyncFollower(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  options: FollowerOptions,
): HubSyncFollower {
  const backoff = options.backoff ?? { firstMs: 2_000, maxMs: 30_000 };
  const listeners = new Set<(status: HubSyncStatus | null) => void>();
  const stopping = new AbortController();
  let last: HubSyncStatus | null = null;
  let running = false;
  /** A record was committed since the current try listed the outbox. */
  let again = false;
  let wake: (() => void) | null = null;
  let failedRun: PushRun | null = null;
  /** Netbooted and unlinked: the next look for hub.json. */
  let linkCheck: NodeJS.Timeout | null = null;

  const emit = (status: HubSyncStatus | null) => {
    last = status;
    for (const listener of listeners) listener(status);
  };
  /** A wait that says each second how long is left; a new record or stop ends it early. */
  const wait = async (ms: number, run: PushRun | null) => {
    const end = Date.now() + ms;
    for (let left = ms; left > 0 && !again && !stopping.signal.aborted; left = end - Date.now()) {
      if (run?.unavailable)
        emit({ kind: 'unreachable', pending: run.pending, retryInMs: left, reason: run.unavailable });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(STEP_MS, left));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  };
  const once = async (): Promise<HubSyncStatus> => {
    try {
      const run = await syncStation(dataDir, env, {
        retryForMs: Number.POSITIVE_INFINITY,
        backoff,
        signal: stopping.signal,
        ...(options.client ? { client: options.client } : {}),
        onProgress: (p) => {
          if (p.kind === 'waiting') failedRun = p.run;
          else {
            // This try lists the outbox now: a record committed before is in it.
            again = false;
            emit({ kind: 'sending', pending: p.pending });
          }
        },
        sleep: (ms) => wait(ms, failedRun),
      });
      if (run.pending === 0) return { kind: 'acknowledged' };
      if (run.unavailable)
        return { kind: 'unreachable', pending: run.pending, retryInMs: 0, reason: run.unavailable };
      const first = run.rejected[0];
      return {
        kind: 'refused',
        pending: run.pending,
        rejected: run.rejected.length,
        reason: first?.reason ?? text('refusé par le hub', 'refused by the hub'),
      };
    } catch (error) {
      // Not enrolled, a key that does not unlock, a journal busy or full: said on screen, tried at the next record.
      return { kind: 'failed', reason: failure(error) };
    }
  };
  const loop = async () => {
    running = true;
    try {
      while (again && !stopping.signal.aborted) {
        again = false;
        const status = await once();
        if (stopping.signal.aborted) return;
        emit(status);
        // Refused while the journal is in RAM: asked again after the longest wait (the hub may be fixed).
        if (status.kind === 'refused' && options.journalInRam) {
          await wait(backoff.maxMs, null);
          again = true;
        }
      }
    } finally {
      running = false;
    }
  };

  /** Netbooted, no hub yet: hub.json is looked for again now and then, and the push starts once it is there. */
  const lookForLink = (asked: boolean) => {
    // Said again when the guide asks (it shows 'sending' meanwhile), not at each look.
    if (asked || last?.kind !== 'unlinked') emit({ kind: 'unlinked' });
    if (linkCheck) return;
    linkCheck = setTimeout(() => {
      linkCheck = null;
      check(false);
    }, options.linkCheckMs ?? 3_000);
    // The guide's end (stop) or the process's must not wait for it.
    linkCheck.unref();
  };
  /** The link is read at each request: an enrolment made since (tty2) is found at the next record. */
  const check = (asked: boolean) => {
    if (stopping.signal.aborted) return;
    let linked: boolean;
    try {
      linked = readHubLink(dataDir) !== null && hasIdentity(dataDir);
    } catch (error) {
      // A hub.json that does not parse (or cannot be read): said on screen (the guide goes on, and this may run
      // from a timer), read again at the next record.
      emit({ kind: 'failed', reason: failure(error) });
      return;
    }
    if (!linked) {
      if (options.journalInRam) lookForLink(asked);
      else emit(null);
      return;
    }
    again = true;
    if (running) {
      wake?.();
      return;
    }
    emit({ kind: 'sending', pending: null });
    void loop();
  };

  return {
    journalInRam: options.journalInRam,
    request: () => check(true),
    subscribe(listener) {
      listeners.add(listener);
      listener(last);
      return () => {
        listeners.delete(listener);
      };
    },
    stop() {
      stopping.abort();
      if (linkCheck) clearTimeout(linkCheck);
      wake?.();
    },
  };
}
