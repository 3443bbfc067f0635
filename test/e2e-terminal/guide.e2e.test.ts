/**
 * `gomme guide` in a real terminal (tmux, 80x25), as root, against loop devices this test makes: two free
 * ones get erased through the screens, one mounted one must never be selectable and stays unchanged.
 * Screen captures of each step, French and English, go to test-artifacts/tui/ (git-ignored).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/fixtures.js';
import { createLoopDevice, detachAll, type LoopDevice } from '../helpers/loop-device.js';
import { unmount } from '../helpers/mount.js';
import { gommeCli } from '../helpers/run-gomme.js';
import { startTmux, type TmuxSession, tmuxAvailable } from './tmux.js';

const MiB = 1024 * 1024;
const SIZE = 256 * MiB;
const MARKER = Buffer.from('GOMME-E2E-DONOR-DATA-');
const artifacts = join(projectRoot, 'test-artifacts', 'tui');
const isRoot = process.getuid?.() === 0;
const built = spawnSync('test', ['-f', gommeCli]).status === 0;

function donorData(offset: number, length: number): Buffer {
  const chunk = Buffer.alloc(length);
  for (let i = 0; i < length; i += MARKER.length)
    MARKER.copy(chunk, i, 0, Math.min(MARKER.length, length - i));
  void offset;
  return chunk;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The guide command line: `gomme guide` once the lead registers it, else the same handler through a tiny entry. */
function guideCommandLine(dir: string, lang: 'fr' | 'en', only: string[]): string {
  // Commander prints the general help for an unknown command, so look for the guide's own option.
  const help = spawnSync(process.execPath, [gommeCli, 'guide', '--help'], { encoding: 'utf8' }).stdout;
  const registered = help.includes('--only-devices');
  if (registered)
    return `${process.execPath} ${gommeCli} --lang ${lang} guide --quick --only-devices ${only.join(',')}`;
  const entry = join(dir, 'guide-entry.mjs');
  writeFileSync(
    entry,
    [
      `import { guideCommand } from ${JSON.stringify(join(projectRoot, 'dist/cli/commands/guide.js'))};`,
      `import { makeContext } from ${JSON.stringify(join(projectRoot, 'dist/cli/io.js'))};`,
      `const ctx = makeContext({ stdout: process.stdout, stderr: process.stderr, env: process.env }, process.argv[2], false);`,
      'process.exitCode = await guideCommand(ctx, { onlyDevices: process.argv[3] });',
    ].join('\n'),
  );
  return `${process.execPath} ${entry} ${lang} ${only.join(',')}`;
}

