import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { openSync } from 'node:fs';

/**
 * The test's own network: a namespace holding a bridge (the workshop switch) with the hub on 10.77.0.1, one tap
 * per guest, and a veth to a second namespace, the "site" with its own DHCP server on 10.77.0.2. Nothing is
 * routed anywhere; the host's interfaces are never touched. Every process started here is a child of the test
 * and is killed by its PID in teardown(), which also deletes both namespaces (and with them every device).
 */
export const NET = {
  hub: '10.77.0.1',
  site: '10.77.0.2',
  prefix: 24,
  /** The site's IPv6 prefix and address (unique-local, inside the test's namespaces only): its server's RAs. */
  prefix6: 'fd77::',
  site6: 'fd77::2',
  range: ['10.77.0.100', '10.77.0.150'] as const,
};

export interface TestNet {
  ns: string;
  siteNs: string;
  taps: string[];
  /** Runs a program inside the hub's namespace (a child of the test), stdout/stderr to a file. */
  spawnIn(ns: string, file: string, args: string[], logFile: string, env?: NodeJS.ProcessEnv): ChildProcess;
  exec(ns: string, file: string, args: string[]): string;
  teardown(): Promise<void>;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

export function createTestNet(tag: string, guests: number): TestNet {
  const ns = `gnb-${tag}`;
  const siteNs = `gnbs-${tag}`;
  const children: ChildProcess[] = [];
  const taps = Array.from({ length: guests }, (_, i) => `tap${i}`);
  const net: TestNet = {
    ns,
    siteNs,
    taps,
    spawnIn(where, file, args, logFile, env) {
      const out = openSync(logFile, 'a');
      const child = spawn('ip', ['netns', 'exec', where, file, ...args], {
        stdio: ['ignore', out, out],
        env: env ?? process.env,
      });
      children.push(child);
      return child;
    },
    exec: (where, file, args) =>
      execFileSync('ip', ['netns', 'exec', where, file, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString(),
    async teardown() {
      for (const child of children.reverse()) {
        if (child.exitCode !== null || child.signalCode !== null) continue;
        child.kill('SIGTERM');
        const gone = await waitExit(child, 20_000);
        if (!gone) {
          child.kill('SIGKILL');
          await waitExit(child, 5_000);
        }
      }
      for (const name of [ns, siteNs]) {
        try {
          ip('netns', 'del', name);
        } catch (error) {
          // Already gone (creation failed half way): nothing to delete.
          if (!String((error as { stderr?: Buffer }).stderr ?? '').includes('No such file')) throw error;
        }
      }
    },
  };
  try {
    ip('netns', 'add', ns);
    ip('netns', 'add', siteNs);
    const inNs = (...args: string[]) => ip('-n', ns, ...args);
    inNs('link', 'set', 'lo', 'up');
    inNs('link', 'add', 'br0', 'type', 'bridge');
    inNs('addr', 'add', `${NET.hub}/${NET.prefix}`, 'dev', 'br0');
    inNs('link', 'set', 'br0', 'up');
    for (const tap of taps) {
      inNs('tuntap', 'add', tap, 'mode', 'tap');
      inNs('link', 'set', tap, 'master', 'br0');
      inNs('link', 'set', tap, 'up');
    }
    inNs('link', 'add', 'vsite', 'type', 'veth', 'peer', 'name', 'vsite-p');
    inNs('link', 'set', 'vsite-p', 'netns', siteNs);
    inNs('link', 'set', 'vsite', 'master', 'br0');
    inNs('link', 'set', 'vsite', 'up');
    ip('-n', siteNs, 'link', 'set', 'lo', 'up');
    ip('-n', siteNs, 'addr', 'add', `${NET.site}/${NET.prefix}`, 'dev', 'vsite-p');
    ip('-n', siteNs, '-6', 'addr', 'add', `${NET.site6}/64`, 'dev', 'vsite-p', 'nodad');
    ip('-n', siteNs, 'link', 'set', 'vsite-p', 'up');
  } catch (error) {
    void net.teardown();
    throw error;
  }
  return net;
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
