/**
 * §2 gomme's AES-CTR generator against openssl's, and §5 the CLI's start-up time: no device involved.
 */
import { loadAesCtrNative } from '../../erasure/patterns/aes-ctr-native.js';
import { throwIfInterrupted } from './measure.js';
import { atLeast, below, type Check, cell, num, ratio, renderTable, Series, verdict } from './report.js';
import { gommeHelp, gommePrng, opensslAesCtr } from './tools.js';

const PRNG_BYTES = 2 ** 30;
const OPENSSL_SECONDS = 3;

export async function prngSpeed(
  reps: number,
  log: (line: string) => void,
): Promise<{ text: string; checks: Check[]; json: unknown }> {
  const gommeUser = new Series();
  const gommeWall = new Series();
  const gommeSys = new Series();
  // The node:crypto fallback (cipher.update + copy), for comparison: what gomme does when the module is not built.
  const fallbackUser = new Series();
  const fallbackWall = new Series();
  const native = loadAesCtrNative();
  if (!native.module) log(`native AES-CTR module unavailable: ${native.problem}`);
  const opensslUser = new Series();
  const opensslWall = new Series();
  let opensslVersion = 'unknown';
  const openssl = async (series: Series, elapsed: boolean) => {
    if (series.error !== undefined) return;
    try {
      const o = await opensslAesCtr(OPENSSL_SECONDS, elapsed);
      series.add(o.bytesPerSecond / 1e9);
      opensslVersion = o.version;
    } catch (error) {
      series.fail(error);
    }
  };
  for (let rep = 1; rep <= reps; rep++) {
    // Interleaved, like the erase runs. GB/s = 10^9 B/s throughout.
    throwIfInterrupted();
    await openssl(opensslUser, false);
    if (native.module) {
      const g = gommePrng(PRNG_BYTES, 'native');
      gommeUser.add(g.perUserSecond / 1e9);
      gommeWall.add(g.perWallSecond / 1e9);
      gommeSys.add(g.systemSecondsPerGiB);
    } else if (gommeUser.error === undefined) {
      gommeUser.fail(new Error(native.problem));
      gommeWall.fail(new Error(native.problem));
    }
    const f = gommePrng(PRNG_BYTES, 'node-crypto');
    fallbackUser.add(f.perUserSecond / 1e9);
    fallbackWall.add(f.perWallSecond / 1e9);
    await openssl(opensslWall, true);
    log(
      `rep ${rep}/${reps} PRNG GB/s per CPU s: gomme ${num(gommeUser.runs.at(-1) ?? null, 2)}, ` +
        `openssl ${num(opensslUser.runs.at(-1) ?? null, 2)}; per wall s: gomme ` +
        `${num(gommeWall.runs.at(-1) ?? null, 2)}, openssl ${num(opensslWall.runs.at(-1) ?? null, 2)}`,
    );
  }
  const byCpu = atLeast(
    'PRNG gomme / openssl aes-128-ctr (per user CPU s)',
    ratio(gommeUser.median, opensslUser.median),
    0.8,
  );
  const byWall = atLeast(
    'PRNG gomme / openssl aes-128-ctr (per wall s)',
    ratio(gommeWall.median, opensslWall.median),
    0.8,
  );
  const cmd = `openssl speed -evp aes-128-ctr -bytes 16384 -seconds ${OPENSSL_SECONDS}`;
  const text = [
    '2. PRNG alone, one thread (gomme: AesCtrStream.fill into one 4 MiB aligned buffer, 1 GiB)',
    renderTable([
      ['GB/s (10^9 B/s), median (runs)', 'per user CPU second', 'per wall second'],
      ['gomme AesCtrStream (native: OpenSSL in place)', cell(gommeUser, 2), cell(gommeWall, 2)],
      ['  fallback node:crypto (update + copy), not a target', cell(fallbackUser, 2), cell(fallbackWall, 2)],
      [`${cmd} [-elapsed]`, cell(opensslUser, 2), cell(opensslWall, 2)],
      [
        'ratio gomme / openssl, target ≥ 0.8',
        `${num(byCpu.value, 2)} ${verdict(byCpu)}`,
        `${num(byWall.value, 2)} ${verdict(byWall)}`,
      ],
    ]),
    `gomme system CPU s per GiB (not in its per-user-CPU-second figure): ${cell(gommeSys, 2)}`,
    `OpenSSL inside gomme: ${native.module ? native.module.opensslVersion() : 'n/a'}; openssl command: ${opensslVersion}`,
  ].join('\n');
  return {
    text,
    checks: [byCpu, byWall],
    json: {
      gommePerUserSecondGBps: gommeUser,
      gommePerWallSecondGBps: gommeWall,
      gommeSystemSecondsPerGiB: gommeSys,
      fallbackPerUserSecondGBps: fallbackUser,
      fallbackPerWallSecondGBps: fallbackWall,
      gommeOpenssl: native.module?.opensslVersion() ?? null,
      opensslPerUserSecondGBps: opensslUser,
      opensslElapsedGBps: opensslWall,
      opensslVersion,
    },
  };
}

export async function helpStartup(
  cli: string,
  runs: number,
): Promise<{ text: string; checks: Check[]; json: unknown }> {
  const ms = new Series();
  for (let i = 0; i < runs; i++) {
    throwIfInterrupted();
    try {
      ms.add((await gommeHelp(cli)).wallSeconds * 1000);
    } catch (error) {
      ms.fail(error);
      break;
    }
  }
  const check = below('gomme --help wall time (ms, median)', ms.median, 300);
  const text = [
    '5. Start-up: cli/bin/gomme --help',
    renderTable([
      [`wall ms, median of ${runs} (runs)`, cell(ms)],
      ['target < 300 ms', `${num(check.value, 0)} ${verdict(check)}`],
    ]),
  ].join('\n');
  return { text, checks: [check], json: { wallMs: ms } };
}
