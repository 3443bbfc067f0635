import type { Lang } from '../core/i18n.js';
import { resolveDataDir } from '../core/journal/data-dir.js';
import { type Journal, type JournalOptions, openJournal } from '../core/journal/index.js';
import { loadConfig } from './config.js';
import { readHubLink } from './hub-link.js';
import { readPassphrase } from './keys/input-files.js';
import { loadIdentity, type SigningIdentity } from './keys/store.js';
import type { CertificateEnv } from './render-certificate.js';

export { readPassphrase } from './keys/input-files.js';

export function openJournalFor(env: NodeJS.ProcessEnv): { journal: Journal; dataDir: string } {
  const dataDir = resolveDataDir(env);
  return { journal: openJournal(dataDir), dataDir };
}

/** Everything rendering needs. The key is loaded first: a missing key fails before anything is written. */
export function openCertificateEnv(
  env: NodeJS.ProcessEnv,
  lang: Lang,
  options: { passphraseFile?: string | undefined; outDir?: string | undefined } = {},
): CertificateEnv {
  const dataDir = resolveDataDir(env);
  const identity = loadIdentity(dataDir, readPassphrase(env, options.passphraseFile));
  return certificateEnvWith(openJournal(dataDir), identity, lang, options.outDir);
}

/** The same, over a journal and a key the caller already opened (the erase session checked both first). */
export function certificateEnvWith(
  journal: Journal,
  identity: SigningIdentity,
  lang: Lang,
  outDir?: string,
): CertificateEnv {
  const config = {
    ...loadConfig(journal.dataDir),
    verifyBaseUrl: readHubLink(journal.dataDir)?.publicUrl ?? null,
  };
  return { journal, dataDir: journal.dataDir, lang, config, identity, ...(outDir ? { outDir } : {}) };
}

export type { JournalOptions };
