import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * TEST-ONLY crash window. When GOMME_TEST_PAUSE_AFTER_COMMIT names a file, `certifyErasure` writes the record
 * ID there right after the journal commit and then waits 60 s before rendering, so a test can SIGKILL the
 * process in exactly that window and check that `cert render` recovers. Never set it in production.
 */
export const PAUSE_AFTER_COMMIT_ENV = 'GOMME_TEST_PAUSE_AFTER_COMMIT';

export async function pauseAfterCommitIfAsked(env: NodeJS.ProcessEnv, recordId: string): Promise<void> {
  const marker = env[PAUSE_AFTER_COMMIT_ENV];
  if (!marker) return;
  writeFileSync(marker, `${recordId}\n`);
  await sleep(60_000);
}
