import { createHash, randomInt } from 'node:crypto';

/** Crockford's base 32: no I, L, O, U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `XXXX-XXXX`: 40 random bits, one-time and short-lived, so guessing is bounded by the rate limit. */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What is stored and compared: case, spaces and dashes do not matter; O/I/L typed by mistake do not either. */
export function enrolmentCodeHash(code: string): string {
  const normal = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return createHash('sha256').update(`gomme-enrol:${normal}`).digest('hex');
}
