import { readFile } from 'node:fs/promises';

/** Reads small system files (/proc, /sys). `null` means the file does not exist or cannot be read. */
export interface SystemFiles {
  read(path: string): Promise<string | null>;
}

export class RealSystemFiles implements SystemFiles {
  async read(path: string): Promise<string | null> {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Absent or unreadable files are facts ("unknown"), not failures: sysfs attributes vary by kernel and driver.
      if (
        code === 'ENOENT' ||
        code === 'ENOTDIR' ||
        code === 'EACCES' ||
        code === 'EINVAL' ||
        code === 'EIO'
      ) {
        return null;
      }
      throw error;
    }
  }
}
