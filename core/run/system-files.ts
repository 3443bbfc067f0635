import { readdir, readFile } from 'node:fs/promises';

/** Reads small system files (/proc, /sys). `null` means the file does not exist or cannot be read. */
export interface SystemFiles {
  read(path: string): Promise<string | null>;
  /**
   * Entry names of a directory (sysfs holders/ and slaves/), sorted; `null` when it does not exist. Optional:
   * a System without it gives no listings, and what they would have said is unknown.
   */
  list?(path: string): Promise<string[] | null>;
}

/** In a bundle, a directory listing is stored under its path with a trailing "/", one name a line. */
export function listingKey(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

export class RealSystemFiles implements SystemFiles {
  async read(path: string): Promise<string | null> {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
  }

  async list(path: string): Promise<string[] | null> {
    try {
      return (await readdir(path)).sort();
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
  }
}

/**
 * Absent or unreadable files are facts ("unknown"), not failures: sysfs attributes vary by kernel and driver,
 * and a device detached while it is read (a loop device, an unplugged disk) answers ENODEV or ENXIO.
 */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EINVAL', 'EIO', 'ENODEV', 'ENXIO']);
function isAbsent(error: unknown): boolean {
  return ABSENT.has((error as NodeJS.ErrnoException).code ?? '');
}
