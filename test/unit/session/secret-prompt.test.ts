import { describe, expect, it } from 'vitest';
import {
  ataAttemptKey,
  CredentialStore,
  InMemoryAttemptLedger,
  tcgAttemptKey,
} from '../../../erasure/purge/credentials.js';
import { planTargets } from '../../../session/index.js';
import { type SecretNeed, secretKindFor, secretNeeds } from '../../../session/locked-drives.js';
import {
  openPrompt,
  type SecretIntent,
  type SecretOutcome,
  type SecretPrompt,
  stepPrompt,
} from '../../../session/secret-prompt.js';
import { fakeDrive } from '../../component/tui/fakes.js';
import { lockedAtaDrive, lockedOpalDrive } from '../../helpers/locked-drives.js';

const PSID = 'ABCD1234EFGH5678IJKL9012MNOP3456';
const psidNeed: SecretNeed = { kind: 'psid', serial: 'S1', used: 0, limit: 5 };
const ataNeed: SecretNeed = { kind: 'ata-password', serial: 'S2', used: 2, limit: 5 };

/** Plays intents; returns the last outcome (typing goes on while it is still editing). */
function play(prompt: SecretPrompt, intents: SecretIntent[]): SecretOutcome {
  let outcome: SecretOutcome = { kind: 'editing', prompt };
  for (const intent of intents) {
    if (outcome.kind !== 'editing') throw new Error(`closed before ${intent.type}`);
    outcome = stepPrompt(outcome.prompt, intent);
  }
  return outcome;
}
const type = (text: string): SecretIntent => ({ type: 'type', text });
const enter: SecretIntent = { type: 'enter' };
const back: SecretIntent = { type: 'back' };
const editing = (o: SecretOutcome): SecretPrompt => {
  if (o.kind !== 'editing') throw new Error(`expected editing, got ${o.kind}`);
  return o.prompt;
};

describe('which locked drives a typed secret can save', () => {
  it('an Opal drive locked by its owner needs the PSID; a password-locked ATA drive its password', () => {
    expect(secretKindFor(lockedOpalDrive())).toBe('psid');
    expect(secretKindFor(lockedAtaDrive())).toBe('ata-password');
    expect(secretKindFor(fakeDrive())).toBeNull();
    expect(secretKindFor({ ...lockedAtaDrive(), serial: null })).toBeNull();
  });

  it('the tries left come from the ledger, per kind of counter', async () => {
    const ledger = new InMemoryAttemptLedger();
    const ata = lockedAtaDrive('/dev/sdc');
    const opal = lockedOpalDrive('/dev/sdd');
    await ledger.countAttempt(ataAttemptKey(ata.serial!));
    await ledger.countAttempt(ataAttemptKey(ata.serial!));
    await ledger.countAttempt(tcgAttemptKey(opal.serial!));
    const needs = await secretNeeds([ata, opal, fakeDrive()], ledger);
    expect(needs.get('/dev/sdc')).toMatchObject({ kind: 'ata-password', used: 2, limit: 5 });
    expect(needs.get('/dev/sdd')).toMatchObject({ kind: 'psid', used: 1, limit: 5 });
    expect(needs.has('/dev/sdb')).toBe(false);
  });

  it('with the PSID in the store, the locked Opal drive is planned for a PSID revert, not destruction', () => {
    const opal = lockedOpalDrive();
    const before = planTargets([opal], [opal.path], {})[0]!;
    expect(before.plan?.job.destroy?.code).toBe('opal-locked');
    const credentials = new CredentialStore();
    credentials.provide(opal.serial!, { kind: 'tcg-psid', secret: PSID });
    const after = planTargets([opal], [opal.path], { credentials })[0]!;
    expect(after.plan?.job.destroy).toBeUndefined();
    expect(after.plan?.job.methodId).toBe('tcg-psid-revert');
  });
});

describe('typing a PSID', () => {
  it('typed twice (label grouping ignored), shown back in groups, then handed over', () => {
    const grouped = 'ABCD-1234-EFGH-5678-IJKL-9012-MNOP-3456';
    const review = editing(
      play(openPrompt('/dev/sdd', psidNeed), [type(grouped), enter, type(PSID.toLowerCase()), enter]),
    );
    expect(review.step).toBe('review');
    expect(review.grouped).toBe('ABCD 1234 EFGH 5678 IJKL 9012 MNOP 3456');
    expect(stepPrompt(review, enter)).toEqual({
      kind: 'provide',
      device: '/dev/sdd',
      serial: 'S1',
      credential: { kind: 'tcg-psid', secret: PSID },
    });
  });

  it('a short PSID or two different entries start both entries again, with the reason', () => {
    const short = editing(play(openPrompt('/dev/sdd', psidNeed), [type('ABCD'), enter, type('ABCD'), enter]));
    expect(short).toMatchObject({ step: 'first', first: '', second: '' });
    expect(short.error?.fr).toContain('32 lettres ou chiffres (4 saisis)');
    const differ = editing(
      play(openPrompt('/dev/sdd', psidNeed), [type(PSID), enter, type(`${PSID.slice(0, -1)}X`), enter]),
    );
    expect(differ.error?.fr).toBe('Les deux saisies du PSID sont différentes.');
  });

  it('Enter on an empty entry says so; Backspace erases; Esc from the review types it again', () => {
    const empty = editing(play(openPrompt('/dev/sdd', psidNeed), [enter]));
    expect(empty.step).toBe('first');
    expect(empty.error?.en).toContain('Nothing was typed');
    expect(editing(play(openPrompt('/dev/sdd', psidNeed), [type('AB'), { type: 'erase' }])).first).toBe('A');
    const again = editing(
      play(openPrompt('/dev/sdd', psidNeed), [type(PSID), enter, type(PSID), enter, back]),
    );
    expect(again).toMatchObject({ step: 'first', first: '', second: '', grouped: null });
  });
});

describe('typing an ATA password', () => {
  it('user or master (Left/Right), typed twice, handed over with its kind', () => {
    const outcome = play(openPrompt('/dev/sdc', ataNeed), [
      { type: 'switch' },
      type('s3cret pass'),
      enter,
      type('s3cret pass'),
      enter,
    ]);
    expect(outcome).toEqual({
      kind: 'provide',
      device: '/dev/sdc',
      serial: 'S2',
      credential: { kind: 'ata-master', secret: 's3cret pass' },
    });
  });

  it('Esc on the second entry goes back to the first, keeping it; Esc on the first skips the drive', () => {
    const first = editing(play(openPrompt('/dev/sdc', ataNeed), [type('abc'), enter, type('x'), back]));
    expect(first).toMatchObject({ step: 'first', first: 'abc', second: '' });
    expect(stepPrompt(first, back)).toEqual({ kind: 'skip', device: '/dev/sdc' });
  });

  it('a password longer than 32 bytes is refused', () => {
    const long = 'x'.repeat(33);
    const p = editing(play(openPrompt('/dev/sdc', ataNeed), [type(long), enter, type(long), enter]));
    expect(p.error?.fr).toBe('Un mot de passe ATA fait de 1 à 32 caractères.');
  });

  it('with no try left, nothing can be typed and Enter or Esc leaves the drive to destruction', () => {
    const spent = openPrompt('/dev/sdc', { ...ataNeed, used: 5 });
    expect(spent.step).toBe('spent');
    expect(editing(stepPrompt(spent, type('abc'))).first).toBe('');
    expect(stepPrompt(spent, enter)).toEqual({ kind: 'skip', device: '/dev/sdc' });
    expect(stepPrompt(spent, back)).toEqual({ kind: 'skip', device: '/dev/sdc' });
  });
});
