/**
 * TCG Opal cryptographic erase through sedutil-cli: Revert on the Admin SP regenerates every locking range's
 * media key, so what was written is unreadable ciphertext (NIST SP 800-88 Rev. 1 Appendix A: "TCG Opal …
 * cryptographic erase" is a Purge). Two ways in:
 *  - 'tcg-revert': the owner never took ownership (LockingEnabled = N), so the SID is still the MSID, which
 *    anyone can read (`--printDefaultPassword`) and send unhashed (`-n --revertTPer`);
 *  - 'tcg-psid-revert': the PSID printed on the label, typed by the technician, works whatever the owner did.
 * Each authentication counts against the drive's try limit (the ledger, as for ATA passwords). Success is read
 * back from Level 0 Discovery: locking disabled and nothing locked.
 */
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import {
  sedMsidArgs,
  sedPsidRevertArgs,
  sedQueryArgs,
  sedRevertArgs,
} from '../../core/tools/sedutil/args.js';
import { parseSedutilMsid, parseSedutilQuery } from '../../core/tools/sedutil/parse-query.js';
import { ATA_PASSWORD_TRIES, tcgAttemptKey } from './credentials.js';
import type { PurgeEngine, PurgeEngineId, PurgeOutcome, Supports } from './engine.js';
import { abortedBeforeStart, defineEngine, type PurgeSession, summarize } from './session.js';

/** TCG leaves the try limit to the vendor (C_PIN TryLimit); gomme uses the ATA figure, the lowest in use. */
export const TCG_TRIES = ATA_PASSWORD_TRIES;
const TIMEOUT_MS = 120_000;

export const TCG_TEXT = {
  notOpal: text(
    'Le disque ne se déclare pas TCG Opal (sedutil-cli --query) : pas d’effacement cryptographique par Revert.',
    'The drive does not report TCG Opal (sedutil-cli --query): no cryptographic erase by Revert.',
  ),
  owned: text(
    'Le verrouillage Opal a été activé par le propriétaire : le mot de passe d’usine (MSID) ne suffit plus, il faut le PSID de l’étiquette.',
    'Opal locking was activated by the owner: the factory password (MSID) no longer works; the PSID from the label is needed.',
  ),
  noPsid: text(
    'Aucun PSID saisi : recopiez les 32 caractères « PSID » de l’étiquette du disque.',
    'No PSID typed: copy the 32-character "PSID" from the drive’s label.',
  ),
  noSerial: text(
    'Numéro de série inconnu : gomme ne peut pas compter les essais pour ce disque.',
    'Unknown serial number: gomme cannot count the tries for this drive.',
  ),
  budgetSpent: text(
    'gomme a déjà épuisé les essais prévus pour ce disque : éteignez-le complètement avant de réessayer.',
    'gomme has used up the tries allowed for this drive: power it off completely before trying again.',
  ),
} satisfies Record<string, Text>;

/** sedutil addresses NVMe drives by their controller (its own scan lists /dev/nvmeN). */
export const sedDevice = (drive: Drive): string => drive.capabilities.nvme?.controller ?? drive.path;

const isOpal = (drive: Drive): boolean => {
  const tcg = drive.capabilities.tcg;
  return tcg != null && (tcg.opal1 || tcg.opal2);
};

export function tcgRevertEngine(id: Extract<PurgeEngineId, `tcg-${string}`>): PurgeEngine {
  const psid = id === 'tcg-psid-revert';
  const supports = (drive: Drive): Supports => {
    if (!isOpal(drive)) return { ok: false, reason: TCG_TEXT.notOpal };
    if (drive.serial === null) return { ok: false, reason: TCG_TEXT.noSerial };
    if (!psid && drive.capabilities.tcg?.lockingEnabled !== false)
      return { ok: false, reason: TCG_TEXT.owned };
    return { ok: true };
  };
  return defineEngine(
    id,
    supports,
    (session, drive) => revert(session, drive, psid),
    (drive) => drive.capabilities.tcg?.locked !== true,
  );
}

async function revert(session: PurgeSession, drive: Drive, psid: boolean): Promise<PurgeOutcome> {
  const dev = sedDevice(drive);
  const { deps } = session;
  if (session.aborted) return session.abort(abortedBeforeStart);
  if (!deps.ledger)
    return session.fail(
      'no-attempt-ledger',
      text('Aucun registre des essais : rien n’est envoyé.', 'No attempt ledger: nothing is sent.'),
    );
  const key = tcgAttemptKey(drive.serial!);
  let secret: string;
  if (psid) {
    const typed = deps.credentials?.get(drive.serial!);
    if (typed?.kind !== 'tcg-psid') return session.fail('no-psid', TCG_TEXT.noPsid);
    secret = typed.secret;
  } else {
    const msid = parseSedutilMsid((await session.run('sedutil-cli', sedMsidArgs(dev), TIMEOUT_MS)).stdout);
    if (msid === null)
      return session.fail(
        'msid-unreadable',
        text(
          'Le mot de passe d’usine (MSID) est illisible.',
          'The factory password (MSID) could not be read.',
        ),
      );
    secret = msid;
  }
  const used = await deps.ledger.attempts(key);
  if (used >= TCG_TRIES) return session.fail('attempt-limit', TCG_TEXT.budgetSpent);
  const count = await deps.ledger.countAttempt(key);
  session.notes.push(
    `TCG authentication try ${count} of ${TCG_TRIES}: ${psid ? 'PSID typed by the technician' : 'MSID (factory SID)'}`,
  );
  session.progress(0, 60);
  const result = await session.run(
    'sedutil-cli',
    psid ? sedPsidRevertArgs(secret, dev) : sedRevertArgs(secret, dev),
    TIMEOUT_MS,
    [secret],
  );
  const after = parseSedutilQuery((await session.run('sedutil-cli', sedQueryArgs(dev), 30_000)).stdout);
  const tcg = after.capabilities;
  if (result.exitCode === 0 && tcg?.lockingEnabled === false && tcg.locked === false) {
    session.progress(1, 0);
    return session.finish('succeeded', 'immediate');
  }
  const why = /AUTHORITY_LOCKED_OUT/.test(`${result.stdout}\n${result.stderr}`)
    ? text(
        'Le disque bloque l’authentification (trop d’essais, AUTHORITY_LOCKED_OUT) : éteignez-le complètement puis recommencez.',
        'The drive locks the authority out (too many tries, AUTHORITY_LOCKED_OUT): power it off completely, then start again.',
      )
    : /NOT_AUTHORIZED/.test(`${result.stdout}\n${result.stderr}`)
      ? text(
          psid
            ? 'Le disque a refusé ce PSID : vérifiez-le sur l’étiquette.'
            : 'Le disque a refusé le MSID : il a un propriétaire.',
          psid
            ? 'The drive refused this PSID: check it against the label.'
            : 'The drive refused the MSID: it has an owner.',
        )
      : text(`Le Revert a échoué : ${summarize(result)}`, `The Revert failed: ${summarize(result)}`);
  return session.fail('revert-failed', why);
}
