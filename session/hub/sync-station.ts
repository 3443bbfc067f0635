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
  passphraseFile?: string | undefined;
  client?: HubClient;
  sleep?(ms: number): Promise<void>;
  now?(): Date;
}

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
  const journal = openJournal(dataDir);
  try {
    let total: PushRun | null = null;
    for (let attempt = 0; ; attempt++) {
      const run = await pushOutbox({ journal, identity, client, now }, options.select ?? 'all');
      total = total ? { ...run, pushed: total.pushed + run.pushed } : run;
      if (!run.unavailable || run.pending === 0) return total;
      const wait = Math.min(15_000, 1_000 * 2 ** attempt);
      if (now().getTime() + wait > deadline) return total;
      await sleep(wait);
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
 * After a machine in the guide: push in the background when this station has a hub, one try (no wait). What
 * cannot go now stays queued with its reason (outbox last_error) for the next machine or `gomme sync`.
 */
export async function syncInBackground(dataDir: string, env: NodeJS.ProcessEnv): Promise<PushRun | null> {
  if (!readHubLink(dataDir) || !hasIdentity(dataDir)) return null;
  try {
    return await syncStation(dataDir, env, { retryForMs: 0 });
  } catch (error) {
    // A key that does not unlock, a journal busy or full: the items stay queued; the guide goes on.
    if (error instanceof GommeError) return null;
    throw error;
  }
}
