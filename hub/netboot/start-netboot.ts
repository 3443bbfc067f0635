import { mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { type Lang, text } from '../../core/i18n.js';
import type { CommandRunner, CommandStream, StreamRunner } from '../../core/run/runner.js';
import { createEnrolmentCode } from '../admin/operations.js';
import type { Database } from '../db/database.js';
import type { RouteModule } from '../http/server.js';
import { extractIso, populateTftp } from './boot-files.js';
import { dnsmasqConfig, grubConfig, pxelinuxConfig, TFTP } from './configs.js';
import { NetbootSetupError, unusableAddress } from './errors.js';
import { emptyStats, HTTP_FILES, httpFilesRoute, netbootPath, type ServedStats } from './http-files.js';
import { type DefaultChoice, menuEntries } from './menu.js';

export interface NetbootSettings {
  iso: string;
  /** The workshop network's interface (dnsmasq binds only there). */
  interface: string;
  /** The hub's IPv4 address on it; PCs fetch from http://ADDRESS:PORT. */
  address: string;
  port: number;
  /** null: proxy-DHCP (default); a range: dnsmasq also gives addresses (an isolated switch only). */
  dhcpRange: [string, string] | null;
  defaultEntry: DefaultChoice;
  /** Language of the boot menu. */
  lang: Lang;
  /** DATA/netboot: extraction, TFTP root, generated configs, dnsmasq's log. */
  dir: string;
  /** Minutes the enrolment code on the kernel command line stays valid (a working day by default). */
  enrolTtlMinutes?: number;
  /** PCs that may enrol with it during that time. */
  enrolUses?: number;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export interface PreparedNetboot {
  route: RouteModule;
  stats: ServedStats;
  /** After the hub listens: makes the session's enrolment code, writes the menus, starts dnsmasq. */
  start(db: Database, streams: StreamRunner): Promise<RunningNetboot>;
}

export interface RunningNetboot {
  hubUrl: string;
  enrolExpiresAt: string;
  dnsmasqLog: string;
  stop(): Promise<void>;
}

/** Before the hub starts: checks the settings, extracts the ISO, fills the TFTP root. */
export async function prepareNetboot(runner: CommandRunner, s: NetbootSettings): Promise<PreparedNetboot> {
  if (!IPV4.test(s.address) || s.address === '0.0.0.0' || s.address.startsWith('127.'))
    throw unusableAddress(s.address);
  for (const bound of s.dhcpRange ?? [])
    if (!IPV4.test(bound)) throw unusableAddress(`--dhcp-range ${s.dhcpRange?.join(',')}`);
  if (!/^[A-Za-z0-9_.:-]{1,15}$/.test(s.interface))
    throw new NetbootSetupError(
      'interface',
      text(`Interface réseau invalide : ${s.interface}.`, `Invalid network interface: ${s.interface}.`),
      text(
        'Donnez son nom, par ex. --netboot-interface eth0 (voir « ip link »).',
        'Give its name, e.g. --netboot-interface eth0 (see "ip link").',
      ),
      2,
    );
  const iso = await extractIso(runner, s.iso, join(s.dir, 'iso'));
  const tftpRoot = join(s.dir, 'tftp');
  populateTftp(tftpRoot, iso);
  const stats = emptyStats();
  const hub = { address: s.address, port: s.port };
  const hubUrl = `http://${s.address}:${s.port}`;
  return {
    route: httpFilesRoute(iso.httpFiles, stats),
    stats,
    async start(db, streams) {
      const enrol = await createEnrolmentCode(
        { db },
        { ttlMinutes: s.enrolTtlMinutes ?? 12 * 60, uses: s.enrolUses ?? 500, by: 'netboot' },
      );
      const entries = menuEntries({
        isoAppend: iso.isoAppend,
        hubUrl,
        squashfsPath: netbootPath(HTTP_FILES.squashfs),
        enrolCode: enrol.code,
        defaultEntry: s.defaultEntry,
        memtest: iso.memtest.bios !== null || iso.memtest.efi !== null,
      });
      writeText(join(tftpRoot, TFTP.grubCfg), grubConfig(entries, s.defaultEntry, s.lang, hub));
      writeText(join(tftpRoot, TFTP.pxelinuxCfg), pxelinuxConfig(entries, s.defaultEntry, s.lang, hub));
      const conf = join(s.dir, 'dnsmasq.conf');
      const log = join(s.dir, 'dnsmasq.log');
      writeText(
        conf,
        dnsmasqConfig({
          interface: s.interface,
          address: s.address,
          tftpRoot,
          dhcpRange: s.dhcpRange,
          logFile: log,
          pidFile: join(s.dir, 'dnsmasq.pid'),
          user: userInfo().username,
        }),
      );
      const dnsmasq = await startDnsmasq(streams, conf);
      return {
        hubUrl,
        enrolExpiresAt: enrol.expiresAt,
        dnsmasqLog: log,
        stop: async () => void (await stopStream(dnsmasq)),
      };
    },
  };
}

/** dnsmasq in the foreground, a child of the hub: it ends when the hub ends. A start failure is reported. */
async function startDnsmasq(streams: StreamRunner, conf: string): Promise<CommandStream> {
  const stream = await streams.open('dnsmasq', ['--keep-in-foreground', `--conf-file=${conf}`]);
  const early = await Promise.race([
    stream.done,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_500)),
  ]);
  if (early !== null)
    throw new NetbootSetupError(
      'dnsmasq',
      text(
        'Le serveur de démarrage réseau (dnsmasq) n’a pas démarré.',
        'The network boot server (dnsmasq) did not start.',
      ),
      text(
        `Détail : ${early.stderr.trim() || `code ${early.exitCode}`}. Un autre serveur DHCP/TFTP tourne-t-il sur ce PC ? Le hub doit être lancé en root.`,
        `Detail: ${early.stderr.trim() || `exit ${early.exitCode}`}. Is another DHCP/TFTP server running on this PC? The hub must run as root.`,
      ),
    );
  // Its stdout is empty (logs go to the log file): drain it so the pipe never fills.
  void (async () => {
    for await (const _ of stream.chunks);
  })();
  return stream;
}

async function stopStream(stream: CommandStream): Promise<void> {
  stream.stop();
  await stream.done;
}

function writeText(path: string, content: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content, { mode: 0o644 });
}
