/**
 * argv for hdparm (the program `hdparm` is passed separately to the runner). All four are read-only queries;
 * nothing here changes a drive. Debian 12 and 13 both ship hdparm 9.65.
 */

/** IDENTIFY DEVICE decoded as text (no JSON mode exists). */
export const identifyArgs = (dev: string): string[] => ['-I', dev];

/** Visible vs native max sectors: the Host Protected Area / ACCESSIBLE MAX ADDRESS state. */
export const nativeMaxArgs = (dev: string): string[] => ['-N', dev];

/** DEVICE CONFIGURATION IDENTIFY: the factory ("real") max sectors behind a DCO. */
export const dcoIdentifyArgs = (dev: string): string[] => ['--dco-identify', dev];

/** SANITIZE STATUS EXT: state SD0–SD2 and progress of a running sanitize. */
export const sanitizeStatusArgs = (dev: string): string[] => ['--sanitize-status', dev];
