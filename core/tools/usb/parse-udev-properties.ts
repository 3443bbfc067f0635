/**
 * Pure parser for `udevadm info --query=property --name=<dev>` (KEY=value lines): the USB ids of the bridge a
 * disk sits behind (ID_USB_VENDOR_ID / ID_USB_MODEL_ID, or ID_VENDOR_ID / ID_MODEL_ID on older udev) and its
 * kernel driver (ID_USB_DRIVER: uas or usb-storage).
 */

export interface UsbIds {
  vendorId: string | null;
  productId: string | null;
  driver: string | null;
  bus: string | null;
}

export function parseUdevProperties(output: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of output.split(/\r?\n/)) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m?.[1] !== undefined) out.set(m[1], m[2] ?? '');
  }
  return out;
}

export function usbIds(output: string): UsbIds {
  const p = parseUdevProperties(output);
  const hex4 = (v: string | undefined): string | null =>
    v !== undefined && /^[0-9a-fA-F]{4}$/.test(v) ? v.toLowerCase() : null;
  return {
    vendorId: hex4(p.get('ID_USB_VENDOR_ID') ?? p.get('ID_VENDOR_ID')),
    productId: hex4(p.get('ID_USB_MODEL_ID') ?? p.get('ID_MODEL_ID')),
    driver: p.get('ID_USB_DRIVER') || null,
    bus: p.get('ID_BUS') || null,
  };
}
