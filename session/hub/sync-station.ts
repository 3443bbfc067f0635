import { readHubLink } from '../../certificates/hub-link.js';
import { readPassphrase } from '../../certificates/keys/input-files.js';
import { hasIdentity, keysDir, loadIdentity } from '../../certificates/keys/store.js';
import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { openJournal } from '../../core/journal/index.js';
import { fetchHubClient, type HubClient } from './hub-client.js';
import { type PushRun, pushOutbox } from './push-outbox.js';

export interface SyncOptions {
  /** Default: the hub of DATA_DIR/hub.json. */
  hubUrl?: string | undefined;
  select?: 'all' | 'due';
  /** Keep retrying an unreachable hub this long (backoff 1 s, 2 s, 4 s… at most 15 s). 0: one try. */
  retryForMs?: number;
  /** The waits between tries: `firstMs`, doubled each time, at most `maxMs` (default 1 s → 15 s). */
  backoff?: { firstMs: number; maxMs: number };
  /** Told before each try (what is queued) and before each wait (what the try left, and for how long). */
  onProgress?(progress: SyncProgress): void;
  /** Aborted: no further try (the current one ends first); what is left stays queued. */
  signal?: AbortSignal;
  passphraseFile?: string | undefined;
  client?: HubClient;
  sleep?(ms: number): Promise<void>;
  now?(): Date;
}

export type SyncProgress =
  | { kind: 'sending'; pending: number }
  | { kind: 'waiting'; run: PushRun; retryInMs: number };

/**
 * `gomme sync` and the automatic pushes (after each machine in the guide, at the end of unattended mode):
 * opens the journal and the station key, pushes, retries while the hub is unreachable and time remains.
 */
export async function syncStation(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  options: SyncOptions = {},
): Promise<PushRun> {
  const url = options.hubUrl ?? readHubLink(dataDir)?.url;
  if (!url) throw new NotEnrolledError();
  if (!hasIdentity(dataDir)) throw new NotEnrolledError(keysDir(dataDir));
  const identity = loadIdentity(dataDir, readPassphrase(env, options.passphraseFile));
  const client = options.client ?? fetchHubClient(url);
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now().getTime() + (options.retryForMs ?? 0);
  const { firstMs, maxMs } = options.backoff ?? { firstMs: 1_000, maxMs: 15_000 };
  const journal = openJournal(dataDir);
  try {
    let total: PushRun | null = null;
    for (let attempt = 0; ; attempt++) {
      options.onProgress?.({ kind: 'sending', pending: journal.outbox.list({ pending: true }).length });
      const run = await pushOutbox({ journal, identity, client, now }, options.select ?? 'all');
      total = total ? { ...run, pushed: total.pushed + run.pushed } : run;
      if (!run.unavailable || run.pending === 0) return total;
      const wait = Math.min(maxMs, firstMs * 2 ** Math.min(attempt, 30));
      if (now().getTime() + wait > deadline || options.signal?.aborted) return total;
      options.onProgress?.({ kind: 'waiting', run, retryInMs: wait });
      await sleep(wait);
      if (options.signal?.aborted) return total;
    }
  } finally {
    journal.close();
  }
}

export class NotEnrolledError extends GommeError {
  constructor(keys?: string) {
    super(
      'hub-not-enrolled',
      keys
        ? text(
            `Ce poste n’a pas de clé de signature (${keys}).`,
            `This station has no signing key (${keys}).`,
          )
        : text('Ce poste n’est inscrit auprès d’aucun hub.', 'This station is not enrolled with any hub.'),
      {
        exitCode: ExitCode.USAGE,
        hint: text(
          'Inscrivez-le : gomme hub enrol ADRESSE --code CODE (code donné par « gomme hub admin enrol-code »).',
          'Enrol it: gomme hub enrol URL --code CODE (code given by "gomme hub admin enrol-code").',
        ),
      },
    );
  }
}

/**
 * One push now, for a front end that goes on whatever happens (a diagnostics report just kept): nothing when
 * the station is not enrolled; a key that does not unlock or a busy or full journal leaves the items queued.
 */
export async function syncInBackground(dataDir: string, env: NodeJS.ProcessEnv): Promise<PushRun | null> {
  if (!readHubLink(dataDir) || !hasIdentity(dataDir)) return null;
  try {
    return await syncStation(dataDir, env, { retryForMs: 0 });
  } catch (error) {
    if (error instanceof GommeError) return null;
    throw error;
  }
}
