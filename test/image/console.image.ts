import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colon, SCREEN_TITLES, W } from '../../cli/tui/wording.js';
import type { Lang } from '../../core/i18n.js';
import { makeFilledDisk } from './disks.js';
import { type Firmware, firmwareAvailable } from './qemu.js';
import { type ConsoleFrame, ScreenGuest } from './screen.js';

/**
 * What a technician or a trainee sees on a real PC's screen: the ISO booted as a USB stick with a VGA card and
 * no unattended parameter. The guest's test-only console copier (gomme-test.console-dump=1 in the SMBIOS OEM
 * strings) sends the text of tty1/tty2 over ttyS1; QMP takes screenshots and presses keys. Checks: tty1 shows
 * the guided screens' first step (never a login prompt), Alt+F2 gives the technician's root shell, a killed
 * guide comes back, and the English boot entry gives the English screens.
 * Screenshots: test-artifacts/image/<case>-*.png (look at them). Env as boot-erase.image.ts (GOMME_ISO…);
 * GOMME_IMAGE_CONSOLE_CASES picks cases (default: bios,uefi,uefi-sb,uefi-en,bios-nomodeset).
 */
const root = join(import.meta.dirname, '../..');
const iso = process.env.GOMME_ISO ?? '/var/tmp/gomme-iso/gomme-amd64.hybrid.iso';
const workRoot = process.env.GOMME_IMAGE_WORKDIR ?? '/var/tmp/gomme-image-test';
const artifacts = join(root, 'test-artifacts/image');
const log = (line: string) => process.stdout.write(`[test:image] ${line}\n`);

interface ConsoleCase {
  name: string;
  firmware: Firmware;
  lang: Lang;
  /** Boot menu entry, 0-based: 0 default, 1 nomodeset, 2 English/US. */
  entry: number;
}

const allCases: ConsoleCase[] = [
  { name: 'bios', firmware: 'bios', lang: 'fr', entry: 0 },
  { name: 'uefi', firmware: 'uefi', lang: 'fr', entry: 0 },
  { name: 'uefi-sb', firmware: 'uefi-sb', lang: 'fr', entry: 0 },
  { name: 'uefi-en', firmware: 'uefi', lang: 'en', entry: 2 },
  { name: 'bios-nomodeset', firmware: 'bios', lang: 'fr', entry: 1 },
];
const wanted = (process.env.GOMME_IMAGE_CONSOLE_CASES ?? allCases.map((c) => c.name).join(',')).split(',');
const cases = allCases.filter((c) => wanted.includes(c.name));

/** The screen's words on one line: Ink wraps at word boundaries, so a sentence survives the join. */
const flat = (frame: ConsoleFrame) => frame.lines.join(' ').replace(/\s+/g, ' ');
// The guide's own header (components/frame.tsx): French puts a space before the colon, English does not.
const welcomeTitle = (lang: Lang) =>
  `${W.step[lang]} 1/10${colon(lang)}${SCREEN_TITLES.welcome[lang].toUpperCase()}`;
const isWelcome = (lang: Lang) => (frame: ConsoleFrame) =>
  flat(frame).includes(welcomeTitle(lang)) && flat(frame).includes(W.welcomeSafe[lang]);
const RESTART = { fr: "Le guide s'est arrêté", en: 'The guide stopped' };
const BANNER = { fr: 'Console technicien gomme (shell root)', en: 'gomme technician console (root shell)' };

