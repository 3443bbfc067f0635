/**
 * Locked drives built by discovery's own code (buildDrive) from recorded outputs: a SATA drive locked with a
 * password whose master was changed (hand-edited hdparm -I, see test/fixtures/hand-edited/drives/README.md)
 * and a Samsung 850 EVO whose Opal locking range is locked (corpus IDENTIFY + hand-edited sedutil --query).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDrive } from '../../core/detect/build-drive.js';
import type { Drive } from '../../core/drive.js';
import type { CommandResult } from '../../core/run/runner.js';
import { projectRoot, readFixture } from './fixtures.js';
import { capturedResult, qemuProbe } from './qemu-captures.js';

const local = (rel: string) => readFileSync(join(projectRoot, 'test/fixtures', rel), 'latin1');
const out = (stdout: string): CommandResult => ({
  argv: [],
  exitCode: 0,
  signal: null,
  stdout,
  stderr: '',
  timedOut: false,
  durationMs: 1,
});

function sata(identify: string, extra: Partial<Parameters<typeof qemuProbe>[1]> = {}): Drive {
  return buildDrive(
    qemuProbe('sda', { hdparmIdentify: { ...capturedResult('hdparm-I-sda'), stdout: identify }, ...extra }),
    [],
  );
}

/** ATA security enabled and locked, master password changed: "à détruire" unless a password is typed. */
export function lockedAtaDrive(path = '/dev/sdc'): Drive {
  const d = sata(local('hand-edited/drives/hdparm-I-locked-maximum-master-changed.txt'));
  return { ...d, path, name: path.replace('/dev/', '') };
}

/** TCG Opal 2 with its locking range locked: "à détruire" unless the PSID of the label is typed. */
export function lockedOpalDrive(path = '/dev/sdd'): Drive {
  const d = sata(readFixture('hdparm/samsung-850evo-2tb-notfrozen-enhanced-erase.txt', 'latin1'), {
    sedutilQuery: out(local('hand-edited/drives/sedutil-query-opal2-locked.txt')),
  });
  return { ...d, path, name: path.replace('/dev/', '') };
}
