/**
 * Pure RIFF/WAVE reader for what `arecord -t wav` writes: a "fmt " chunk (PCM), then "data". arecord writing to
 * a pipe cannot seek back, so the data size in the header may exceed what arrived (or be 0x7fffffff): the
 * samples are what is actually there. Never throws; null when the bytes are not a PCM WAV.
 */

export interface WavInfo {
  /** 1 = integer PCM. */
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataOffset: number;
  /** Bytes of sample data actually present. */
  dataBytes: number;
  /** The header's data size: more than dataBytes when the recording was cut short. */
  declaredDataBytes: number;
}

export function parseWav(bytes: Uint8Array): WavInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let offset = 12;
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'declaredDataBytes'> | null = null;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      fmt = {
        format: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!fmt) return null;
      return {
        ...fmt,
        dataOffset: body,
        dataBytes: Math.min(size, bytes.length - body),
        declaredDataBytes: size,
      };
    }
    offset = body + size + (size % 2);
  }
  return null;
}

/** One channel of 16-bit little-endian PCM as numbers in [-32768, 32767]; empty for other sample formats. */
export function pcm16Channel(bytes: Uint8Array, wav: WavInfo, channel = 0): Int16Array {
  if (wav.format !== 1 || wav.bitsPerSample !== 16 || channel >= wav.channels) return new Int16Array(0);
  const frameBytes = 2 * wav.channels;
  const frames = Math.floor(wav.dataBytes / frameBytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset + wav.dataOffset, frames * frameBytes);
  const out = new Int16Array(frames);
  for (let i = 0; i < frames; i++) out[i] = view.getInt16(i * frameBytes + channel * 2, true);
  return out;
}
