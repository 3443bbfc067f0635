import type { GommeConfig } from '../certificates/config.js';
import { loadConfig } from '../certificates/config.js';
import { type Lang, type Text, text } from '../core/i18n.js';
import {
  type Journal,
  JournalCorruptError,
  JournalFullError,
  type JournalOptions,
  openJournal,
} from '../core/journal/index.js';
import { commitUnrecorded } from './commit-records.js';
import { type ProcReader, readProc } from './owner.js';
import { roomNeeded } from './room.js';
import { loadSigning, type Signing } from './signing.js';

export interface SessionConfig {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  passphraseFile?: string | undefined;
  /** Journal hooks (the fault-injection tests crash or break the medium there); none in production. */
  journal?: JournalOptions;
  readProc?: ProcReader;
  now?: () => Date;
}

/** The journal with what job bookkeeping needs (liveness, time): enough to list or forget jobs. */
export interface JournalAccess {
  journal: Journal;
  readProc: ProcReader;
  now: () => Date;
}

export function openJournalAccess(settings: SessionConfig): JournalAccess {
  return {
    journal: openJournal(settings.dataDir, settings.journal),
    readProc: settings.readProc ?? readProc,
    now: settings.now ?? (() => new Date()),
  };
}

/** An open erase session: the journal, checked, and everything the records will need, known up front. */
export interface OpenedSession extends JournalAccess {
  config: GommeConfig;
  signing: Signing;
  /** Things the operator must be told before anything is erased (unsigned records, a repaired journal). */
  notices: Text[];
  /** Records of earlier runs that a crash left uncommitted, committed now. */
  recovered: string[];
  settings: SessionConfig;
}

/**
 * The proof before the act: everything that could stop the record of this run from being committed or
 * signed is checked here, before the first byte reaches a drive. The journal must open and be whole (an
 * index-only fault is rebuilt after a backup copy); config.json must be valid; the key, when there is one, must
 * unlock. Only a missing key lets the erasure go on, unsigned, and the operator is told. `requireRoom` follows
 * once the number of drives is known.
 */
export function openSession(settings: SessionConfig): OpenedSession {
  const now = settings.now ?? (() => new Date());
  // No journal is opened (or created) for a config or a key that would stop us anyway.
  const config = loadConfig(settings.dataDir);
  const signing = loadSigning(settings.dataDir, settings.env, { passphraseFile: settings.passphraseFile });
  const journal = openJournal(settings.dataDir, settings.journal);
  const notices: Text[] = [];
  try {
    const integrity = journal.integrity();
    if (!integrity.ok) {
      if (!integrity.indexOnly)
        throw new JournalCorruptError(journal.file, integrity.problems.slice(0, 3).join('; '));
      const backup = journal.rebuildIndexes(now());
      const again = journal.integrity();
      if (!again.ok) throw new JournalCorruptError(journal.file, again.problems.slice(0, 3).join('; '));
      notices.push(
        text(
          `Index du journal reconstruits (aucune donnée perdue) ; copie d’avant dans ${backup}.`,
          `Journal indexes rebuilt (no data lost); the copy from before is ${backup}.`,
        ),
      );
    }
    if (signing.kind === 'unsigned') notices.push(signing.notice);
    const { recordIds: recovered, invalid } = commitUnrecorded(journal, now());
    if (invalid) notices.push(invalid.text);
    if (recovered.length > 0)
      notices.push(
        text(
          `Rapport(s) d’un effacement interrompu enregistré(s) : ${recovered.join(', ')}.`,
          `Record(s) of an interrupted erasure committed: ${recovered.join(', ')}.`,
        ),
      );
    return {
      journal,
      config,
      signing,
      notices,
      recovered,
      readProc: settings.readProc ?? readProc,
      now,
      settings,
    };
  } catch (error) {
    journal.close();
    throw error;
  }
}

/** statfs on the journal's partition: room for the records of `drives` drives, or nothing starts (exit 13). */
export function requireRoom(access: JournalAccess, drives: number): void {
  const free = access.journal.freeBytes();
  const needed = roomNeeded(drives);
  if (free !== null && free < needed)
    throw new JournalFullError(access.journal.file, { freeBytes: free, neededBytes: needed });
}
