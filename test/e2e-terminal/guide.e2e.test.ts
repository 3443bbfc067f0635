/**
 * `gomme guide` in a real terminal (tmux, 80x25), as root, against 12 loop devices this test makes, tried as a
 * trainee would: every key on every screen, a wrong code, Esc from the confirmation, Ctrl-C during an erasure
 * (answer: keep going) and before any (leave: "Rien n'a été effacé"), two machines in a row. Two free drives get
 * erased; the mounted one is never selectable and the other nine are never written.
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
const SMALL = 16 * MiB;
const MARKER = Buffer.from('GOMME-E2E-DONOR-DATA-');
const artifacts = join(projectRoot, 'test-artifacts', 'tui');
const isRoot = process.getuid?.() === 0;
const built = spawnSync('test', ['-f', gommeCli]).status === 0;

function donorData(_offset: number, length: number): Buffer {
  const chunk = Buffer.alloc(length);
  for (let i = 0; i < length; i += MARKER.length)
    MARKER.copy(chunk, i, 0, Math.min(MARKER.length, length - i));
  return chunk;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The one line with the focus marker: the focus is always on something drawn. */
function focused(screen: string): string {
  const lines = screen.split('\n').filter((l) => l.startsWith('> '));
  expect(lines, screen).toHaveLength(1);
  return lines[0] ?? '';
}

const WORDS = {
  fr: {
    welcome: 'Votre prénom et nom',
    quit: 'QUITTER LE GUIDE ?',
    nothing: "Rien n'a été effacé.",
    nothingHere: "Rien n'a été effacé sur cette machine.",
    lot: 'Numéro de lot',
    yes: '< OUI >',
    no: '< NON >',
    machine: 'BONNE MACHINE',
    screenTest: "TEST DE L'ÉCRAN",
    colours: 'couleurs pleines',
    usbTest: 'TEST DES PORTS USB',
    result: 'Résultat du diagnostic',
    incomplete: 'INCOMPLET',
    untested: 'Non testé :',
    protectedWord: 'PROTÉGÉ',
    noSerial: 'Tapez son nom',
    wrongCode: "Ce n'est pas le bon code",
    ticked: 'Cochés :',
    erasing: 'EFFACEMENT EN COURS',
    stopAsk: 'Voulez-vous vraiment arrêter',
    results: 'RÉSULTATS',
    erased: 'EFFACÉ',
    verified: 'vérifié',
    certificates: 'CERTIFICATS',
    forDonor: 'Un certificat par disque : à remettre au donateur.',
    drive: 'Disque',
    computer: 'Ordinateur',
    next: 'Machine suivante',
    intake: 'FICHE DE LA MACHINE',
    assetTag: 'Étiquette du donateur (si présente) : _',
    goodbye: 'Guide fermé.',
  },
  en: {
    welcome: 'Your first and last name',
    quit: 'LEAVE THE GUIDE?',
    nothing: 'Nothing was erased.',
    nothingHere: 'Nothing was erased on this machine.',
    lot: 'Lot number',
    yes: '< YES >',
    no: '< NO >',
    machine: 'RIGHT MACHINE',
    screenTest: 'SCREEN TEST',
    colours: 'solid colours',
    usbTest: 'USB PORT TEST',
    result: 'Diagnostic result',
    incomplete: 'INCOMPLETE',
    untested: 'Not tested:',
    protectedWord: 'PROTECTED',
    noSerial: 'Type its name',
    wrongCode: 'not the right code',
    ticked: 'Ticked:',
    erasing: 'ERASING',
    stopAsk: 'Do you really want to stop',
    results: 'RESULTS',
    erased: 'ERASED',
    verified: 'verified',
    certificates: 'CERTIFICATES',
    forDonor: 'One certificate per drive: give it to the donor.',
    drive: 'Drive',
    computer: 'Computer',
    next: 'Next machine',
    intake: 'MACHINE INTAKE',
    assetTag: "Donor's asset tag (if any)          : _",
    goodbye: 'Guide closed.',
  },
} as const;

