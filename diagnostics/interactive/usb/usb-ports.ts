/**
 * USB port test as a pure reducer over udev events: the trainee moves one test stick from port to port, and a
 * port counts once a USB device was added on it. The port is the root-hub port of the device's path
 * (".../usb2/2-1" and ".../usb1/1-3/1-3.1" behind a hub are ports 2-1 and 1-3): a hub plugged in counts its own
 * port, never its downstream ones. A USB 3 socket is two ports to the kernel (one per bus); with one stick it
 * shows once.
 */
import type { UdevEvent } from '../../../core/tools/udevadm/parse-monitor.js';

export interface UsbPortSeen {
  port: string;
  /** What was plugged there (ID_MODEL), for the list on screen. */
  model: string | null;
  /** How many times something was added there. */
  plugs: number;
}

export interface UsbPortsState {
  ports: UsbPortSeen[];
  /** The port something is plugged into now (the last add not yet removed), for "move it to another port". */
  current: string | null;
  ended: boolean;
}

export type UsbPortsAction = { type: 'udev'; event: UdevEvent } | { type: 'finish' };

export function initialUsbPorts(): UsbPortsState {
  return { ports: [], current: null, ended: false };
}

/** "2-1" for /devices/pci0000:00/0000:00:05.0/usb2/2-1 and for …/2-1/2-1.4; null for root hubs and interfaces. */
export function rootPortOf(devpath: string): string | null {
  const m = /^(\d+)-(\d+)(?:\.\d+)*$/.exec(devpath.split('/').at(-1) ?? '');
  return m ? `${m[1]}-${m[2]}` : null;
}

export function reduceUsbPorts(state: UsbPortsState, action: UsbPortsAction): UsbPortsState {
  if (state.ended) return state;
  if (action.type === 'finish') return { ...state, ended: true };
  const { event } = action;
  if (event.subsystem !== 'usb' || event.properties.DEVTYPE !== 'usb_device') return state;
  const port = rootPortOf(event.devpath);
  if (!port) return state;
  if (event.action === 'remove') return state.current === port ? { ...state, current: null } : state;
  if (event.action !== 'add') return state;
  const model = event.properties.ID_MODEL ?? null;
  const known = state.ports.find((p) => p.port === port);
  const ports = known
    ? state.ports.map((p) => (p.port === port ? { ...p, plugs: p.plugs + 1 } : p))
    : [...state.ports, { port, model, plugs: 1 }];
  return { ...state, ports, current: port };
}
