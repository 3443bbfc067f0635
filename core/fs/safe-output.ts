import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  openSync,
  realpathSync,
  type Stats,
  statSync,
  writeSync,
} from 'node:fs';
import { GommeError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { text } from '../i18n.js';

/**
 * Output files (`-o`) of capture, export, keys export and cert render: a typo such as `-o /dev/sdb` must never
 * write a bundle or a PEM over a drive. A path that is, or leads through symlinks to, a block or character
 * device is refused before opening it, and again on the opened descriptor (it could be swapped in between).
 */
export class DeviceOutputError extends GommeError {
  constructor(path: string, target = path) {
    const shown = target === path ? path : `${path} (→ ${target})`;
    super(
      'output-is-device',
      text(
        `${shown} est un périphérique (un disque ou un terminal) : gomme n'y écrit pas de fichier de sortie.`,
        `${shown} is a device (a drive or a terminal): gomme does not write an output file onto it.`,
      ),
      {
        exitCode: ExitCode.REFUSED,
        hint: text(
          'Donnez le chemin d’un fichier ordinaire, par exemple -o /root/sortie.json.',
          'Give the path of an ordinary file, for example -o /root/output.json.',
        ),
      },
    );
  }
}

/** Throws DeviceOutputError when `path` (symlinks followed) is a device; an absent path is fine. */
export function refuseDeviceOutput(path: string): void {
  let stats: Stats;
  let target: string;
  try {
    stats = statSync(path);
    target = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // created by the write
    throw unwritable(path, error);
  }
  if (isDevice(stats)) throw new DeviceOutputError(path, target);
}

/** Writes `data` to an ordinary file (created or replaced), refusing devices; a FIFO (a pipe) is allowed. */
export function writeOutputFile(path: string, data: string | Uint8Array, mode = 0o644): void {
  refuseDeviceOutput(path);
  let fd: number;
  try {
    // No O_TRUNC: nothing is changed before the descriptor is known to be an ordinary file.
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT, mode);
  } catch (error) {
    throw unwritable(path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (isDevice(stats)) throw new DeviceOutputError(path);
    if (stats.isFile()) ftruncateSync(fd, 0);
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (error) {
    if (error instanceof GommeError) throw error;
    throw unwritable(path, error);
  } finally {
    closeSync(fd);
  }
}

function isDevice(stats: Stats): boolean {
  return stats.isBlockDevice() || stats.isCharacterDevice();
}

function unwritable(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new UsageError(
    text(`Impossible d'écrire ${path} (${code}).`, `Cannot write ${path} (${code}).`),
    text(
      'Vérifiez que le dossier existe et que vous pouvez y écrire.',
      'Check that the folder exists and that you can write to it.',
    ),
  );
}
