import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import type { CommandContext } from '../io.js';

interface Target {
  data?: string;
  database?: string;
}

async function admin(
  ctx: CommandContext,
  target: Target,
  request: import('../../hub/index.js').AdminRequest,
) {
  const { resolveHubDataDir, runAdmin } = await import('../../hub/index.js');
  return runAdmin(
    { dataDir: resolveHubDataDir(target.data, ctx.env), databaseUrl: target.database },
    request,
  );
}

const positive = (value: string, flag: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(
      text(
        `${flag} « ${value} » : nombre entier positif attendu`,
        `${flag} "${value}": a positive integer is expected`,
      ),
    );
  return n;
};

/** `gomme hub admin enrol-code`: prints one code (its hash only is stored). */
export async function hubEnrolCodeCommand(
  ctx: CommandContext,
  options: Target & { ttl: string; uses: string; json?: boolean },
): Promise<number> {
  const out = (await admin(ctx, options, {
    op: 'enrol-code',
    ttlMinutes: positive(options.ttl, '--ttl'),
    uses: positive(options.uses, '--uses'),
  })) as { code: string; expiresAt: string; uses: number };
  if (ctx.json) ctx.stdout.write(`${JSON.stringify(out)}\n`);
  else {
    ctx.stdout.write(`${out.code}\n`);
    ctx.stderr.write(
      `${text(`valable jusqu’au ${out.expiresAt}, ${out.uses} inscription(s) ; sur le poste : gomme hub enrol URL --code ${out.code}`, `valid until ${out.expiresAt}, ${out.uses} enrolment(s); on the station: gomme hub enrol URL --code ${out.code}`)[ctx.lang]}\n`,
    );
  }
  return ExitCode.OK;
}

/** `gomme hub admin user add NAME --role R`: the password comes from stdin or a prompt, never the command line. */
export async function hubUserAddCommand(
  ctx: CommandContext,
  name: string,
  options: Target & { role: 'admin' | 'technician' | 'viewer' },
): Promise<number> {
  const password = await readPassword(ctx);
  const out = (await admin(ctx, options, { op: 'user-add', name, role: options.role, password })) as {
    status: string;
  };
  ctx.say(
    out.status === 'created'
      ? text(`compte ${name} (${options.role}) créé`, `account ${name} (${options.role}) created`)
      : text(`le compte ${name} existe déjà : inchangé`, `account ${name} already exists: unchanged`),
  );
  return out.status === 'created' ? ExitCode.OK : ExitCode.REFUSED;
}

export async function hubRevokeCommand(
  ctx: CommandContext,
  station: string,
  options: Target & { at?: string; reason?: string; json?: boolean },
): Promise<number> {
  if (options.at && Number.isNaN(Date.parse(options.at)))
    throw new UsageError(
      text(
        `--at « ${options.at} » : date ISO 8601 attendue`,
        `--at "${options.at}": an ISO 8601 date is expected`,
      ),
    );
  const out = (await admin(ctx, options, {
    op: 'revoke',
    station,
    ...(options.at ? { at: new Date(options.at).toISOString() } : {}),
    ...(options.reason ? { reason: options.reason } : {}),
  })) as { station: { name: string; stationId: number }; revokedAt: string };
  if (ctx.json) ctx.stdout.write(`${JSON.stringify(out)}\n`);
  else
    ctx.say(
      text(
        `poste ${out.station.stationId} « ${out.station.name} » révoqué depuis ${out.revokedAt}`,
        `station ${out.station.stationId} "${out.station.name}" revoked since ${out.revokedAt}`,
      ),
    );
  return ExitCode.OK;
}

export async function hubTrustCommand(
  ctx: CommandContext,
  pemFile: string,
  options: Target & { name?: string },
): Promise<number> {
  const out = (await admin(ctx, options, {
    op: 'trust',
    pem: readFileSync(pemFile, 'utf8'),
    ...(options.name ? { name: options.name } : {}),
  })) as {
    name: string;
    fingerprint256: string;
  };
  ctx.say(
    text(
      `organisation « ${out.name} » acceptée (${out.fingerprint256})`,
      `organisation "${out.name}" trusted (${out.fingerprint256})`,
    ),
  );
  return ExitCode.OK;
}

export async function hubListCommand(
  ctx: CommandContext,
  what: 'stations' | 'rejects',
  options: Target & { json?: boolean },
): Promise<number> {
  const out = (await admin(ctx, options, { op: what })) as Record<string, Array<Record<string, unknown>>>;
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify(out)}\n`);
    return ExitCode.OK;
  }
  for (const row of out[what] ?? [])
    ctx.stdout.write(
      what === 'stations'
        ? `${row.stationId}\t${row.name}\t${row.revokedAt ? `revoked ${row.revokedAt}` : 'active'}\t${row.lastSeenAt ?? '-'}\n`
        : `${row.at}\t${row.status}\t${row.code}\t${row.client ?? '-'}\t${ctx.lang === 'fr' ? row.reasonFr : row.reasonEn}\n`,
    );
  return ExitCode.OK;
}

/** First line of stdin when it is not a terminal; else a prompt that does not echo. */
async function readPassword(ctx: CommandContext): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
    if (line === '')
      throw new UsageError(
        text('mot de passe vide sur l’entrée standard', 'empty password on standard input'),
      );
    return line;
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) ctx.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const ask = async (prompt: string) => {
      ctx.stderr.write(prompt);
      muted = true;
      const answer = await rl.question('');
      muted = false;
      ctx.stderr.write('\n');
      return answer;
    };
    const first = await ask(text('Mot de passe : ', 'Password: ')[ctx.lang]);
    const second = await ask(text('Encore une fois : ', 'Again: ')[ctx.lang]);
    if (first !== second)
      throw new UsageError(text('les deux mots de passe diffèrent', 'the two passwords differ'));
    return first;
  } finally {
    rl.close();
  }
}
