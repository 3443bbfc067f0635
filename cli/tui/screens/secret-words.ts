/**
 * The words of the PSID / password panel, French first, in the plain words a trainee reads: what is locked,
 * where the secret is written, how many tries are left, and that skipping sends the drive to destruction.
 */
import { type Lang, type Text, text as t, textOf } from '../../../core/i18n.js';
import type { SecretNeed } from '../../../session/locked-drives.js';
import type { DriveEntry } from '../services.js';

export const SW = {
  titlePsid: t('Disque chiffrant verrouillé', 'Locked self-encrypting drive'),
  titlePassword: t('Disque verrouillé par un mot de passe', 'Drive locked with a password'),
  whyPsid: t(
    "Ce disque chiffre tout ce qu'il contient, et son ancien propriétaire l'a verrouillé. gomme peut quand même l'effacer avec son PSID : un code de 32 lettres et chiffres.",
    'This drive encrypts everything it holds, and its former owner locked it. gomme can still erase it with its PSID: a code of 32 letters and digits.',
  ),
  wherePsid: t(
    "Où le trouver : sur l'étiquette collée sur le disque, après le mot PSID (parfois en petits caractères, près d'un code-barres). Sortez le disque de l'ordinateur si l'étiquette est cachée. Les espaces et les tirets ne comptent pas.",
    'Where to find it: on the label stuck on the drive, after the word PSID (sometimes in small print, near a barcode). Take the drive out of the computer if the label is hidden. Spaces and dashes do not count.',
  ),
  whyPassword: t(
    "Le BIOS de l'ancien propriétaire a posé un mot de passe sur ce disque : sans lui, rien ne peut être lu ni effacé.",
    "The former owner's BIOS set a password on this drive: without it, nothing can be read or erased.",
  ),
  wherePassword: t(
    "Où le trouver : seul le donateur le connaît (mot de passe « utilisateur » ou « maître » du disque). Demandez-le à l'encadrant. Le mot de passe est caché par des étoiles.",
    'Where to find it: only the donor knows it (the drive\'s "user" or "master" password). Ask the supervisor. The password is hidden by stars.',
  ),
  psid: t('PSID', 'PSID'),
  password: t('Mot de passe', 'Password'),
  again: t('Encore une fois', 'Once more'),
  whose: t('Mot de passe', 'Password'),
  user: t('utilisateur', 'user'),
  master: t('maître', 'master'),
  review: t("Comparez avec l'étiquette, groupe par groupe :", 'Compare with the label, group by group:'),
  reviewOk: t(
    "Entrée : c'est bien le PSID de l'étiquette.  Échap : le retaper.",
    'Enter: it is the PSID on the label.  Esc: type it again.',
  ),
  spent: t(
    "Plus aucun essai : le disque refuse tout jusqu'à ce qu'il soit éteint. Éteignez l'ordinateur, débranchez le disque de son alimentation, rallumez, puis relancez gomme.",
    'No try left: the drive refuses everything until it is powered off. Shut the computer down, unplug the drive from its power, power on, then run gomme again.',
  ),
  skip: t(
    'Échap : passer. Sans le secret, ce disque reste « à détruire » : son certificat le dira, rien ne sera effacé.',
    'Esc: skip. Without the secret, this drive stays "to be destroyed": its certificate will say so, nothing will be erased.',
  ),
  keysType: t('Tapez le PSID', 'Type the PSID'),
  keys: t('Entrée : valider  Échap : revenir ou passer', 'Enter: validate  Esc: back or skip'),
  keysAta: t('Gauche/Droite : utilisateur/maître', 'Left/Right: user/master'),
} satisfies Record<string, Text>;

/** "Essais : 2 sur 5 déjà utilisés, il en reste 3." (the journal's count since the drive was last powered off). */
export function triesText(need: SecretNeed): Text {
  const left = Math.max(0, need.limit - need.used);
  return textOf(
    (lang: Lang) =>
      t(
        `Essais : ${need.used} sur ${need.limit} déjà utilisés, il en reste ${left}. Au-delà, le disque se bloque jusqu'à son extinction.`,
        `Tries: ${need.used} of ${need.limit} already used, ${left} left. After that, the drive locks up until it is powered off.`,
      )[lang],
  );
}

/** The drive list's button: "Taper le PSID de loop3" / "PSID tapé pour loop3 : le retaper". */
export function unlockLabel(entry: DriveEntry | undefined, device: string): Text {
  const name = device.replace('/dev/', '');
  const psid = entry?.secret?.kind === 'psid';
  if (entry?.secret?.given)
    return psid
      ? t(`PSID tapé pour ${name} : le retaper`, `PSID typed for ${name}: type it again`)
      : t(`Mot de passe tapé pour ${name} : le retaper`, `Password typed for ${name}: type it again`);
  return psid
    ? t(`Taper le PSID de ${name} (sur son étiquette)`, `Type the PSID of ${name} (on its label)`)
    : t(`Taper le mot de passe de ${name}`, `Type the password of ${name}`);
}
