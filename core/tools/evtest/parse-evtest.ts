/**
 * Pure parsers for `evtest` 1.35 output: the device header it prints once (capabilities, absolute axis ranges,
 * properties) and the event lines that follow ("Event: time 1796614750.933933, type 1 (EV_KEY), code 30
 * (KEY_A), value 1"). Formats from evtest.c (print_device_info, print_events). Never throws.
 */

export const EV_SYN = 0;
export const EV_KEY = 1;
export const EV_REL = 2;
export const EV_ABS = 3;
export const EV_MSC = 4;

export interface AbsInfo {
  value: number;
  min: number;
  max: number;
  fuzz: number;
  flat: number;
  resolution: number;
}

export interface EvtestHeader {
  name: string | null;
  bus: number | null;
  vendor: number | null;
  product: number | null;
  /** Event codes the device declares, by event type (1 = EV_KEY…). */
  codes: Record<number, number[]>;
  /** Ranges of the absolute axes (ABS_X = 0, ABS_MT_POSITION_X = 53…). */
  abs: Record<number, AbsInfo>;
  /** Input properties (0 POINTER, 1 DIRECT, 2 BUTTONPAD, 5 POINTING_STICK). */
  properties: number[];
  /** True once "Testing ... (interrupt to exit)" was seen: event lines follow. */
  complete: boolean;
}

export interface InputEvent {
  /** Kernel timestamp in microseconds (CLOCK_REALTIME by default). */
  timeUs: number;
  type: number;
  code: number;
  value: number;
  /** evtest's name for the code (KEY_A, BTN_LEFT, ABS_X), null for SYN lines. */
  name: string | null;
}

export function emptyHeader(): EvtestHeader {
  return {
    name: null,
    bus: null,
    vendor: null,
    product: null,
    codes: {},
    abs: {},
    properties: [],
    complete: false,
  };
}

/** Feeds one header line into `header` (mutated); returns false once the header has ended. */
export function readHeaderLine(
  header: EvtestHeader,
  line: string,
  state: { type: number | null; code: number | null },
): boolean {
  if (header.complete) return false;
  let m = /^Input device ID: bus 0x([0-9a-f]+) vendor 0x([0-9a-f]+) product 0x([0-9a-f]+)/i.exec(line);
  if (m) {
    header.bus = Number.parseInt(m[1] ?? '', 16);
    header.vendor = Number.parseInt(m[2] ?? '', 16);
    header.product = Number.parseInt(m[3] ?? '', 16);
    return true;
  }
  m = /^Input device name: "(.*)"$/.exec(line);
  if (m) {
    header.name = m[1] ?? null;
    return true;
  }
  m = /^\s+Event type (\d+) \(/.exec(line);
  if (m) {
    state.type = Number(m[1]);
    state.code = null;
    header.codes[state.type] ??= [];
    return true;
  }
  m = /^\s+Event code (\d+) \(/.exec(line);
  if (m && state.type !== null) {
    state.code = Number(m[1]);
    header.codes[state.type]?.push(state.code);
    if (state.type === EV_ABS)
      header.abs[state.code] = { value: 0, min: 0, max: 0, fuzz: 0, flat: 0, resolution: 0 };
    return true;
  }
  m = /^\s+(Value|Min|Max|Fuzz|Flat|Resolution)\s+(-?\d+)$/.exec(line);
  if (m && state.type === EV_ABS && state.code !== null) {
    const info = header.abs[state.code];
    const key = (m[1] ?? '').toLowerCase() as keyof AbsInfo;
    if (info) info[key] = Number(m[2]);
    return true;
  }
  m = /^\s+Property type (\d+) \(/.exec(line);
  if (m) {
    header.properties.push(Number(m[1]));
    return true;
  }
  if (/^Key repeat handling:|^\s+Repeat type|^\s+Repeat code/.test(line)) {
    state.type = null;
    return true;
  }
  if (line.startsWith('Testing ... (interrupt to exit)')) {
    header.complete = true;
    return false;
  }
  return true;
}

/** The whole header of a captured evtest output. */
export function parseEvtestHeader(text: string): EvtestHeader {
  const header = emptyHeader();
  const state = { type: null as number | null, code: null as number | null };
  for (const line of text.split(/\r?\n/)) if (!readHeaderLine(header, line, state)) break;
  return header;
}

const EVENT = /^Event: time (\d+)\.(\d{6}), type (\d+) \(\w*\), code (\d+) \((\w*)\), value (-?[0-9a-f]+)$/i;
const SYN = /^Event: time (\d+)\.(\d{6}), [-+]+ (SYN_\w+) [-+]+$/;

/** One event line; null for anything else (header, the grab notice, a torn last line). */
export function parseEvtestEvent(line: string): InputEvent | null {
  const m = EVENT.exec(line);
  if (m) {
    const type = Number(m[3]);
    const code = Number(m[4]);
    // evtest prints MSC_SCAN values in hexadecimal ("value d0"), everything else in decimal.
    const raw = m[6] ?? '';
    const value = type === EV_MSC ? Number.parseInt(raw, 16) : Number(raw);
    if (Number.isNaN(value)) return null;
    return { timeUs: Number(m[1]) * 1e6 + Number(m[2]), type, code, value, name: m[5] || null };
  }
  const s = SYN.exec(line);
  if (s) {
    const code = s[3] === 'SYN_DROPPED' ? 3 : s[3] === 'SYN_CONFIG' ? 1 : s[3] === 'SYN_MT_REPORT' ? 2 : 0;
    return { timeUs: Number(s[1]) * 1e6 + Number(s[2]), type: EV_SYN, code, value: 0, name: null };
  }
  return null;
}

/** Every event of a captured evtest output, in order. */
export function parseEvtestEvents(text: string): InputEvent[] {
  const out: InputEvent[] = [];
  for (const line of text.split(/\r?\n/)) {
    const event = parseEvtestEvent(line);
    if (event) out.push(event);
  }
  return out;
}
