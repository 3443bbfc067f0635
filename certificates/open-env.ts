import type { Database } from 'better-sqlite3';
import type { Lang } from '../core/i18n.js';
import { resolveDataDir } from '../core/journal/data-dir.js';
import { openJournal } from '../core/journal/open-journal.js';
import { loadConfig } from './config.js';
import { readPassphrase } from './keys/input-files.js';
import { loadIdentity } from './keys/store.js';
import type { CertificateEnv } from './render-certificate.js';

export { readPassphrase } from './keys/input-files.js';

export function openJournalFor(env: NodeJS.ProcessEnv): { db: Database; dataDir: string } {
  const dataDir = resolveDataDir(env);
  return { db: openJournal(dataDir), dataDir };
}

/** Everything rendering needs. The key is loaded first: a missing key fails before anything is written. */
export function openCertificateEnv(
  env: NodeJS.ProcessEnv,
  lang: Lang,
  options: { passphraseFile?: string | undefined; outDir?: string | undefined } = {},
): CertificateEnv {
  const dataDir = resolveDataDir(env);
  const identity = loadIdentity(dataDir, readPassphrase(env, options.passphraseFile));
  const config = loadConfig(dataDir);
  const db = openJournal(dataDir);
  return { db, dataDir, lang, config, identity, ...(options.outDir ? { outDir: options.outDir } : {}) };
}
