/**
 * memtester (memtester.8): argv and verdict. The exit status is a bitmask: 0x01 allocation/lock failure,
 * 0x02 stuck-address test failed, 0x04 another test failed. Only 0x02 and 0x04 say the RAM is bad.
 */

export function memtesterArgs(megabytes: number, loops = 1): string[] {
  return [`${Math.max(1, Math.floor(megabytes))}M`, String(Math.max(1, Math.floor(loops)))];
}

export interface MemtesterResult {
  /** Exit bit 0: memtester could not allocate or mlock the memory: no verdict on the RAM. */
  allocationFailed: boolean;
  stuckAddressFailed: boolean;
  otherTestFailed: boolean;
  /** Names of the tests that printed FAILURE (from stdout). */
  failedTests: string[];
  /** Tests that printed "ok". */
  passedTests: string[];
}

export function parseMemtester(exitCode: number | null, stdout: string): MemtesterResult {
  const code = exitCode !== null && exitCode >= 0 && exitCode <= 255 ? exitCode : 0;
  const failedTests = new Set<string>();
  const passedTests = new Set<string>();
  // Progress spinners use backspaces: keep only the final text of each line.
  for (const line of String(stdout).replace(/[\b]/g, '').split(/\r?\n/)) {
    const test = /^\s{2}([A-Za-z][\w -]*?)\s*:/.exec(line);
    if (!test?.[1]) continue;
    if (/FAILURE/.test(line)) failedTests.add(test[1]);
    else if (/\bok\s*$/.test(line)) passedTests.add(test[1]);
  }
  return {
    allocationFailed: (code & 0x01) !== 0,
    stuckAddressFailed: (code & 0x02) !== 0,
    otherTestFailed: (code & 0x04) !== 0,
    failedTests: [...failedTests],
    passedTests: [...passedTests],
  };
}
