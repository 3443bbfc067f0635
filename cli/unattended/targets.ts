import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import { protectionDetails } from '../../core/words/protections.js';
import type { TargetSpec } from './params.js';

export interface TargetChoice {
  /** Drives to erase, in discovery order. */
  targets: Drive[];
  /** Drives left alone and why (protected, not a real drive, not listed). */
  skipped: Array<{ drive: Drive; why: string }>;
  /** Non-empty: refuse the whole run, erase nothing. */
  errors: Text[];
}

/** RAM-backed and loop devices are never physical drives of the PC being wiped. */
const VIRTUAL = /^\/dev\/(loop|zram|ram)\d+$/;

/**
 * Pure choice of the drives an unattended erase touches. A serial list must match every serial to exactly one
 * unprotected drive, or nothing is erased at all (a half-matching list means the wrong machine or a typo).
 */
export function chooseTargets(drives: readonly Drive[], spec: TargetSpec): TargetChoice {
  const targets: Drive[] = [];
  const skipped: TargetChoice['skipped'] = [];
  const errors: Text[] = [];
  for (const drive of drives) {
    if (drive.transport === 'loop' || VIRTUAL.test(drive.path)) {
      skipped.push({ drive, why: 'virtual' });
    } else if (drive.protected) {
      skipped.push({
        drive,
        why: `protected: ${[...new Set(drive.protections.map((p) => p.reason))].join(',')}`,
      });
      if (spec.kind === 'serials' && drive.serial !== null && spec.serials.includes(drive.serial)) {
        errors.push(
          text(
            `Le disque ${drive.serial} (${drive.path}) est protégé : ${protectionDetails(drive.protections).fr}.`,
            `Drive ${drive.serial} (${drive.path}) is protected: ${protectionDetails(drive.protections).en}.`,
          ),
        );
      }
    } else if (
      spec.kind === 'all-unprotected' ||
      (drive.serial !== null && spec.serials.includes(drive.serial))
    ) {
      targets.push(drive);
    } else {
      skipped.push({ drive, why: 'not-listed' });
    }
  }
  if (spec.kind === 'serials') {
    for (const serial of spec.serials) {
      const count = drives.filter((d) => d.serial === serial).length;
      if (count === 0)
        errors.push(
          text(`Aucun disque n'a le numéro de série ${serial}.`, `No drive has serial number ${serial}.`),
        );
      else if (count > 1)
        errors.push(
          text(
            `${count} disques ont le numéro de série ${serial} : ambigu.`,
            `${count} drives share serial number ${serial}: ambiguous.`,
          ),
        );
    }
  }
  if (errors.length === 0 && targets.length === 0) {
    errors.push(text('Aucun disque non protégé à effacer.', 'No unprotected drive to erase.'));
  }
  return { targets: errors.length > 0 ? [] : targets, skipped, errors };
}
