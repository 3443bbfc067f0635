/** Streams udev's USB events (`udevadm monitor`, through the runner) into parsed events, until stopped. */
import { ToolMissingError } from '../../../core/errors.js';
import type { System } from '../../../core/run/system.js';
import { LineSplitter } from '../../../core/tools/text-lines.js';
import { type UdevEvent, UdevMonitorParser } from '../../../core/tools/udevadm/parse-monitor.js';

export const UDEV_MONITOR_ARGS = ['monitor', '--udev', '--subsystem-match=usb', '--property'];

export interface UsbMonitor {
  stop(): void;
  done: Promise<void>;
}

export async function monitorUsb(system: System, onEvent: (event: UdevEvent) => void): Promise<UsbMonitor> {
  const streams = system.streams;
  if (!streams) throw new ToolMissingError('udevadm', 'udev');
  const stream = await streams.open('udevadm', UDEV_MONITOR_ARGS);
  const done = (async () => {
    const splitter = new LineSplitter();
    const parser = new UdevMonitorParser();
    const feed = (line: string) => {
      const event = parser.push(line);
      if (event) onEvent(event);
    };
    for await (const chunk of stream.chunks) for (const line of splitter.push(chunk.data)) feed(line);
    for (const line of splitter.end()) feed(line);
    const last = parser.end();
    if (last) onEvent(last);
    await stream.done;
  })();
  return { stop: () => stream.stop(), done };
}