describe.skipIf(!isRoot || !tmuxAvailable() || !built)(
  'gomme guide in a real terminal (tmux, root, 12 loop devices)',
  () => {
    const devices: LoopDevice[] = [];
    let work = '';
    let mountpoint = '';
    let mountedHash = '';
    const untouchedHashes = new Map<string, string>();
    const sessions: TmuxSession[] = [];

    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'gomme-tui-e2e-'));
      // Fresh captures each run: a stale screen from an older run must not pass for this one.
      rmSync(artifacts, { recursive: true, force: true });
      mkdirSync(artifacts, { recursive: true });
      for (let i = 0; i < 2; i++) devices.push(createLoopDevice(SIZE, { fill: donorData }));
      devices.push(createLoopDevice(SIZE));
      for (let i = 0; i < 9; i++) devices.push(createLoopDevice(SMALL, { fill: donorData }));
      const mounted = devices[2]!;
      execFileSync('mkfs.ext4', ['-q', '-F', mounted.path]);
      mountpoint = join(work, 'mnt');
      mkdirSync(mountpoint);
      // Read-only and without journal replay: the mount itself writes nothing, so the file hash must not change.
      execFileSync('mount', ['-o', 'ro,noload', mounted.path, mountpoint]);
      mountedHash = sha256(mounted.backingFile);
      for (const d of devices.slice(3)) untouchedHashes.set(d.path, sha256(d.backingFile));
    });

    afterAll(() => {
      for (const s of sessions) s.kill();
      if (mountpoint) unmount(mountpoint);
      detachAll(devices);
      if (work) rmSync(work, { recursive: true, force: true });
    });

    for (const lang of ['fr', 'en'] as const) {
      it(`a trainee's two machines in ${lang}: every key, mistakes, Ctrl-C, erasure, certificates`, async () => {
        const w = WORDS[lang];
        const thorough = lang === 'fr';
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
          { env: { ...process.env, GOMME_DATA_DIR: dataDir }, encoding: 'utf8' },
        );
        expect(keys.status, keys.stderr).toBe(0);
        const only = devices.map((d) => d.path).join(',');
        const session = startTmux(
          `gomme-e2e-${process.pid}-${lang}`,
          `env -u CI TERM=linux GOMME_DATA_DIR=${dataDir} ${process.execPath} ${gommeCli} --lang ${lang} guide --quick --only-devices ${only}; echo GUIDE-EXIT=$?; sleep 600`,
        );
        sessions.push(session);
        let step = 0;
        const shot = (name: string, screen: string) => {
          step++;
          writeFileSync(join(artifacts, `${lang}-${String(step).padStart(2, '0')}-${name}.txt`), screen);
          const lines = screen.replace(/\n+$/, '').split('\n');
          expect(lines.length, screen).toBeLessThanOrEqual(25);
          for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
          return screen;
        };

        // 1. Welcome. Ctrl-C asks first; staying keeps what was typed.
        shot('welcome', await session.waitFor(w.welcome));
        session.type(lang === 'fr' ? 'Awa Stagiaire' : 'Sam Trainee');
        session.press('C-c');
        let s = shot('quit-question', await session.waitFor(w.quit));
        expect(s).toContain(w.nothing);
        session.press('Enter');
        s = await session.waitFor(w.welcome);
        expect(focused(s)).toContain(lang === 'fr' ? 'Awa Stagiaire_' : 'Sam Trainee_');
        if (thorough) {
          // Enter on the field moves on; Left/Right change the language value and back.
          session.press('Enter');
          expect(focused(await session.waitFor('> [ Continuer ]'))).toContain('Continuer');
          session.press('Down', 'Right');
          await session.waitFor('< English >');
          session.press('Left');
          await session.waitFor('< Français >');
          session.press('Up');
          await session.waitFor('> [ Continuer ]');
          session.press('Enter');
        } else {
          session.press('Enter', 'Enter');
        }

        // 2. Intake: Enter goes field to field, Space/Left/Right change the < > value, Esc keeps everything.
        await session.waitFor(w.lot);
        session.type('Mairie de Test');
        session.press('Enter');
        session.type('LOT-E2E');
        session.press('Enter');
        session.type('INV-0042');
        session.press('Enter', 'Space');
        await session.waitFor(w.yes);
        if (thorough) {
          session.press('Right');
          await session.waitFor(w.no);
          session.press('Left', 'Enter');
          s = await session.waitFor('> [ Continuer ]');
          expect(s).toContain(w.yes); // Enter moved on, it did not flip the value
          session.press('Escape');
          await session.waitFor(w.welcome);
          session.press('Enter', 'Enter');
          s = await session.waitFor(w.lot);
          expect(s).toContain('INV-0042');
          expect(s).toContain(w.yes);
          session.press('Down', 'Down', 'Down', 'Down');
        } else {
          session.press('Enter');
        }
        shot('intake', await session.waitFor((x) => x.includes('INV-0042') && x.includes(`> [ `)));
        session.press('Enter');

        // 3. The machine; Esc goes back to the intake with the focus on Continuer.
        s = shot('machine', await session.waitFor(w.machine));
        expect(s).toContain('INV-0042');
        if (thorough) {
          session.press('Escape');
          s = await session.waitFor(w.lot);
          expect(focused(s)).toContain('[ Continuer ]');
          session.press('Enter');
          await session.waitFor(w.machine);
        }
        session.press('Enter');

        // 4. Hardware tests: this machine has a screen and USB ports only (no keyboard, sound or webcam).
        shot('hardware-intro', await session.waitFor(w.screenTest));
        session.press('Escape'); // the hardware test has the keyboard: Esc does not leave the step
        await session.waitFor(w.screenTest);
        session.press('Enter', 'x', 'x', 'x', 'x', 'x');
        shot('hardware-question', await session.waitFor(w.colours));
        session.press('Enter', 'Enter', 'Enter');
        await session.waitFor(w.usbTest);
        session.press('Down', 'Enter'); // skipped: the result must say so
        const total = Number(/Question 1\/(\d+)/.exec(await session.waitFor('Question 1/'))?.[1]);
        // Only what no test could decide is asked: the outside (and the hinges on a machine that may have one).
        expect(total).toBeLessThanOrEqual(2);
        for (let q = 1; q <= total; q++) {
          shot(`question-${q}`, await session.waitFor(`Question ${q}/${total}`));
          session.press('Enter');
        }
        s = shot('diagnostics-result', await session.waitFor(w.result, 120_000));
        // Untested functions (the 5 s CPU run, the skipped USB test): INCOMPLETE, never PASS, with the list.
        expect(s).toContain(w.incomplete);
        expect(s).toContain(w.untested);
        expect(s).not.toMatch(/: (BON|PASS)\b/);
        focused(s);
        session.press('Enter');

        // 5. Drives: 13 rows in a list that scrolls; the focus is always on a drawn row.
        s = await session.waitFor(`[ ] ${a.path} `);
        expect(s).toContain(w.protectedWord);
        expect(s).toContain('--only-devices');
        expect(s).toMatch(/(\^|v) \d+ (de plus|more)/);
        const ticks = [a.path, b.path];
        let seen = 0;
        for (let i = 0; i < 16 && seen < ticks.length; i++) {
          s = session.screen();
          const line = focused(s);
          const target = ticks.find((t) => line.includes(` ${t} `));
          if (target) {
            session.press('Space');
            await session.waitFor(`[X] ${target} `);
            seen++;
          }
          session.press('Down');
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(seen).toBe(2);
        // Walk the rest of the list down to the buttons: one marker, on a drawn line, at every step.
        for (let i = 0; i < 14; i++) {
          const line = focused(session.screen());
          if (line.includes('[ Continuer ]') || line.includes('[ Continue ]')) break;
          session.press('Down');
          await new Promise((r) => setTimeout(r, 100));
        }
        s = shot('drives', session.screen());
        expect(s).toContain(`${w.ticked} ${basename(a.path)}`);
        expect(s).not.toContain(`] ${mounted.path}`);
        session.press('Enter');

        // 6. Confirmation: a wrong code, then Esc (ticks kept, focus on Continuer), then the right codes.
        const confirm = (d: LoopDevice) => (x: string) => x.includes(`${d.path} `) && x.includes(w.noSerial);
        await session.waitFor(confirm(a));
        session.type('0000');
        session.press('Enter');
        shot('confirm-wrong-code', await session.waitFor(w.wrongCode));
        session.press('Escape');
        s = await session.waitFor((x) => x.includes(`[X] ${a.path}`) || x.includes(w.ticked));
        expect(focused(s)).toMatch(/\[ Continu(er|e) \]/);
        expect(s).toContain(`${w.ticked} ${basename(a.path)}, ${basename(b.path)}`);
        shot('drives-after-esc', s);
        session.press('Enter');
        for (const target of [a, b]) {
          shot(`confirm-${basename(target.path)}`, await session.waitFor(confirm(target)));
          session.type(basename(target.path));
          session.press('Enter');
        }

        // 7. Erasing: Ctrl-C asks; "keep going" is the default and the erasure ends normally.
        s = shot('erasing', await session.waitFor(w.erasing));
        session.press('C-c');
        shot('stop-question', await session.waitFor(w.stopAsk));
        session.press('Enter');
        const results = await session.waitFor(w.results, 120_000);
        shot('results', results);
        for (const target of [a, b])
          expect(results).toMatch(new RegExp(`${target.path}\\s+${w.erased}\\s+${w.verified}`));
        expect(results).toContain(w.incomplete);
        session.press('Enter');

        // 8. Certificates: what each file is, and where.
        const certs = await session.waitFor((x) => x.includes(w.forDonor));
        shot('certificates', certs);
        const colon = lang === 'fr' ? ' : ' : ': ';
        expect(certs).toContain(`${w.drive} ${a.path}${colon}`);
        expect(certs).toContain(`${w.computer}${colon}`);
        session.press('Enter');

        // 9. The next machine: nothing of the first is shown.
        shot('next', await session.waitFor(w.next));
        session.press('Enter');
        s = shot('intake-machine-2', await session.waitFor(w.intake));
        expect(s).toContain(w.assetTag);
        expect(s).toContain('LOT-E2E');
        for (const gone of [a.path, b.path, w.erased, 'INV-0042']) expect(s).not.toContain(gone);
        // Ctrl-C before any erasure on this machine: the question, then leaving says so.
        session.press('C-c');
        s = shot('quit-machine-2', await session.waitFor(w.quit));
        expect(s).toContain(w.nothingHere);
        session.press('Down', 'Enter');
        s = await session.waitFor('GUIDE-EXIT=0');
        expect(s).toContain(w.goodbye);
        expect(s).toContain(w.nothingHere);
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
        for (const d of devices.slice(3))
          expect(sha256(d.backingFile), d.path).toBe(untouchedHashes.get(d.path));
        // The intake is remembered for the next machine of the lot (asset tag excluded).
        const memory = JSON.parse(readFileSync(join(dataDir, 'guide-intake.json'), 'utf8'));
        expect(memory.intake).toEqual({
          donor: 'Mairie de Test',
          lot: 'LOT-E2E',
          assetTag: '',
          publicDonor: true,
        });

        // What was typed and found reaches the paper: device path, asset tag, lot, the diagnostics verdict.
        const pdfs = readdirSync(join(dataDir, 'certificates')).filter((f) => f.endsWith('.pdf'));
        // English certificates are <id>.en.pdf.
        expect(pdfs.filter((f) => /-D\d+(\.en)?\.pdf$/.test(f))).toHaveLength(2);
        for (const pdf of pdfs) {
          const file = join(dataDir, 'certificates', pdf);
          const verified = spawnSync(process.execPath, [gommeCli, 'cert', 'verify', file], {
            env: { ...process.env, GOMME_DATA_DIR: dataDir },
            encoding: 'utf8',
          });
          expect(verified.status, verified.stdout + verified.stderr).toBe(0);
          const printed = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
          expect(printed).toContain('INV-0042');
          expect(printed).toContain('LOT-E2E');
          if (/-M(\.en)?\.pdf$/.test(pdf)) expect(printed).toContain(w.incomplete);
          // The device path and its transport in words ("fichier (loop)" / "file (loop)").
          else expect(printed).toMatch(new RegExp(`(${a.path}|${b.path}) \\((fichier|file) \\(loop\\)\\)`));
        }
      }, 300_000);
    }
  },
);
