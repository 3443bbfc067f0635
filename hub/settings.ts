import { homedir } from 'node:os';
import { join } from 'node:path';

export interface HubSettings {
  /** Keys, the embedded database and the admin connection file. */
  dataDir: string;
  /** postgres://… ; absent: the embedded default in dataDir/db. */
  databaseUrl?: string | undefined;
  host: string;
  port: number;
  publicUrl: string | null;
  /** Only needed at the first start, to create the organisation's CA. */
  organisation?: string | undefined;
  keyPassphrase?: string | undefined;
}

/** `--data`, else GOMME_HUB_DATA, else $XDG_DATA_HOME/gomme-hub (~/.local/share/gomme-hub). */
export function resolveHubDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return flag;
  if (env.GOMME_HUB_DATA) return env.GOMME_HUB_DATA;
  const xdg = env.XDG_DATA_HOME?.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(xdg, 'gomme-hub');
}

/** `HOST:PORT`, `[::1]:PORT` or `PORT`; null when unreadable. */
export function parseListen(value: string): { host: string; port: number } | null {
  const match =
    /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value) ?? /^()()(\d{1,5})$/.exec(value);
  if (!match) return null;
  const port = Number(match[3]);
  if (port > 65_535) return null;
  return { host: match[1] || match[2] || '127.0.0.1', port };
}
