/**
 * Pure parser for `upower -i <device>` (and `upower -e`). Works with any locale's number format: upower prints
 * decimals with the locale's separator ("24,645 Wh" in French), so both "," and "." are accepted.
 */

export interface UpowerDevice {
  nativePath: string | null;
  vendor: string | null;
  model: string | null;
  serial: string | null;
  /** The device kind line: "battery", "line-power", "keyboard", "mouse"… */
  kind: string | null;
  /** "power supply: yes" means it powers this computer (a laptop battery), not a peripheral. */
  powerSupply: boolean | null;
  present: boolean | null;
  state: string | null;
  energyWh: number | null;
  energyFullWh: number | null;
  energyFullDesignWh: number | null;
  percentage: number | null;
  /** upower's capacity = energy-full / energy-full-design, in %. */
  capacityPercent: number | null;
  chargeCycles: number | null;
  technology: string | null;
  online: boolean | null;
}

export function parseUpowerInfo(stdout: string): UpowerDevice {
  const props: Record<string, string> = {};
  let kind: string | null = null;
  for (const line of String(stdout).split(/\r?\n/)) {
    // History sections come last and hold timestamps, not properties.
    if (/^\s*History|^\s*Statistics/.test(line)) break;
    const match = /^\s*([A-Za-z][\w -]*?):\s+(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) {
      props[match[1].trim()] ??= match[2].trim();
      continue;
    }
    const bare = /^ {2}([a-z][a-z-]*)\s*$/.exec(line);
    if (bare?.[1] && kind === null) kind = bare[1];
  }
  const yesNo = (key: string) => (props[key] === 'yes' ? true : props[key] === 'no' ? false : null);
  const textOf = (key: string) => {
    const value = props[key];
    return value === undefined || value === '' || value === 'N/A' ? null : value;
  };
  return {
    nativePath: textOf('native-path'),
    vendor: textOf('vendor'),
    model: textOf('model'),
    serial: textOf('serial'),
    kind,
    powerSupply: yesNo('power supply'),
    present: yesNo('present'),
    state: textOf('state'),
    energyWh: localeNumber(props.energy),
    energyFullWh: localeNumber(props['energy-full']),
    energyFullDesignWh: localeNumber(props['energy-full-design']),
    percentage: localeNumber(props.percentage),
    capacityPercent: localeNumber(props.capacity),
    chargeCycles: integerOrNull(localeNumber(props['charge-cycles'])),
    technology: textOf('technology'),
    online: yesNo('online'),
  };
}

/** `upower -e`: the object paths of every power device. */
export function parseUpowerEnumerate(stdout: string): string[] {
  return String(stdout)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('/org/freedesktop/UPower/devices/'));
}

/** "24,645 Wh", "88,2222%", "14.8 V" → number; anything else → null. */
export function localeNumber(value: string | undefined): number | null {
  const match = value === undefined ? null : /^(-?\d+(?:[.,]\d+)?)/.exec(value.trim());
  if (!match?.[1]) return null;
  const n = Number(match[1].replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

function integerOrNull(n: number | null): number | null {
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}
