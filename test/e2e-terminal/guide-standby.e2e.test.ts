import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCREEN_TITLES } from '../../cli/tui/wording.js';
import { projectRoot } from '../helpers/fixtures.js';
import { startTmux, type TmuxSession, tmuxAvailable } from './tmux.js';

const gommeCli = join(projectRoot, 'dist/cli/main.js');
const built = existsSync(gommeCli);
const work = mkdtempSync(join(tmpdir(), 'gomme-standby-'));
let session: TmuxSession | null = null;
afterAll(() => {
  session?.kill();
  rmSync(work, { recursive: true, force: true });
});

/**
 * The live image keeps a second guide loaded and waiting on tty1 (GOMME_GUIDE_STANDBY, see
 * iso-build/…/console.sh): it must say when it is ready, draw nothing and read no key until it is told to
 * start, then take the screen over at once.
 */
describe.skipIf(!tmuxAvailable() || !built)('the standby guide (live image tty1)', () => {
  it('loads, says it is ready, waits without drawing or reading keys, then shows the first screen', async () => {
    const fifo = join(work, 'guide.fifo');
    execFileSync('mkfifo', [fifo]);
    // A drive list restricted to nothing: the guide must not touch this machine's drives.
    session = startTmux(
      `gomme-standby-${process.pid}`,
      `env -u CI GOMME_DATA_DIR=${join(work, 'data')} GOMME_GUIDE_STANDBY=${fifo} ${process.execPath} ${gommeCli} --lang fr guide --only-devices /dev/nonexistent; sleep 600`,
    );
    const deadline = Date.now() + 30_000;
    while (!existsSync(`${fifo}.ready`) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(`${fifo}.ready`)).toBe(true);
    // Keys typed while it waits belong to whoever has the screen, not to this guide.
    session.type('x');
    await new Promise((r) => setTimeout(r, 1000));
    expect(session.screen().replace(/x/, '').trim()).toBe('');

    writeFileSync(fifo, 'go\n');
    const screen = await session.waitFor(SCREEN_TITLES.welcome.fr.toUpperCase(), 30_000);
    expect(screen).toContain('Étape 1/10');
  });
});
