/**
 * Re-reads IDENTIFY (`hdparm -I`) inside an engine. hdparm exits 0 even when a security command did nothing,
 * so the state after every security command is read back from the drive, never inferred from the exit code.
 */
import type { AtaSecurity } from '../../core/drive.js';
import { identifyArgs } from '../../core/tools/hdparm/args.js';
import { type HdparmIdentify, parseHdparmIdentify } from '../../core/tools/hdparm/parse-identify.js';
import type { CommandLog } from './command-log.js';

const IDENTIFY_TIMEOUT_MS = 15_000;

export interface SecurityReading {
  identify: HdparmIdentify;
  /** null when the IDENTIFY data is missing, untrustworthy or has no Security section. */
  security: AtaSecurity | null;
}

export async function readSecurity(log: CommandLog, dev: string): Promise<SecurityReading> {
  const result = await log.run('hdparm', identifyArgs(dev), IDENTIFY_TIMEOUT_MS);
  const identify = parseHdparmIdentify(result.stdout);
  const security = identify.identified && identify.trustworthy ? identify.security : null;
  return { identify, security };
}
