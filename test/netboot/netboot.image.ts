import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../hub/db/open-database.js';
import { checkErased, makeFilledDisk, sha256 } from '../image/disks.js';
import { type Firmware, firmwareAvailable, qemuVersion } from '../image/qemu.js';
import { parseConsoleFrames } from '../image/screen.js';
import { nssTrusting, tool } from '../integration/certificates/helpers.js';
import { type NetGuest, startNetGuest } from './guest.js';
import { createTestNet, NET, type TestNet } from './netns.js';

/**
 * `npm run test:netboot`: the workshop over the network, in QEMU (TCG). The test makes its own namespaces (hub +
 * bridge + taps; a "site" with its own DHCP server), runs `gomme hub serve --netboot ISO` inside, and boots PCs
 * that have no boot disk: SeaBIOS (iPXE → lpxelinux) and OVMF with Secure Boot enforced and Microsoft's keys
 * (shim → Debian's signed grubnetx64); both take their kernel and initrd from the hub over HTTP. The hub's dnsmasq is in proxy-DHCP mode: the site's server gives every
 * address. Figures (power-on → first event, → last acknowledged record, bytes served) go to WORK/figures.json.
 * Env: GOMME_NETBOOT_ISO (default GOMME_ISO, else /var/tmp/gomme-iso/gomme-amd64.hybrid.iso, the image test:image uses), GOMME_NETBOOT_WORKDIR,
 * GOMME_NETBOOT_KEEP=1 keeps the work folders, GOMME_NETBOOT_FIRMWARES (default bios,uefi-sb).
 */
const root = join(import.meta.dirname, '../..');
// The ISO test:image builds and uses, unless told otherwise: figures are then for the image under test.
const iso =
  process.env.GOMME_NETBOOT_ISO ?? process.env.GOMME_ISO ?? '/var/tmp/gomme-iso/gomme-amd64.hybrid.iso';
