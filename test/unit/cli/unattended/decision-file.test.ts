import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { announceDecision } from '../../../../cli/unattended/decision-file.js';
import { resolveUnattendedParams } from '../../../../cli/unattended/params.js';

const methods = ['nist-clear', 'zero'];
const outcome = (cmdline: string) => resolveUnattendedParams({ cmdline, dmidecodeType11: null, methods });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const statePath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gomme-decision-'));
  dirs.push(dir);
  return join(dir, 'run/gomme/unattended.state');
};

describe('announceDecision (what tty1 of the live image waits for)', () => {
  it('says none without gomme.mode, so tty1 opens the guided screens', async () => {
    const path = statePath();
    await announceDecision(path, outcome('boot=live components quiet'));
    expect(readFileSync(path, 'utf8')).toBe('none\n');
  });

  it('says run MODE for a valid run, and run invalid for a refusal that must stay on screen', async () => {
    const path = statePath();
    await announceDecision(path, outcome('boot=live gomme.mode=capture'));
    expect(readFileSync(path, 'utf8')).toBe('run capture\n');
    await announceDecision(path, outcome('boot=live gomme.mode=erase gomme.targets=all-unprotected'));
    expect(readFileSync(path, 'utf8')).toBe('run invalid\n');
  });

  it('writes nothing when the live image did not ask (GOMME_UNATTENDED_STATE unset)', async () => {
    await expect(announceDecision(undefined, outcome('gomme.mode=capture'))).resolves.toBeUndefined();
  });
});
