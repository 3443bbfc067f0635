/**
 * A throw-away PostgreSQL cluster for the hub's tests and bench: Debian's `postgresql` package (any version,
 * the newest found under /usr/lib/postgresql), initdb in a temporary folder, listening only on a unix socket
 * in that folder (no TCP port), stopped and removed afterwards. As root, the server runs as `postgres`
 * (initdb refuses root).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** postgres://postgres@localhost/DB?host=SOCKET_DIR */
  url(database?: string): string;
  dir: string;
  socketDir: string;
  bin: string;
  psql(sql: string, database?: string): string;
  createDatabase(name: string, tablespace?: string): string;
  restart(mode?: 'fast' | 'immediate'): void;
  /** Stops the server as a crash would (immediate mode), keeping the cluster for start(). */
  crash(): void;
  stop(): void;
  start(): void;
  /** Runs a command as the server's user (postgres when root). */
  asOwner(file: string, args: string[]): string;
}

export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export function startCluster(): Cluster {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error('PostgreSQL not installed: apt-get install postgresql (iso-build/packages-test.txt)');
  const owner = process.getuid?.() === 0 ? ownerIds() : null;
  const dir = mkdtempSync(join(tmpdir(), 'gomme-pg-'));
  const socketDir = join(dir, 'sock');
  mkdirSync(socketDir);
  if (owner) for (const path of [dir, socketDir]) chownSync(path, owner.uid, owner.gid);
  const cluster = attachCluster(dir, bin);
  try {
    cluster.asOwner(join(bin, 'initdb'), [
      '-D',
      join(dir, 'data'),
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    cluster.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return cluster;
}

/** A handle on a cluster started elsewhere (the test project's global setup). */
export function attachCluster(dir: string, bin: string): Cluster {
  const root = process.getuid?.() === 0;
  const data = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  const asOwner = (file: string, args: string[]) =>
    execFileSync(root ? 'runuser' : file, root ? ['-u', 'postgres', '--', file, ...args] : args, {
      encoding: 'utf8',
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  const options = `-k ${socketDir} -c listen_addresses= -c max_connections=100 -c shared_buffers=64MB -c fsync=on`;
  const ctl = (...args: string[]) =>
    asOwner(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', ...args]);
  const start = () => void ctl('-o', options, 'start');
  const cluster: Cluster = {
    dir,
    socketDir,
    bin,
    url: (database = 'postgres') =>
      `postgres://postgres@localhost/${database}?host=${encodeURIComponent(socketDir)}`,
    psql: (sql, database = 'postgres') =>
      asOwner(join(bin, 'psql'), [
        '-h',
        socketDir,
        '-U',
        'postgres',
        '-d',
        database,
        '-v',
        'ON_ERROR_STOP=1',
        '-At',
        '-c',
        sql,
      ]),
    createDatabase(name, tablespace) {
      cluster.psql(`CREATE DATABASE "${name}"${tablespace ? ` TABLESPACE ${tablespace}` : ''}`);
      return cluster.url(name);
    },
    restart: (mode = 'fast') => void ctl('-m', mode, '-o', options, 'restart'),
    crash: () => void ctl('-m', 'immediate', 'stop'),
    start,
    stop() {
      try {
        ctl('-m', 'fast', 'stop');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    asOwner,
  };
  return cluster;
}

function ownerIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}
