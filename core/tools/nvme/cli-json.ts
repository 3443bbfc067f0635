import { type JsonRecord, parseJsonRecord, text } from '../json-access.js';

export interface NvmeCliJson {
  /** The top-level object, or null when stdout was not a JSON object (empty, garbage, truncated). */
  root: JsonRecord | null;
  /** nvme-cli's own failure report. 2.x prints `{"error": "...", "type": "nvme"}` on stdout with exit 1. */
  error: string | null;
}

export function readNvmeCliJson(stdout: string): NvmeCliJson {
  const root = parseJsonRecord(stdout);
  return { root, error: root ? text(root, 'error') : null };
}
