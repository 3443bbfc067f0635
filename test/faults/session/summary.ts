/** One line of the fault suite's summary table. */
export interface Row {
  group: 'kill' | 'fault' | 'hostile';
  name: string;
  exit: string;
  contradictions?: number;
  recordsLost?: number;
  protectedWrites?: number;
  skipped?: boolean;
  results?: Array<string | null>;
}

export function summaryTable(rows: readonly Row[]): string {
  const count = (g: Row['group']) => rows.filter((r) => r.group === g && !r.skipped).length;
  const sum = (k: 'contradictions' | 'recordsLost' | 'protectedWrites') =>
    rows.reduce((a, r) => a + (r[k] ?? 0), 0);
  const lines = [
    '| scenario | exit | drives not as recorded | records lost | writes to protected |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.exit} | ${r.skipped ? '—' : (r.contradictions ?? 0)} | ${r.skipped ? '—' : (r.recordsLost ?? 0)} | ${r.skipped ? '—' : (r.protectedWrites ?? 0)} |`,
    ),
    '',
    `kill points: ${count('kill')}, journal faults: ${count('fault')}, hostile inputs: ${count('hostile')}` +
      `, skipped: ${rows.filter((r) => r.skipped).length}; drives not as recorded: ${sum('contradictions')}` +
      `, records lost: ${sum('recordsLost')}, writes to protected devices: ${sum('protectedWrites')}`,
  ];
  return lines.join('\n');
}
