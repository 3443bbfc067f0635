/**
 * Pure parsers for `v4l2-ctl` 1.22 text: `--info` (what a /dev/videoN node can do: a webcam's capture node
 * says "Video Capture" under Device Caps; its metadata node does not) and `--get-fmt-video` (the format the
 * driver actually chose). Never throw.
 */

export interface V4l2Info {
  driver: string | null;
  card: string | null;
  busInfo: string | null;
  /** Capabilities of this node (not of the whole device): "Video Capture", "Metadata Capture", "Streaming"… */
  deviceCaps: string[];
}

export function parseV4l2Info(text: string): V4l2Info {
  const field = (name: string) =>
    new RegExp(`^\\s*${name}\\s*:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? null;
  const deviceCaps: string[] = [];
  let inCaps = false;
  for (const line of String(text).split(/\r?\n/)) {
    if (/^\s*Device Caps\s*:/.test(line)) {
      inCaps = true;
      continue;
    }
    if (!inCaps) continue;
    // The list is indented one level deeper than the field names; the next field or section ends it.
    if (/^\t\t\S/.test(line) || /^ {8,}\S/.test(line)) deviceCaps.push(line.trim());
    else break;
  }
  return { driver: field('Driver name'), card: field('Card type'), busInfo: field('Bus info'), deviceCaps };
}

export interface V4l2Format {
  width: number;
  height: number;
  /** FourCC: YUYV, MJPG, GREY… */
  pixelFormat: string;
  bytesPerLine: number;
  sizeImage: number;
}

export function parseV4l2Format(text: string): V4l2Format | null {
  const size = /Width\/Height\s*:\s*(\d+)\/(\d+)/.exec(text);
  const fourcc = /Pixel Format\s*:\s*'([^']{1,4})'/.exec(text);
  if (!size || !fourcc) return null;
  const number = (name: string) => Number(new RegExp(`${name}\\s*:\\s*(\\d+)`).exec(text)?.[1] ?? 0);
  return {
    width: Number(size[1]),
    height: Number(size[2]),
    pixelFormat: (fourcc[1] ?? '').trim(),
    bytesPerLine: number('Bytes per Line'),
    sizeImage: number('Size Image'),
  };
}