describe.each(cases)('live image console, $name', (c) => {
  it.skipIf(!existsSync(iso) || !firmwareAvailable(c.firmware))(
    `${c.name}: tty1 shows the guided screens (${c.lang}), tty2 a root shell, a killed guide comes back`,
    async () => {
      mkdirSync(workRoot, { recursive: true });
      mkdirSync(artifacts, { recursive: true });
      const work = mkdtempSync(join(workRoot, `console-${c.name}-`));
      const figures: Record<string, unknown> = { case: c.name };
      let guest: ScreenGuest | null = null;
      try {
        const stick = join(work, 'stick.img');
        execFileSync('cp', ['--sparse=always', iso, stick]);
        const target = join(work, 'SATA0001.img');
        makeFilledDisk(target, 32 * 1024 * 1024);
        guest = await ScreenGuest.boot(
          {
            firmware: c.firmware,
            workDir: work,
            disks: [
              { file: stick, bus: 'usb', serial: 'LIVEUSB01', bootIndex: 0 },
              { file: target, bus: 'ahci', serial: 'SATA0001' },
            ],
            oemStrings: ['gomme-test.console-dump=1'],
          },
          log,
        );
        if (c.entry > 0) {
          // Both menus (GRUB for UEFI, isolinux for BIOS) wait 5 s on their first entry; move down to ours.
          const menu = c.firmware === 'bios' ? /gomme \(\^?nomodeset|Boot Menu|ISOLINUX/ : /gomme \(English/;
          figures.menuSeconds = await guest.waitForSerial(menu, 120_000);
          for (let i = 0; i < c.entry; i++) await guest.qmp.sendKeys(['down']);
          await guest.qmp.sendKeys(['ret']);
        }

        // 1. tty1: the first guided screen, in the boot entry's language; never a login prompt.
        const welcome = await guest.waitForScreen(1, isWelcome(c.lang), 900_000);
        figures.welcomeSeconds = welcome.seconds;
        figures.welcomeUptime = welcome.frame.uptime;
        log(`tty1 after ${welcome.seconds.toFixed(1)} s:\n${welcome.frame.text}`);
        await guest.qmp.screendump(join(artifacts, `${c.name}-tty1-welcome.png`));
        for (const frame of guest.frames(1)) {
          expect(frame.text).not.toMatch(/login:/i);
          expect(frame.text).not.toMatch(/Authentication failure/i);
        }

        // 2. ttyS0 stays the serial root shell. Alt+F2 (on the emulated keyboard) switches the screen to the
        // technician's root shell on tty2, with its one-line banner; Alt+F1 goes back.
        await guest.waitForSerial(/root@gomme:~# /, 120_000);
        await guest.qmp.sendKeys(['alt', 'f2']);
        const shell = await guest.waitForScreen(
          2,
          (f) => f.text.includes(BANNER[c.lang]) && /root@gomme:~# ?$/m.test(f.text),
          120_000,
        );
        expect((await guest.shell('cat /sys/class/tty/tty0/active')).output).toContain('tty2');
        log(`tty2:\n${shell.frame.text}`);
        await guest.qmp.screendump(join(artifacts, `${c.name}-tty2-shell.png`));
        await guest.qmp.sendKeys(['alt', 'f1']);
        expect((await guest.shell('sleep 1; cat /sys/class/tty/tty0/active')).output).toContain('tty1');
        await guest.qmp.screendump(join(artifacts, `${c.name}-tty1-back.png`));

        // 3. Kill the guide: tty1 says so and the standby guide (loaded and waiting) takes over.
        const standby = await guest.shell(
          'until [ "$(ls /run/gomme/guide/*.fifo.ready 2>/dev/null | wc -l)" -ge 2 ]; do sleep 1; done',
          600_000,
        );
        expect(standby.rc).toBe(0);
        const before = guest.frames(1).length;
        const killedAt = Date.now();
        // The guide on screen runs at nice 0; the standby waits at nice 10 and must survive. The guest's clock
        // at the kill and on the frame that shows the guide again is what a person at the screen waits; the
        // host's clock adds typing the command over the serial line and the dump's polling.
        const kill = await guest.shell(
          'cut -d" " -f1 /proc/uptime; kill -KILL $(ps -o pid=,ni=,args= -C node | awk \'$2 == 0 && $NF == "/opt/gomme/dist/bundle/gomme.js" { print $1 }\')',
          30_000,
        );
        expect(kill.rc).toBe(0);
        const killUptime = Number(/^([\d.]+)$/m.exec(kill.output)?.[1]);
        expect(killUptime).toBeGreaterThan(0);
        const back = await guest.waitForScreen(1, isWelcome(c.lang), 60_000, { after: before });
        figures.hostRestartSeconds = (Date.now() - killedAt) / 1000;
        figures.restartSeconds = Number((back.frame.uptime - killUptime).toFixed(2));
        const between = guest.frames(1).slice(before);
        figures.restartMessageSeen = between.some((f) => flat(f).includes(RESTART[c.lang]));
        log(`guide back after ${String(figures.restartSeconds)} s; frames in between: ${between.length}`);
        expect(back.frame.text).not.toMatch(/login:/i);
        expect(figures.restartSeconds as number).toBeLessThanOrEqual(5);
        for (const frame of between) expect(frame.text).not.toMatch(/login:|root@gomme/i);
        await guest.qmp.screendump(join(artifacts, `${c.name}-tty1-restarted.png`));

        guest.typeSerial('poweroff');
        const deadline = Date.now() + 90_000;
        while (!guest.exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
        figures.poweredOff = guest.exited;
      } finally {
        log(`figures: ${JSON.stringify(figures)}`);
        writeFileSync(join(artifacts, `${c.name}-figures.json`), `${JSON.stringify(figures, null, 1)}\n`);
        await guest?.stop();
        if (process.env.GOMME_IMAGE_KEEP === '1') log(`kept ${work}`);
        else rmSync(work, { recursive: true, force: true });
      }
    },
  );
});
