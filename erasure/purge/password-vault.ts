/**
 * Where the temporary ATA password lives between SECURITY SET PASSWORD and the moment `hdparm -I` shows
 * "not enabled". If gomme dies in between, the drive stays locked after the next power-up, and only this
 * password unlocks it: the real vault must survive crashes (the lead backs it with the job journal).
 */

export interface PasswordVault {
  /** Must be durable before it resolves: the password is set on the drive right after. */
  remember(serial: string, password: string): Promise<void>;
  recall(serial: string): Promise<string | null>;
  forget(serial: string): Promise<void>;
}

/** For tests and dry runs only: forgets everything when the process ends. */
export class InMemoryPasswordVault implements PasswordVault {
  private readonly passwords = new Map<string, string>();

  async remember(serial: string, password: string): Promise<void> {
    this.passwords.set(serial, password);
  }

  async recall(serial: string): Promise<string | null> {
    return this.passwords.get(serial) ?? null;
  }

  async forget(serial: string): Promise<void> {
    this.passwords.delete(serial);
  }
}
