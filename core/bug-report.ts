import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { resolveDataDir } from './journal/data-dir.js';
import { GOMME_VERSION } from './version.js';

/** The details of a bug (stack, causes), for the person who reports it; never shown on screen. */
export function bugDetails(error: unknown): string {
  return inspect(error, { depth: 6, breakLength: 110 });
}

/**
 * Writes a bug's details to `bug-reports/` in the data folder (it survives the live system's reboot on the
 * GOMME-DATA partition), else to the temp folder. Returns the file, or null when neither can be written.
 */
export function writeBugReport(
  error: unknown,
  env: NodeJS.ProcessEnv,
  now: Date = new Date(),
): string | null {
  const name = `gomme-bug-${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}.txt`;
  const body = [
    `gomme ${GOMME_VERSION}, node ${process.version}, ${now.toISOString()}`,
    `argv: ${process.argv.slice(2).join(' ')}`,
    '',
    bugDetails(error),
    '',
  ].join('\n');
  for (const dir of candidateFolders(env)) {
    try {
      mkdirSync(dir, { recursive: true });
      const path = join(dir, name);
      writeFileSync(path, body, { mode: 0o600 });
      return path;
    } catch {
      // This folder cannot take it (read-only, full, not ours): the next one may.
    }
  }
  return null;
}

function candidateFolders(env: NodeJS.ProcessEnv): string[] {
  const folders: string[] = [];
  try {
    folders.push(join(resolveDataDir(env), 'bug-reports'));
  } catch {
    // The data folder could not even be worked out (unreadable /proc/mounts…): the temp folder remains.
  }
  folders.push(tmpdir());
  return folders;
}
