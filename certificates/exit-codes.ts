import { ExitCode } from '../core/exit-codes.js';

/**
 * Exit codes of `gomme cert verify`. 0 and 10 come from core/exit-codes.ts; 11 and 12 are proposed additions
 * to that table (never renumber: scripts of the network's members test them).
 */
export const VerifyExitCode = {
  /** Signature valid, covers the whole file, record hash matches, signer trusted. */
  VALID: ExitCode.OK,
  /** Not a PDF, not signed, or no embedded gomme record. */
  UNREADABLE: ExitCode.BAD_INPUT,
  /** The signature does not verify, does not cover the whole file, or the record hash differs: tampered. */
  TAMPERED: ExitCode.TAMPERED,
  /** The document is intact but signed by a certificate this installation does not trust. */
  UNKNOWN_SIGNER: ExitCode.UNKNOWN_SIGNER,
  /** Intact, but a certificate of its chain was revoked before it was signed (only when told of revocations). */
  REVOKED: ExitCode.UNKNOWN_SIGNER,
} as const;

export type VerifyExitCodeValue = (typeof VerifyExitCode)[keyof typeof VerifyExitCode];
