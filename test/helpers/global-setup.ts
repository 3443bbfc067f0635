import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixturesRoot, projectRoot } from './fixtures.js';

/**
 * The unit tests read the shared real-output corpus in place (test/helpers/fixtures.ts): without it, dozens of
 * files would each fail with ENOENT. This says once what is missing and how to get it, and stops the run.
 */
export function missingCorpusMessage(
  corpus: string = fixturesRoot,
  root: string = projectRoot,
): string | null {
  try {
    if (statSync(corpus).isDirectory()) return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return [
    `gomme tests: the shared real-output corpus is missing: ${corpus}`,
    `Clone the shared repository beside this one, so that ${join(dirname(root), 'shared', 'fixtures')} exists`,
    `(the same parent folder as ${root}), then run the tests again.`,
  ].join('\n');
}

export default function setup(): void {
  const message = missingCorpusMessage();
  if (!message) return;
  // One message and stop: a thrown error would bury it under vitest's own stack.
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}
