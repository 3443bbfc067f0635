import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's chromium driven by playwright-core: nothing is downloaded (playwright-core has no browser of its
 * own), the executable is the system's. As root, Chromium's sandbox cannot start: --no-sandbox.
 */
export const CHROMIUM = process.env.GOMME_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} missing: apt-get install chromium (iso-build/packages-test.txt)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}

/** Screenshots for people to look at (test-artifacts/ is not committed). */
export function artifactPath(name: string): string {
  const dir = join(process.cwd(), 'test-artifacts', 'hub');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
