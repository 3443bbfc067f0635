/** GPUs, panels (EDID), network adapters, Bluetooth, webcams, sound cards and USB devices, from sysfs and tools. */
import { decodeEdid } from '../../core/tools/edid/decode-edid.js';
import { parseLspci } from '../../core/tools/lspci/parse-lspci.js';
import { parseLsusb } from '../../core/tools/lsusb/parse-lsusb.js';
import type { Probe } from '../probe.js';
import type { DisplayInventory, Inventory, NetworkInventory } from './types.js';

export async function gpus(probe: Probe): Promise<Inventory['gpus']> {
  const result = await probe.run('lspci', ['-nn', '-k'], { timeoutMs: 10_000 });
  return parseLspci(result?.stdout ?? '')
    .filter((d) => d.category === 'gpu')
    .map(({ description, vendorId, deviceId, driver }) => ({ description, vendorId, deviceId, driver }));
}

export async function usbDevices(probe: Probe): Promise<Inventory['usb']> {
  const result = await probe.run('lsusb', [], { timeoutMs: 10_000 });
  return parseLsusb(result?.stdout ?? '')
    .filter((d) => !d.isHub)
    .map((d) => ({ id: `${d.vendorId}:${d.productId}`, name: d.name }));
}

/** Connectors under /sys/class/drm ("card0-eDP-1"); the EDID is binary, so it is read as hex through od. */
export async function displays(probe: Probe): Promise<DisplayInventory[]> {
  const out: DisplayInventory[] = [];
  for (const entry of await probe.list('/sys/class/drm')) {
    if (!/^card\d+-/.test(entry)) continue;
    const base = `/sys/class/drm/${entry}`;
    const status = await probe.read(`${base}/status`);
    const od = await probe.run('od', ['-An', '-v', '-tx1', `${base}/edid`], { timeoutMs: 5_000 });
    const edid = od?.exitCode === 0 ? decodeEdid(od.stdout) : null;
    if (!edid && status !== 'connected') continue;
    out.push({
      connector: entry.replace(/^card\d+-/, ''),
      internal: /-(eDP|LVDS|DSI)-/i.test(`${entry}-`),
      connected: status === null ? null : status === 'connected',
      manufacturer: edid?.manufacturerId ?? null,
      name: edid?.name ?? null,
      productCode: edid?.productCode ?? null,
      partNumber: edid?.texts.at(-1) ?? null,
      year: edid?.manufactureYear ?? null,
      diagonalInches: edid?.diagonalInches ?? null,
      width: edid?.preferredMode?.width ?? null,
      height: edid?.preferredMode?.height ?? null,
      edidChecksumOk: edid ? edid.blockChecksumsOk.every(Boolean) && !edid.truncated : null,
    });
  }
  return out;
}

/** Physical adapters only: virtual interfaces (lo, bridges, ifb, veth) have no `device` link. */
export async function networkAdapters(probe: Probe): Promise<NetworkInventory[]> {
  const out: NetworkInventory[] = [];
  for (const name of await probe.list('/sys/class/net')) {
    const base = `/sys/class/net/${name}`;
    const deviceUevent = await probe.read(`${base}/device/uevent`);
    if (deviceUevent === null) continue;
    const uevent = (await probe.read(`${base}/uevent`)) ?? '';
    const type = await probe.read(`${base}/type`);
    const carrier = await probe.read(`${base}/carrier`);
    out.push({
      name,
      kind: /DEVTYPE=wlan/.test(uevent) ? 'wifi' : type === '1' ? 'ethernet' : 'other',
      mac: await probe.read(`${base}/address`),
      operstate: await probe.read(`${base}/operstate`),
      carrier: carrier === '1' ? true : carrier === '0' ? false : null,
      driver: /^DRIVER=(.+)$/m.exec(deviceUevent)?.[1] ?? null,
    });
  }
  return out;
}

export async function bluetooth(probe: Probe): Promise<string[]> {
  return (await probe.list('/sys/class/bluetooth')).filter((n) => /^hci\d+$/.test(n));
}

/** V4L2 capture nodes; IR cameras and metadata nodes also appear here, so the name is kept for the report. */
export async function webcams(probe: Probe): Promise<Inventory['webcams']> {
  const out: Inventory['webcams'] = [];
  for (const entry of await probe.list('/sys/class/video4linux')) {
    if (!/^video\d+$/.test(entry)) continue;
    out.push({ device: `/dev/${entry}`, name: await probe.read(`/sys/class/video4linux/${entry}/name`) });
  }
  return out;
}

/** /proc/asound/cards: " 0 [PCH            ]: HDA-Intel - HDA Intel PCH". */
export function parseAsoundCards(text: string): Inventory['audio'] {
  const out: Inventory['audio'] = [];
  for (const line of String(text).split('\n')) {
    const match = /^\s*(\d+)\s+\[[^\]]*\]:\s*(.+)$/.exec(line);
    if (match?.[2]) out.push({ index: Number(match[1]), name: match[2].trim() });
  }
  return out;
}

export async function audio(probe: Probe): Promise<Inventory['audio']> {
  return parseAsoundCards((await probe.read('/proc/asound/cards')) ?? '');
}