describe.skipIf(!isRoot || !tmuxAvailable() || !built)(
  'gomme guide in a real terminal (tmux, root, loop devices)',
  () => {
    const devices: LoopDevice[] = [];
    let work = '';
    let mountpoint = '';
    let mountedHash = '';
    const sessions: TmuxSession[] = [];
    const certificateScreens: Record<string, string> = {};

    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'gomme-tui-e2e-'));
      // Fresh captures each run: a stale screen from an older run must not pass for this one.
      rmSync(artifacts, { recursive: true, force: true });
      mkdirSync(artifacts, { recursive: true });
      for (let i = 0; i < 3; i++) devices.push(createLoopDevice(SIZE, { fill: donorData }));
      const mounted = devices[2]!;
      execFileSync('mkfs.ext4', ['-q', '-F', mounted.path]);
      mountpoint = join(work, 'mnt');
      mkdirSync(mountpoint);
      // Read-only and without journal replay: the mount itself writes nothing, so the file hash must not change.
      execFileSync('mount', ['-o', 'ro,noload', mounted.path, mountpoint]);
      mountedHash = sha256(mounted.backingFile);
    });

    afterAll(() => {
      for (const s of sessions) s.kill();
      if (mountpoint) unmount(mountpoint);
      detachAll(devices);
      if (work) rmSync(work, { recursive: true, force: true });
    });

    for (const lang of ['fr', 'en'] as const) {
      it(`walks every screen in ${lang} and erases the two free loop devices`, async () => {
        const fr = lang === 'fr';
        const [a, b, mounted] = devices as [LoopDevice, LoopDevice, LoopDevice];
        // Refill the targets with donor data so each language run erases something real.
        for (const d of [a, b]) writeFileSync(d.backingFile, donorData(0, SIZE));
        execFileSync('blockdev', ['--flushbufs', a.path]);
        execFileSync('blockdev', ['--flushbufs', b.path]);
        const dataDir = join(work, `data-${lang}`);
        // The organisation's signing key, as a refurbisher sets it up once: the guide then signs certificates.
        const keys = spawnSync(
          process.execPath,
          [gommeCli, 'keys', 'init', '--organisation', 'Ressourcerie E2E'],
          {
            env: { ...process.env, GOMME_DATA_DIR: dataDir },
            encoding: 'utf8',
          },
        );
        expect(keys.status, keys.stderr).toBe(0);
        const command = guideCommandLine(work, lang, [a.path, b.path, mounted.path]);
        const session = startTmux(
          `gomme-e2e-${process.pid}-${lang}`,
          `env -u CI GOMME_DATA_DIR=${dataDir} ${command}; echo GUIDE-EXIT=$?; sleep 600`,
        );
        sessions.push(session);
        let step = 0;
        const shot = (name: string, screen: string) => {
          step++;
          writeFileSync(join(artifacts, `${lang}-${String(step).padStart(2, '0')}-${name}.txt`), screen);
          for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
        };

        shot('welcome', await session.waitFor(fr ? 'Votre prénom et nom' : 'Your first and last name'));
        session.type(fr ? 'Awa Stagiaire' : 'Sam Trainee');
        session.press('Enter', 'Enter');
        await session.waitFor(fr ? 'Numéro de lot' : 'Lot number');
        session.type('Mairie de Test');
        session.press('Down');
        session.type('LOT-E2E');
        session.press('Down');
        session.type('INV-0042');
        session.press('Down', 'Space');
        shot(
          'intake',
          await session.waitFor((s) => s.includes('INV-0042') && s.includes(fr ? '< OUI >' : '< YES >')),
        );
        session.press('Down', 'Enter');
        shot('machine', await session.waitFor(fr ? 'BONNE MACHINE' : 'RIGHT MACHINE'));
        session.press('Enter');
        shot('diagnostics', await session.waitFor(fr ? 'TESTS DU MATÉRIEL' : 'HARDWARE TESTS'));
        // The guided questions come while the automatic tests run (quick time boxes); the first choice of each
        // is "works" (or grade A), which the trainee picks with Enter.
        const questions = Number(/Question 1\/(\d+)/.exec(await session.waitFor('Question 1/'))?.[1]);
        expect(questions).toBeGreaterThan(5);
        for (let q = 1; q <= questions; q++) {
          const screen = await session.waitFor(`Question ${q}/${questions}`);
          if (q === 1) shot('diagnostics-question', screen);
          session.press('Enter');
        }
        shot(
          'diagnostics-result',
          await session.waitFor(fr ? 'Résultat du diagnostic' : 'Diagnostic result', 120_000),
        );
        session.press('Enter');
        const drives = await session.waitFor(`[ ] ${a.path}`);
        // The mounted device is listed, labelled, and has no box to tick.
        expect(drives).toContain(mounted.path);
        expect(drives).toContain(fr ? 'PROTÉGÉ' : 'PROTECTED');
        expect(drives).not.toContain(`] ${mounted.path}`);
        expect(drives).toContain('--only-devices');
        session.press('Space', 'Down', 'Space');
        shot('drives', await session.waitFor(`[X] ${b.path}`));
        session.press('Down', 'Enter');
        for (const target of [a, b]) {
          const name = basename(target.path);
          shot(
            `confirm-${name}`,
            await session.waitFor(
              (s) => s.includes(target.path) && s.includes(fr ? 'Tapez son nom' : 'Type its name'),
            ),
          );
          if (target === a) {
            // A wrong code first: refused in words, nothing written.
            session.type('0000');
            session.press('Enter');
            shot(
              'confirm-wrong-code',
              await session.waitFor(fr ? "Ce n'est pas le bon code" : 'not the right code'),
            );
          }
          session.type(name);
          session.press('Enter');
        }
        let sawProgress = false;
        const results = await session.waitFor((s) => {
          if (!sawProgress && s.includes('%') && s.includes(fr ? 'EFFACEMENT EN COURS' : 'ERASING')) {
            sawProgress = true;
            shot('erasing', s);
          }
          return s.includes(fr ? 'RÉSULTATS' : 'RESULTS');
        }, 120_000);
        shot('results', results);
        const erasedWord = fr ? 'EFFACÉ' : 'ERASED';
        expect(results).toMatch(new RegExp(`${a.path}\\s+${erasedWord}\\s+${fr ? 'vérifié' : 'verified'}`));
        expect(results).toMatch(new RegExp(`${b.path}\\s+${erasedWord}\\s+${fr ? 'vérifié' : 'verified'}`));
        session.press('Enter');
        const certs = await session.waitFor(
          (s) => s.includes(fr ? 'CERTIFICATS' : 'CERTIFICATES') && !/(signature|signing)/i.test(s),
        );
        shot('certificates', certs);
        certificateScreens[lang] = certs;
        session.press('Enter');
        shot('next', await session.waitFor(fr ? 'Machine suivante' : 'Next machine'));
        session.press('Down', 'Enter');
        await session.waitFor('GUIDE-EXIT=0');
        session.kill();

        // The backing files say what happened, whatever the screen said.
        for (const target of [a, b]) {
          const content = readFileSync(target.backingFile);
          expect(content.includes(MARKER), `${target.path} still holds donor data`).toBe(false);
          expect(
            content.subarray(0, 1 << 20).equals(Buffer.alloc(1 << 20)),
            `${target.path} is only zeros`,
          ).toBe(false);
        }
        expect(sha256(mounted.backingFile)).toBe(mountedHash);
        // The intake is remembered for the next machine of the lot (asset tag excluded).
        const memory = JSON.parse(readFileSync(join(dataDir, 'guide-intake.json'), 'utf8'));
        expect(memory.intake).toEqual({
          donor: 'Mairie de Test',
          lot: 'LOT-E2E',
          assetTag: '',
          publicDonor: true,
        });
      }, 240_000);
    }

    it('issues certificates that verify, when the certificate service is plugged into the guide', (ctx) => {
      const screen = certificateScreens.fr ?? '';
      if (screen === '')
        ctx.skip('the French run did not reach the certificates screen (see the test above)');
      if (screen.includes('non disponibles')) {
        ctx.skip(
          'the certificate service is not wired into `gomme guide` yet (GuideServices.certificates absent)',
        );
      }
      expect(screen).toContain('Certificats enregistrés dans');
      const pdfs = readdirSync(join(work, 'data-fr'), { recursive: true }).filter((f) =>
        String(f).endsWith('.pdf'),
      );
      expect(pdfs.length).toBeGreaterThan(0);
      for (const pdf of pdfs) {
        const r = spawnSync(
          process.execPath,
          [gommeCli, 'cert', 'verify', join(work, 'data-fr', String(pdf))],
          {
            env: { ...process.env, GOMME_DATA_DIR: join(work, 'data-fr') },
            encoding: 'utf8',
          },
        );
        expect(r.status, r.stdout + r.stderr).toBe(0);
      }
    });
  },
);
