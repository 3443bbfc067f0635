import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { type Text, text } from '../../core/i18n.js';
import { refusalReason } from '../../core/words/refusals.js';

export type FileKind = 'file' | 'directory' | 'character device' | 'other';

/** The path exists but is not a block device (a regular file, a directory, a character device…). */
export class NotABlockDeviceError extends GommeError {
  readonly path: string;
  readonly kind: FileKind;
  constructor(path: string, kind: FileKind) {
    super(
      'not-a-block-device',
      text(
        `${path} n'est pas un disque (c'est ${kindNames[kind].fr}) : gomme n'efface que des périphériques bloc.`,
        `${path} is not a drive (it is ${kindNames[kind].en}): gomme only erases block devices.`,
      ),
      {
        exitCode: ExitCode.NOT_FOUND,
        hint: text(
          'Lancez « gomme drives » pour voir les disques de cet ordinateur.',
          'Run "gomme drives" to list the drives of this computer.',
        ),
      },
    );
    this.path = path;
    this.kind = kind;
  }
}

/** EBUSY at an exclusive open: mounted, part of a RAID/LVM, used as swap, or opened exclusively by another program. */
export class DeviceBusyError extends GommeError {
  readonly path: string;
  constructor(path: string, cause?: unknown) {
    super(
      'device-busy',
      text(
        `${path} est en cours d'utilisation (monté, swap, RAID/LVM ou ouvert par un autre programme).`,
        `${path} is in use (mounted, swap, RAID/LVM member, or opened by another program).`,
      ),
      {
        exitCode: ExitCode.REFUSED,
        hint: text(
          "Démontez-le ou arrêtez ce qui l'utilise, puis relancez.",
          'Unmount it or stop what uses it, then try again.',
        ),
        cause,
      },
    );
    this.path = path;
  }
}

/** EROFS at a write open: the kernel marks the device read-only (write-protect switch, `blockdev --setro`). */
export class DeviceReadOnlyError extends GommeError {
  readonly path: string;
  constructor(path: string, cause?: unknown) {
    super(
      'device-read-only',
      text(
        `${path} est en lecture seule, il ne peut pas être effacé.`,
        `${path} is read-only and cannot be erased.`,
      ),
      {
        exitCode: ExitCode.REFUSED,
        hint: text(
          "Vérifiez l'interrupteur de protection (cartes SD) ou lancez « blockdev --setrw » sur le disque.",
          'Check the write-protect switch (SD cards) or run "blockdev --setrw" on the drive.',
        ),
        cause,
      },
    );
    this.path = path;
  }
}

/** Any other failure to open the device (ENXIO for a vanished drive, ENOMEDIUM, EIO…). */
export class DeviceOpenError extends GommeError {
  readonly path: string;
  readonly errnoCode: string;
  constructor(path: string, errnoCode: string, cause?: unknown) {
    super(
      'device-open',
      text(`Impossible d'ouvrir ${path} (${errnoCode}).`, `Cannot open ${path} (${errnoCode}).`),
      { exitCode: ExitCode.ERASE_FAILED, cause },
    );
    this.path = path;
    this.errnoCode = errnoCode;
  }
}

/** A read or write the kernel refused or the drive failed; carries the exact range so it can be recorded. */
export class DeviceIoError extends GommeError {
  readonly path: string;
  readonly operation: 'read' | 'write';
  readonly offset: number;
  readonly length: number;
  readonly errnoCode: string;
  constructor(
    path: string,
    operation: 'read' | 'write',
    offset: number,
    length: number,
    errnoCode: string,
    cause?: unknown,
  ) {
    const verbFr = operation === 'write' ? "d'écriture" : 'de lecture';
    super(
      'device-io',
      text(
        `Erreur ${verbFr} sur ${path} à l'octet ${offset} (${length} octets) : ${errnoCode}.`,
        `${operation === 'write' ? 'Write' : 'Read'} error on ${path} at byte ${offset} (${length} bytes): ${errnoCode}.`,
      ),
      { exitCode: ExitCode.ERASE_FAILED, hint: ioHint(errnoCode), cause },
    );
    this.path = path;
    this.operation = operation;
    this.offset = offset;
    this.length = length;
    this.errnoCode = errnoCode;
  }
}

