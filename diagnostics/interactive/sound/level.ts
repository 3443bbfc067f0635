/**
 * Is there sound in a microphone recording? A pure measure over 16-bit PCM: the DC offset removed, the level of
 * each 50 ms window in dBFS. Speech is loud in some windows and quiet in others (pauses between words); a dead
 * microphone gives digital silence or a flat hiss. Thresholds are design values, to check on real laptops:
 * loudest window at least -40 dBFS and at least 10 dB above the quietest.
 */
import { parseWav, pcm16Channel } from '../../../core/tools/wav/parse-wav.js';

export const SOUND_MIN_DBFS = -40;
export const SOUND_MIN_SPREAD_DB = 10;
const WINDOW_S = 0.05;
const FLOOR_DBFS = -120;

export type MicVerdict = 'sound' | 'silent' | 'no-data';

export interface MicLevel {
  verdict: MicVerdict;
  seconds: number;
  peakDbfs: number;
  loudestWindowDbfs: number;
  quietestWindowDbfs: number;
}

const dbfs = (amplitude: number) =>
  amplitude <= 0 ? FLOOR_DBFS : Math.max(FLOOR_DBFS, 20 * Math.log10(amplitude / 32768));

export function measureLevel(samples: Int16Array, sampleRate: number): MicLevel {
  const window = Math.max(1, Math.round(sampleRate * WINDOW_S));
  if (samples.length < window) {
    return {
      verdict: 'no-data',
      seconds: samples.length / sampleRate,
      peakDbfs: FLOOR_DBFS,
      loudestWindowDbfs: FLOOR_DBFS,
      quietestWindowDbfs: FLOOR_DBFS,
    };
  }
  let sum = 0;
  for (const s of samples) sum += s;
  const dc = sum / samples.length;
  let peak = 0;
  const levels: number[] = [];
  for (let start = 0; start + window <= samples.length; start += window) {
    let energy = 0;
    for (let i = start; i < start + window; i++) {
      const v = (samples[i] ?? 0) - dc;
      energy += v * v;
      peak = Math.max(peak, Math.abs(v));
    }
    levels.push(dbfs(Math.sqrt(energy / window)));
  }
  const loudest = Math.max(...levels);
  const quietest = Math.min(...levels);
  const sound = loudest >= SOUND_MIN_DBFS && loudest - quietest >= SOUND_MIN_SPREAD_DB;
  return {
    verdict: sound ? 'sound' : 'silent',
    seconds: samples.length / sampleRate,
    peakDbfs: round(dbfs(peak)),
    loudestWindowDbfs: round(loudest),
    quietestWindowDbfs: round(quietest),
  };
}

/** The level of a WAV as arecord wrote it; `no-data` when it holds no (or too few) samples. */
export function measureWav(bytes: Uint8Array): MicLevel {
  const wav = parseWav(bytes);
  if (wav?.bitsPerSample !== 16 || wav.format !== 1) return measureLevel(new Int16Array(0), 48000);
  return measureLevel(pcm16Channel(bytes, wav, 0), wav.sampleRate);
}

const round = (v: number) => Math.round(v * 10) / 10;
