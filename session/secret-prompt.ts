/**
 * Typing a locked drive's secret, as a pure state machine any front end can drive (the guide draws it): the
 * secret is typed twice, checked (erasure/purge/credentials.ts: a PSID's format, an ATA password's length),
 * a PSID is shown back in groups to compare with the label, then handed over once. Skipping leaves the drive
 * on the destruction path the policy already chose. With no tries left, nothing can be typed.
 */
import { type Text, text } from '../core/i18n.js';
import { type Credential, checkAtaPassword, checkPsid } from '../erasure/purge/credentials.js';
import { type SecretNeed, triesLeft } from './locked-drives.js';

/** first: typing; second: typing it again; review: the PSID shown back; spent: no try left. */
export type SecretStep = 'first' | 'second' | 'review' | 'spent';

export interface SecretPrompt {
  device: string;
  need: SecretNeed;
  /** ATA only: which password the donor gave (the drive checks them differently). */
  ataKind: 'ata-user' | 'ata-master';
  step: SecretStep;
  first: string;
  second: string;
  /** The checked PSID in groups of 4, shown back on the review step. */
  grouped: string | null;
  error: Text | null;
}

export type SecretIntent =
  | { type: 'type'; text: string }
  | { type: 'erase' }
  /** Enter: next entry, check, or accept the PSID shown back. */
  | { type: 'enter' }
  /** Esc: back to the first entry, or skip the drive from there. */
  | { type: 'back' }
  /** Left/Right: user or master password (ATA). */
  | { type: 'switch' };

export type SecretOutcome =
  | { kind: 'editing'; prompt: SecretPrompt }
  | { kind: 'provide'; device: string; serial: string; credential: Credential }
  | { kind: 'skip'; device: string };

/** A PSID label groups its 32 characters with spaces or dashes: room for them, and no more. */
const MAX_PSID_TYPED = 48;
/** An ATA password is at most 32 bytes; a little more is accepted so the check can say why it is refused. */
const MAX_PASSWORD_TYPED = 40;

const EMPTY = text(
  'Rien n’a été tapé. Tapez le secret, ou Échap pour passer ce disque.',
  'Nothing was typed. Type the secret, or Esc to skip this drive.',
);

export function openPrompt(device: string, need: SecretNeed): SecretPrompt {
  return {
    device,
    need,
    ataKind: 'ata-user',
    step: triesLeft(need) === 0 ? 'spent' : 'first',
    first: '',
    second: '',
    grouped: null,
    error: null,
  };
}

export function stepPrompt(prompt: SecretPrompt, intent: SecretIntent): SecretOutcome {
  const editing = (p: SecretPrompt): SecretOutcome => ({ kind: 'editing', prompt: p });
  const skip: SecretOutcome = { kind: 'skip', device: prompt.device };
  const field = prompt.step === 'second' ? 'second' : 'first';
  const typing = prompt.step === 'first' || prompt.step === 'second';
  switch (intent.type) {
    case 'type': {
      if (!typing) return editing(prompt);
      const max = prompt.need.kind === 'psid' ? MAX_PSID_TYPED : MAX_PASSWORD_TYPED;
      const value = (prompt[field] + intent.text.replace(/[\u0000-\u001f\u007f]/g, '')).slice(0, max);
      return editing({ ...prompt, [field]: value, error: null });
    }
    case 'erase':
      if (!typing) return editing(prompt);
      return editing({ ...prompt, [field]: prompt[field].slice(0, -1), error: null });
    case 'switch':
      if (prompt.need.kind !== 'ata-password' || !typing) return editing(prompt);
      return editing({ ...prompt, ataKind: prompt.ataKind === 'ata-user' ? 'ata-master' : 'ata-user' });
    case 'back':
      if (prompt.step === 'second') return editing({ ...prompt, step: 'first', second: '', error: null });
      if (prompt.step === 'review')
        return editing({ ...prompt, step: 'first', first: '', second: '', grouped: null, error: null });
      return skip;
    case 'enter':
      return enter(prompt);
  }
}

function enter(prompt: SecretPrompt): SecretOutcome {
  const { need, device } = prompt;
  switch (prompt.step) {
    case 'spent':
      return { kind: 'skip', device };
    case 'first':
      if (prompt.first === '') return { kind: 'editing', prompt: { ...prompt, error: EMPTY } };
      return { kind: 'editing', prompt: { ...prompt, step: 'second', error: null } };
    case 'review': {
      const psid = checkPsid(prompt.first, prompt.second);
      if (!psid.ok) return { kind: 'editing', prompt: retry(prompt, psid.reason) };
      return {
        kind: 'provide',
        device,
        serial: need.serial,
        credential: { kind: 'tcg-psid', secret: psid.psid },
      };
    }
    case 'second': {
      if (need.kind === 'psid') {
        const psid = checkPsid(prompt.first, prompt.second);
        if (!psid.ok) return { kind: 'editing', prompt: retry(prompt, psid.reason) };
        return { kind: 'editing', prompt: { ...prompt, step: 'review', grouped: psid.grouped, error: null } };
      }
      const password = checkAtaPassword(prompt.first, prompt.second);
      if (!password.ok) return { kind: 'editing', prompt: retry(prompt, password.reason) };
      return {
        kind: 'provide',
        device,
        serial: need.serial,
        credential: { kind: prompt.ataKind, secret: prompt.first },
      };
    }
  }
}

/** A refused entry: both typings start again (a masked password cannot be corrected character by character). */
const retry = (prompt: SecretPrompt, reason: Text): SecretPrompt => ({
  ...prompt,
  step: 'first',
  first: '',
  second: '',
  grouped: null,
  error: reason,
});