/** fdatasync or close failed: data reported as written may not be on the medium. */
export class DeviceSyncError extends GommeError {
  readonly path: string;
  readonly operation: 'flush' | 'close';
  readonly errnoCode: string;
  constructor(path: string, operation: 'flush' | 'close', errnoCode: string, cause?: unknown) {
    super(
      'device-sync',
      text(
        `Le disque ${path} n'a pas confirmé l'écriture de ses données (${errnoCode}).`,
        `The drive ${path} did not confirm its data was written (${errnoCode}).`,
      ),
      { exitCode: ExitCode.ERASE_FAILED, hint: ioHint(errnoCode), cause },
    );
    this.path = path;
    this.operation = operation;
    this.errnoCode = errnoCode;
  }
}

function ioHint(errnoCode: string) {
  if (errnoCode === 'EINVAL') {
    // Only gomme's own code can cause this (a buffer not from allocAligned, or an unaligned offset): a bug.
    return text(
      'Erreur interne (tampon ou position mal alignés pour O_DIRECT) : signalez-la.',
      'Internal error (buffer or position not aligned for O_DIRECT): please report it.',
    );
  }
  return text(
    "Le disque a peut-être des secteurs défectueux ; s'il ne peut pas être entièrement effacé, détruisez-le physiquement.",
    'The drive may have bad sectors; if it cannot be fully erased, destroy it physically.',
  );
}

const kindNames: Record<FileKind, { fr: string; en: string }> = {
  file: { fr: 'un fichier ordinaire', en: 'a regular file' },
  directory: { fr: 'un dossier', en: 'a directory' },
  'character device': { fr: 'un périphérique caractère', en: 'a character device' },
  other: { fr: 'un fichier spécial', en: 'a special file' },
};

/** Why a device could not be claimed for an erasure (the words: core/words/refusals.ts). */
export type ClaimRefusal =
  | 'busy' // EBUSY: mounted, swap, RAID/LVM member, or held O_EXCL by another program
  | 'read-only' // EROFS
  | 'gone' // ENOENT, ENXIO: unplugged, or the name now points nowhere
  | 'not-a-block-device'
  | 'needs-root'
  | 'stalled' // open() did not return within the stall timeout
  | 'open-failed' // any other errno
  | 'protected' // the storage graph, read again just before the claim: mounted, swap, held, stacked on
  | 'size-changed'; // opened, but not the size discovery saw (a new job would erase the wrong extent)

export interface TargetRefusal {
  device: string;
  jobId: string;
  refusal: ClaimRefusal;
  errno: string | null;
  /** What protects it, for 'protected' ("loop4 is mounted at /mnt"); the sizes, for 'size-changed'. */
  why?: Text;
}

function reasonOf(r: TargetRefusal): Text {
  return refusalReason({ code: r.refusal, detail: r.why ?? null });
}

/**
 * Some targets could not be opened for the erasure. Every target is opened before anything is written to any,
 * so nothing was written anywhere: the whole command is refused, naming each device and why.
 */
export class TargetsBusyError extends GommeError {
  readonly refusals: TargetRefusal[];
  constructor(refusals: TargetRefusal[]) {
    const list = (lang: 'fr' | 'en') =>
      refusals
        .map((r) => `${r.device} (${reasonOf(r)[lang]}${r.errno ? `, ${r.errno}` : ''})`)
        .join(lang === 'fr' ? ' ; ' : '; ');
    super(
      'targets-busy',
      text(
        `Rien n'a été écrit : ${refusals.length > 1 ? 'ces disques ne peuvent pas' : 'ce disque ne peut pas'} être effacé${refusals.length > 1 ? 's' : ''} maintenant : ${list('fr')}.`,
        `Nothing was written: ${refusals.length > 1 ? 'these drives cannot' : 'this drive cannot'} be erased now: ${list('en')}.`,
      ),
      {
        exitCode: ExitCode.REFUSED,
        hint: text(
          "Démontez le disque ou arrêtez le programme qui l'utilise (ou retirez-le de la liste), puis relancez.",
          'Unmount the drive or stop the program using it (or leave it out), then run the command again.',
        ),
      },
    );
    this.refusals = refusals;
  }
}