const workRoot = process.env.GOMME_NETBOOT_WORKDIR ?? '/var/tmp/gomme-netboot-test';
const firmwares = (process.env.GOMME_NETBOOT_FIRMWARES ?? 'bios,uefi-sb').split(',') as Firmware[];
const TARGET_BYTES = 32 * 1024 * 1024;
const HUB_PORT = 8080;
const hubUrl = `http://${NET.hub}:${HUB_PORT}`;
const log = (line: string) =>
  process.stdout.write(`[test:netboot] ${new Date().toISOString().slice(11, 19)} ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ready = existsSync(iso) && process.getuid?.() === 0;

interface Session {
  net: TestNet;
  work: string;
  hubLog: string;
  hubData: string;
  hub: ChildProcess;
  get(path: string): unknown;
}

function spawnHub(net: TestNet, hubData: string, hubLog: string, extra: string[]): ChildProcess {
  return net.spawnIn(
    net.ns,
    'node',
    [
      join(root, 'dist/cli/main.js'),
      'hub',
      'serve',
      '--data',
      hubData,
      '--listen',
      `${NET.hub}:${HUB_PORT}`,
      '--organisation',
      'Atelier Netboot',
      ...extra,
    ],
    hubLog,
    { ...process.env, GOMME_LANG: 'fr', GOMME_HUB_LOG_LEVEL: 'info' },
  );
}

/** Until `line` appears in the file after `from` characters, or the deadline. */
async function waitForLine(file: string, line: string, from: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (existsSync(file) && readFileSync(file, 'utf8').slice(from).includes(line)) return true;
    await sleep(500);
  }
  return false;
}

/** Namespaces, the site's DHCP server, the hub with netboot; resolves once dnsmasq runs. */
async function startSession(tag: string, guests: number, hubArgs: string[]): Promise<Session> {
  mkdirSync(workRoot, { recursive: true });
  const work = mkdtempSync(join(workRoot, `${tag}-`));
  const net = createTestNet(`${tag}${process.pid % 10_000}`, guests);
  const hubLog = join(work, 'hub.log');
  const hubData = join(work, 'hub-data');
  // The site's own DHCP server (a plain dnsmasq: addresses only, it knows nothing of PXE). Like a workshop's
  // internet box it also sends IPv6 router advertisements (no addresses, SLAAC only, a unique-local prefix): on a
  // network without them, SeaBIOS's network ROM (iPXE) waits ~13 s for IPv6 before it asks for the boot menu.
  net.spawnIn(
    net.siteNs,
    'dnsmasq',
    [
      '--keep-in-foreground',
      '--port=0',
      '--interface=vsite-p',
      '--bind-interfaces',
      `--dhcp-range=${NET.range[0]},${NET.range[1]},1h`,
      '--enable-ra',
      `--dhcp-range=${NET.prefix6},ra-only`,
      `--dhcp-leasefile=${join(work, 'site.leases')}`,
      `--pid-file=${join(work, 'site.pid')}`,
      '--log-dhcp',
      `--log-facility=${join(work, 'site-dhcp.log')}`,
    ],
    join(work, 'site-dnsmasq.out'),
  );
  const hub = spawnHub(net, hubData, hubLog, ['--netboot', iso, '--netboot-interface', 'br0', ...hubArgs]);
  const session: Session = {
    net,
    work,
    hubLog,
    hubData,
    hub,
    get: (path) => JSON.parse(net.exec(net.ns, 'curl', ['-sf', '--max-time', '10', `${hubUrl}${path}`])),
  };
  // The first start extracts the ISO (xorriso): bounded wait.
  const deadline = Date.now() + 10 * 60_000;
  while (!readFileSync(hubLog, 'utf8').includes('démarrage réseau sur')) {
    if (Date.now() > deadline || /"level":50|Erreur|error/i.test(lastLines(hubLog, 3))) {
      await net.teardown();
      throw new Error(`the hub did not start netboot: ${lastLines(hubLog, 10)}`);
    }
    await sleep(1000);
  }
  log(`hub up: ${lastLines(hubLog, 1)}`);
  return session;
}

function lastLines(file: string, n: number): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-n).join('\n') : '';
}

/** SIGTERM (graceful: the database closes), so the test may open the embedded database itself. */
async function stopHub(s: Session): Promise<void> {
  if (s.hub.exitCode !== null || s.hub.signalCode !== null) return;
  const exited = new Promise((resolve) => s.hub.once('exit', resolve));
  s.hub.kill('SIGTERM');
  await Promise.race([exited, sleep(30_000)]);
}

/** The hub answered 2xx (201 Created) to an enrolment (its request log: the request line, then its completion). */
function enrolledOnHub(hubLog: string): boolean {
  const lines = readFileSync(hubLog, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'));
  const entries = lines.map(
    (l) => JSON.parse(l) as { reqId?: string; req?: { url?: string }; res?: { statusCode?: number } },
  );
  const enrols = new Set(entries.filter((e) => e.req?.url === '/api/v1/enrol').map((e) => e.reqId));
  return entries.some(
    (e) => enrols.has(e.reqId) && (e.res?.statusCode ?? 0) >= 200 && (e.res?.statusCode ?? 0) < 300,
  );
}

/** Types a command line into the guest's serial root shell and returns what the console printed after it. */
async function typeOnSerial(
  socketPath: string,
  consoleLog: string,
  command: string,
  ms: number,
): Promise<string> {
  const from = existsSync(consoleLog) ? readFileSync(consoleLog, 'latin1').length : 0;
  const socket = createConnection(socketPath);
  socket.on('data', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  const marker = 'gomme-netboot-analyze-end';
  socket.write(`\n${command}; echo ${marker}\n`);
  await waitForLine(consoleLog, `\n${marker}`, from, ms);
  socket.destroy();
  return readFileSync(consoleLog, 'latin1').slice(from).replace(/\r/g, '');
}

async function endSession(s: Session): Promise<void> {
  await s.net.teardown();
  if (process.env.GOMME_NETBOOT_KEEP === '1') log(`kept ${s.work}`);
  else rmSync(s.work, { recursive: true, force: true });
}

const at = (e: Record<string, unknown>) => Date.parse(String(e.at ?? ''));

interface NetbootStatus {
  /** Bytes of each file the hub serves over HTTP. */
  files: Record<string, number>;
  served: {
    requests: number;
    bytes: number;
    byFile: Record<string, { requests: number; completed: number; bytes: number }>;
    byClient: Record<string, { requests: number; bytes: number; byFile: Record<string, number> }>;
  };
}

/** "Dec  7 06:50:09" (dnsmasq's log, UTC on this host) → epoch ms. */
function syslogTime(line: string): number {
  const m = /^(\w{3})\s+(\d+) (\d\d:\d\d:\d\d)/.exec(line);
  return m ? Date.parse(`${m[1]} ${m[2]} ${new Date().getUTCFullYear()} ${m[3]} UTC`) : Number.NaN;
}

interface FileServed {
  time: number;
  file: string;
  client: string;
  complete: boolean;
}

/**
 * Seconds from power-on to each boot phase, from the host's own logs: the site server's DHCP answer, the
 * hub's TFTP (first stage), the hub's HTTP (kernel, initrd, root filesystem: the moment each download ended),
 * then the guest's events. Also the bytes each guest took over TFTP (the files dnsmasq says it sent).
 */
function bootPhases(s: Session, guests: NetGuest[]): Map<string, Record<string, number | null>> {
  const site = readFileSync(join(s.work, 'site-dhcp.log'), 'utf8').split('\n');
  const tftp = readFileSync(join(s.hubData, 'netboot', 'dnsmasq.log'), 'utf8').split('\n');
  const http = readFileSync(s.hubLog, 'utf8')
    .split('\n')
    .filter((l) => l.includes('netboot: file served'))
    .map((l) => JSON.parse(l) as FileServed);
  const out = new Map<string, Record<string, number | null>>();
  for (const g of guests) {
    const since = (t: number | undefined) =>
      t === undefined || Number.isNaN(t) ? null : (t - g.started) / 1000;
    const ack = site.find((l) => l.includes('DHCPACK(') && l.includes(g.mac));
    const ip = ack ? /\) (\d+\.\d+\.\d+\.\d+) /.exec(ack)?.[1] : undefined;
    const sentByTftp = tftp.filter((l) => ip && l.endsWith(` to ${ip}`) && / sent \//.test(l));
    const firstStage = sentByTftp.find((l) => /sent \S+\/(lpxelinux\.0|bootx64\.efi) /.test(l));
    const tftpBytes = sentByTftp
      .map((l) => / sent (\/\S+) to /.exec(l)?.[1] ?? '')
      .reduce((sum, file) => sum + (existsSync(file) ? statSync(file).size : 0), 0);
    const served = (file: string) => http.find((h) => h.client === ip && h.file === file && h.complete)?.time;
    const events = g.events();
    const start = events.find((e) => e.type === 'unattended' && e.phase === 'start');
    out.set(g.name, {
      dhcpAck: since(ack ? syslogTime(ack) : undefined),
      firstStage: since(syslogTime(firstStage ?? '')),
      kernel: since(served('vmlinuz')),
      initrd: since(served('initrd.img')),
      rootFilesystem: since(served('filesystem.squashfs')),
      firstEvent: since(start ? at(start) : undefined),
      guestUptimeAtFirstEvent: typeof start?.uptimeSeconds === 'number' ? start.uptimeSeconds : null,
      tftpBytes: ip ? tftpBytes : null,
    });
  }
  return out;
}

describe.skipIf(!ready)('network boot from the hub (QEMU, netns)', () => {
  it(`${firmwares.join(' + ')} at once: PXE boot, unattended erase, records on the hub, power off; proxy-DHCP gave no address`, async () => {
    const session = await startSession('erase', firmwares.length, [
      '--netboot-default',
      'erase',
      '--netboot-confirm',
      'yes-erase-all',
    ]);
    const guests: NetGuest[] = [];
    try {
      firmwares.forEach((firmware, i) => {
        if (!firmwareAvailable(firmware)) throw new Error(`${firmware} firmware missing`);
        const dir = join(session.work, firmware);
        mkdirSync(dir);
        const disk = join(dir, 'NVME.img');
        makeFilledDisk(disk, TARGET_BYTES);
        guests.push(
          startNetGuest(
            session.net,
            {
              name: firmware,
              firmware,
              workDir: dir,
              disks: [{ file: disk, bus: 'nvme', serial: `NVMENB0${i}` }],
              oemStrings: [],
              tap: session.net.taps[i] ?? 'tap0',
              mac: `52:54:00:77:00:0${i + 1}`,
            },
            log,
          ),
        );
      });
      // Bounded: both guests power off by themselves, or 25 minutes. Once every guest has enrolled (its erase
      // about to start), the hub is killed (SIGKILL, and its dnsmasq); once a guest says the hub is unreachable,
      // the hub comes back (without --netboot, as NETBOOT.md says to finish a session) and the records must arrive.
      const deadline = Date.now() + 25 * 60_000;
      const seen = new Map<string, number>();
      let status: NetbootStatus | null = null;
      let hubState: 'up' | 'down' | 'back' = 'up';
      let killedAt = 0;
      const has = (g: NetGuest, phase: string) =>
        g.events().some((e) => e.type === 'hub' && e.phase === phase);
      // When the test first saw each guest's sync-result (its last acknowledged push): the event has no time.
      const acked = new Map<string, number>();
      while (Date.now() < deadline && guests.some((g) => g.exitedAt === null)) {
        await sleep(1000);
        for (const g of guests) {
          const events = g.events();
          const count = seen.get(g.name) ?? 0;
          for (const e of events.slice(count)) log(`${g.name}: ${JSON.stringify(e).slice(0, 220)}`);
          seen.set(g.name, events.length);
          if (!acked.has(g.name) && events.some((e) => e.type === 'sync-result'))
            acked.set(g.name, Date.now());
        }
        if (hubState === 'up' && guests.every((g) => has(g, 'enrolled'))) {
          status = session.get('/netboot/status') as NetbootStatus;
          session.hub.kill('SIGKILL');
          const pidFile = join(session.hubData, 'netboot', 'dnsmasq.pid');
          if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
          hubState = 'down';
          killedAt = Date.now();
          log('every guest enrolled: hub killed');
        } else if (
          hubState === 'down' &&
          (guests.some((g) => has(g, 'unreachable')) || Date.now() - killedAt > 240_000)
        ) {
          await sleep(20_000);
          const from = readFileSync(session.hubLog, 'utf8').length;
          session.hub = spawnHub(session.net, session.hubData, session.hubLog, []);
          expect(
            await waitForLine(session.hubLog, 'prêt sur', from, 120_000),
            'the hub did not restart',
          ).toBe(true);
          hubState = 'back';
          log(`hub restarted after ${(Date.now() - killedAt) / 1000} s down`);
        }
      }
      expect(status, 'the guests never all enrolled').not.toBeNull();
      if (!status) return;
      const phases = bootPhases(session, guests);
      const figures = guests.map((g) => {
        const events = g.events();
        const start = events.find((e) => e.type === 'unattended' && e.phase === 'start');
        const ackedAt = acked.get(g.name);
        return {
          firmware: g.name,
          firstEventUptimeSeconds: start?.uptimeSeconds ?? null,
          firstEventWallSeconds: start ? (at(start) - g.started) / 1000 : null,
          lastAckWallSeconds: ackedAt ? (ackedAt - g.started) / 1000 : null,
          poweredOffSeconds: g.exitedAt ? (g.exitedAt - g.started) / 1000 : null,
          phases: phases.get(g.name),
          unreachableEvents: events.filter((e) => e.type === 'hub' && e.phase === 'unreachable').length,
        };
      });
      const summary = {
        qemu: qemuVersion(),
        guests: guests.length,
        figures,
        files: status.files,
        served: status.served,
      };
      log(`figures: ${JSON.stringify(summary)}`);
      writeFileSync(join(workRoot, 'erase-figures.json'), `${JSON.stringify(summary, null, 1)}\n`);

      for (const g of guests) {
        const events = g.events();
        expect(
          events.find((e) => e.type === 'hub' && e.phase === 'enrolled'),
          `${g.name}: not enrolled`,
        ).toBeDefined();
        const final = events.filter((e) => e.type === 'result' || e.type === 'error').at(-1);
        expect(final, `${g.name}: ${JSON.stringify(events.slice(-3))}`).toMatchObject({ type: 'result' });
        const drives = (final?.drives ?? []) as Array<{ serial: string; result: string; method: string }>;
        expect(drives).toHaveLength(1);
        expect(drives[0]).toMatchObject({ result: 'ERASED', method: 'nvme-format-user-data' });
        expect(events.find((e) => e.type === 'sync-result')).toMatchObject({ pending: 0, rejected: [] });
        // The run ended (sync) only after the hub came back: nothing powered off with its proof in RAM.
        expect(acked.get(g.name) ?? 0).toBeGreaterThan(killedAt);
        expect(g.exitedAt, `${g.name} did not power off`).not.toBeNull();
        // The target reads back as its method says (zeros after NVMe Format), nothing of the known data left.
        const check = checkErased(join(g.workDir, 'NVME.img'), TARGET_BYTES, 'nvme-format-user-data');
        expect({ wrong: check.wrong.length, stale: check.stale.length }).toEqual({ wrong: 0, stale: 0 });
        // On the hub: the record, signed by this boot's station, chain to the organisation valid, not revoked.
        const recordId = String(final?.recordId);
        // Certificate IDs: the machine's (-M) and the drive's (-D1), both pushed with the record.
        for (const certificateId of [`${recordId}-M`, `${recordId}-D1`]) {
          const facts = session.get(`/api/v1/certificates/${certificateId}`) as Record<string, unknown>;
          log(`${g.name}: hub facts ${JSON.stringify(facts).slice(0, 300)}`);
          expect(facts).toMatchObject({ signatureValid: true, chainValid: true, revoked: false });
          expect((facts.pdfs as unknown[]).length).toBeGreaterThan(0);
        }
      }
      // Every PDF the hub holds verifies in pdfsig once the organisation root is trusted (chain station → organisation).
      await stopHub(session);
      const db = await openDatabase({ dataDir: session.hubData });
      try {
        const [root] = await db.query<{ certificate_pem: string }>(
          'SELECT certificate_pem FROM organisations WHERE own',
        );
        const pdfs = await db.query<{ certificate_id: string; pdf: Uint8Array }>(
          'SELECT certificate_id, pdf FROM certificates',
        );
        log(`hub holds ${pdfs.length} PDF(s)`);
        expect(pdfs.length).toBeGreaterThanOrEqual(guests.length);
        const nss = nssTrusting(mkdtempSync(join(session.work, 'nss-')), root?.certificate_pem ?? '');
        for (const row of pdfs) {
          const file = join(session.work, `${row.certificate_id}.pdf`);
          writeFileSync(file, row.pdf);
          const out = tool('pdfsig', ['-nssdir', nss, file]).out;
          expect(out, row.certificate_id).toMatch(/Signature Validation: Signature is Valid/);
          expect(out, row.certificate_id).toMatch(/Certificate Validation: Certificate is Trusted/);
        }
      } finally {
        await db.close();
      }
      // The hub's absence was seen and said (at least by the guest that reached its push first).
      expect(guests.some((g) => has(g, 'unreachable'))).toBe(true);
      // Every PC fetched the whole root filesystem once from the hub, and its kernel and initrd over HTTP too.
      expect(status.served.byFile['filesystem.squashfs']?.completed).toBe(guests.length);
      for (const file of ['vmlinuz', 'initrd.img'])
        expect(status.served.byFile[file]?.completed, file).toBeGreaterThanOrEqual(guests.length);
      for (const g of guests) {
        const p = phases.get(g.name);
        expect([p?.kernel, p?.initrd, p?.rootFilesystem], `${g.name}: a download missing`).not.toContain(
          null,
        );
      }
      // Proxy-DHCP: the hub's dnsmasq answered PXE only; every address came from the site's server.
      const hubDhcp = readFileSync(join(session.hubData, 'netboot', 'dnsmasq.log'), 'utf8');
      const siteDhcp = readFileSync(join(session.work, 'site-dhcp.log'), 'utf8');
      expect(hubDhcp).toMatch(/proxy/i);
      expect(hubDhcp).not.toMatch(/DHCP(OFFER|ACK)\(br0\) \d+\.\d+\.\d+\.\d+/);
      for (const g of guests)
        expect(siteDhcp).toMatch(new RegExp(`DHCPACK\\(vsite-p\\) 10\\.77\\.0\\.\\d+ ${g.mac}`));
    } finally {
      await endSession(session);
    }
  });

  it('default entry, nobody at the keyboard: the guided screens, enrolled, and nothing erased', async () => {
    const session = await startSession('guided', 1, []);
    try {
      const dir = join(session.work, 'bios');
      mkdirSync(dir);
      const disk = join(dir, 'NVME.img');
      makeFilledDisk(disk, TARGET_BYTES);
      const before = await sha256(disk);
      const guest = startNetGuest(
        session.net,
        {
          name: 'guided',
          firmware: 'bios',
          workDir: dir,
          disks: [{ file: disk, bus: 'nvme', serial: 'NVMEGUIDE' }],
          // The image's test-only copier of tty1/tty2 to ttyS1 (vcs.log); a root shell on ttyS0's socket.
          oemStrings: ['gomme-test.console-dump=1'],
          screen: true,
          tap: 'tap0',
          mac: '52:54:00:77:00:11',
        },
        log,
      );
      // Wait for the boot-time enrolment (the guided entry's gomme.enrol), then 3 more minutes of no input.
      const deadline = Date.now() + 15 * 60_000;
      while (Date.now() < deadline && !enrolledOnHub(session.hubLog)) await sleep(2000);
      const enrolledAfter = (Date.now() - guest.started) / 1000;
      log(`guided: enrolled after ${enrolledAfter} s; waiting 180 s with no input`);
      await sleep(180_000);
      // Where the boot time went, from inside (systemd-analyze on the serial root shell), kept for the report.
      const analyze = await typeOnSerial(
        join(dir, 'ttyS0.sock'),
        join(dir, 'console.log'),
        'systemd-analyze; systemd-analyze blame --no-pager | head -n 25; systemd-analyze critical-chain --no-pager gomme-console.service',
        60_000,
      );
      writeFileSync(join(workRoot, 'guided-systemd-analyze.txt'), analyze);
      log(`systemd-analyze:\n${analyze}`);
      const tty1 = parseConsoleFrames(readFileSync(join(dir, 'vcs.log'), 'utf8'))
        .filter((f) => f.tty === 1)
        .at(-1);
      writeFileSync(join(workRoot, 'guided-tty1.txt'), tty1?.text ?? '(no tty1 frame)');
      log(
        `tty1 after ${Math.round((Date.now() - guest.started) / 1000)} s without input:\n${tty1?.text ?? '(none)'}`,
      );
      const events = guest.events();
      expect(enrolledOnHub(session.hubLog), 'the guided entry did not enrol the station').toBe(true);
      expect(events.filter((e) => e.type === 'unattended' || e.type === 'result')).toEqual([]);
      expect(guest.exitedAt).toBeNull();
      guest.child.kill('SIGTERM');
      await sleep(2000);
      expect(await sha256(disk)).toBe(before);
      expect(statSync(disk).size).toBe(TARGET_BYTES);
    } finally {
      await endSession(session);
    }
  });
});
