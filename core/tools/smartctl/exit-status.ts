/**
 * smartctl's exit status is a bitmask (smartctl.8, EXIT STATUS): non-zero is data about the disk, not an
 * exception. Bits 0–2 mean smartctl could not produce a verdict at all.
 */

export interface SmartctlExitStatus {
  code: number;
  /** Bit 0: the command line did not parse. */
  commandLineError: boolean;
  /** Bit 1: the device open failed, or it is in a low-power mode (see --nocheck). */
  deviceOpenFailed: boolean;
  /** Bit 2: a SMART or other ATA command failed, or a data structure checksum error. */
  commandFailed: boolean;
  /** Bit 3: SMART status returned "DISK FAILING". */
  diskFailing: boolean;
  /** Bit 4: prefail attributes are at or below threshold now. */
  prefailBelowThreshold: boolean;
  /** Bit 5: some attributes were at or below threshold at some time in the past. */
  attributeBelowThresholdInPast: boolean;
  /** Bit 6: the device error log has entries. */
  errorLogHasEntries: boolean;
  /** Bit 7: the self-test log has errors. */
  selfTestLogHasErrors: boolean;
  /** Bits 0–2: nothing can be concluded about the disk from this run. */
  noVerdict: boolean;
}

/**
 * Decodes an exit status. A value smartctl cannot produce (negative: killed or not spawned; > 255;
 * non-integer) says nothing about the disk: every disk flag is false and `noVerdict` is true.
 */
export function decodeSmartctlExit(code: number): SmartctlExitStatus {
  const valid = Number.isInteger(code) && code >= 0 && code <= 255;
  const on = (index: number): boolean => valid && (code & (1 << index)) !== 0;
  const commandLineError = on(0);
  const deviceOpenFailed = on(1);
  const commandFailed = on(2);
  return {
    code,
    commandLineError,
    deviceOpenFailed,
    commandFailed,
    diskFailing: on(3),
    prefailBelowThreshold: on(4),
    attributeBelowThresholdInPast: on(5),
    errorLogHasEntries: on(6),
    selfTestLogHasErrors: on(7),
    noVerdict: !valid || commandLineError || deviceOpenFailed || commandFailed,
  };
}
