/**
 * Pure parser for `udevadm monitor --udev --property` output: a header line per event
 * ("UDEV  [49.768750] add      /devices/pci0000:00/0000:00:05.0/usb2/2-1 (usb)") followed by KEY=VALUE
 * properties, a blank line between events. Fed line by line, as the stream comes. Never throws.
 */

export interface UdevEvent {
  /** Seconds since boot, from the header (the kernel's monotonic clock). */
  uptime: number;
  action: string;
  devpath: string;
  subsystem: string;
  properties: Record<string, string>;
}

const HEADER = /^(?:UDEV|KERNEL)\s+\[(\d+\.\d+)\]\s+(\w+)\s+(\S+)\s+\(([^)]*)\)$/;

/** Collects lines into events; `push` returns the event a blank line (or the next header) completed. */
export class UdevMonitorParser {
  private current: UdevEvent | null = null;

  push(line: string): UdevEvent | null {
    const header = HEADER.exec(line);
    if (header) {
      const finished = this.current;
      this.current = {
        uptime: Number(header[1]),
        action: header[2] ?? '',
        devpath: header[3] ?? '',
        subsystem: header[4] ?? '',
        properties: {},
      };
      return finished;
    }
    if (line.trim() === '') return this.end();
    const property = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (property?.[1] && this.current) this.current.properties[property[1]] = property[2] ?? '';
    return null;
  }

  end(): UdevEvent | null {
    const finished = this.current;
    this.current = null;
    return finished;
  }
}

export function parseUdevMonitor(text: string): UdevEvent[] {
  const parser = new UdevMonitorParser();
  const events: UdevEvent[] = [];
  for (const line of text.split(/\r?\n/)) {
    const event = parser.push(line);
    if (event) events.push(event);
  }
  const last = parser.end();
  if (last) events.push(last);
  return events;
}
