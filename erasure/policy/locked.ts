/**
 * Drives that fight back: an ATA drive locked with a password gomme did not set, a TCG Opal drive whose
 * locking range is locked. Each gets, in order, the strongest way its state allows, or the verdict "to be
 * destroyed" with the exact reason and what would change it (a password, the PSID of the label). Pure.
 */
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import type { CredentialKind } from '../purge/credentials.js';
import { FACTORY_MASTER_REVISION, factoryMasterCandidates } from '../purge/factory-master-passwords.js';

export type DestroyCode = 'ata-locked' | 'opal-locked';

export type LockedRoute =
  | { kind: 'engine'; engine: 'ata-security-erase-password' | 'tcg-psid-revert'; why: Text }
  | { kind: 'destroy'; code: DestroyCode; reason: Text }
  | { kind: 'refuse'; code: string; message: Text };

/** What to do with a locked drive, or null when it is not locked (the normal choice then applies). */
export function lockedRoute(drive: Drive, credential: CredentialKind | undefined): LockedRoute | null {
  const sec = drive.capabilities.ataSecurity;
  const tcg = drive.capabilities.tcg ?? null;
  const opal = tcg !== null && (tcg.opal1 || tcg.opal2);
  // A typed PSID is the strongest route on any Opal drive: a Purge whatever the owner did.
  if (opal && credential === 'tcg-psid') return { kind: 'engine', engine: 'tcg-psid-revert', why: PSID_WHY };
  if (opal && tcg?.locked === true) return { kind: 'destroy', code: 'opal-locked', reason: OPAL_DESTROY };
  if (sec?.locked !== true) return null;
  if (sec.countExpired === true)
    return {
      kind: 'refuse',
      code: 'ata-attempts-expired',
      message: text(
        'Le disque verrouillé a épuisé ses 5 essais de mot de passe : éteignez-le complètement (débranchez son alimentation), rallumez, puis relancez gomme.',
        'The locked drive has used up its 5 password tries: power it off completely (unplug its power), power it on, then run gomme again.',
      ),
    };
  if (credential === 'ata-user')
    return {
      kind: 'engine',
      engine: 'ata-security-erase-password',
      why: text(
        'Le disque est verrouillé ; le mot de passe utilisateur saisi par le technicien sert à l’effacer (chaque essai compte : 5 au plus).',
        'The drive is locked; the user password the technician typed is used to erase it (each try counts: 5 at most).',
      ),
    };
  if (credential === 'ata-master')
    return {
      kind: 'engine',
      engine: 'ata-security-erase-password',
      why: text(
        'Le disque est verrouillé ; le mot de passe maître saisi par le technicien sert à l’effacer (chaque essai compte : 5 au plus).',
        'The drive is locked; the master password the technician typed is used to erase it (each try counts: 5 at most).',
      ),
    };
  const factory = factoryMasterCandidates(drive.model, sec.masterPasswordRevision);
  if (factory.length > 0)
    return {
      kind: 'engine',
      engine: 'ata-security-erase-password',
      why: text(
        `Le disque est verrouillé, mais son mot de passe maître est encore celui d’usine (code de révision ${FACTORY_MASTER_REVISION}) : gomme essaie celui de ${factory.map((f) => f.brand).join(', ')} (source : références de récupération de données, pas le fabricant), ${factory.length} essai(s) sur 5.`,
        `The drive is locked, but its master password is still the factory one (revision code ${FACTORY_MASTER_REVISION}): gomme tries ${factory.map((f) => f.brand).join(', ')}'s (source: data-recovery references, not the vendor), ${factory.length} try(ies) of 5.`,
      ),
    };
  return { kind: 'destroy', code: 'ata-locked', reason: ataDestroyReason(drive) };
}

const PSID_WHY = text(
  'Disque chiffrant (TCG Opal) : le PSID de l’étiquette, saisi par le technicien, le remet à zéro (toutes les clés régénérées), même verrouillé par son ancien propriétaire.',
  'Self-encrypting drive (TCG Opal): the PSID from its label, typed by the technician, resets it (every key regenerated), even when its former owner locked it.',
);

const OPAL_DESTROY = text(
  'verrouillé : à détruire physiquement. Le disque chiffrant (TCG Opal) est verrouillé par son ancien propriétaire : ses données ne peuvent être ni lues ni réécrites. Pour l’effacer quand même, saisissez le PSID à 32 caractères imprimé sur son étiquette ; sinon, il doit être détruit.',
  'locked: to be physically destroyed. The self-encrypting drive (TCG Opal) is locked by its former owner: its data can be neither read nor overwritten. To erase it anyway, type the 32-character PSID printed on its label; otherwise it must be destroyed.',
);

function ataDestroyReason(drive: Drive): Text {
  const rev = drive.capabilities.ataSecurity?.masterPasswordRevision ?? null;
  const why =
    rev === FACTORY_MASTER_REVISION
      ? text(
          'aucun mot de passe maître d’usine n’est connu pour ce modèle',
          'no factory master password is known for this model',
        )
      : text(
          `le mot de passe maître a été changé (code de révision ${rev ?? 'inconnu'})`,
          `the master password was changed (revision code ${rev ?? 'unknown'})`,
        );
  return text(
    `verrouillé : à détruire physiquement. Le disque est verrouillé par un mot de passe ATA (posé par le BIOS de l’ancien propriétaire) et ${why.fr}. Si le donateur vous donne le mot de passe utilisateur ou maître, saisissez-le pour effacer le disque ; si gomme a posé ce mot de passe (effacement interrompu), lancez « gomme unlock ».`,
    `locked: to be physically destroyed. The drive is locked with an ATA password (set by the former owner's BIOS) and ${why.en}. If the donor gives you the user or master password, type it to erase the drive; if gomme set this password (interrupted erase), run "gomme unlock".`,
  );
}
