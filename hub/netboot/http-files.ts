import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * The boot files the hub serves over HTTP to the PCs that netboot: the kernel and initrd (GRUB's http module for
 * UEFI, lpxelinux for BIOS) and the root filesystem (live-boot's `fetch=`, busybox wget). Static files streamed
 * from the ISO's extraction, counted per file and per client: `GET /netboot/status` says what one boot costs
 * the network (no secret in it).
 */

/** URL names under /netboot/, the same as in the ISO's /live. */
export const HTTP_FILES = {
  kernel: 'vmlinuz',
  initrd: 'initrd.img',
  squashfs: 'filesystem.squashfs',
} as const;
export type HttpFileName = (typeof HTTP_FILES)[keyof typeof HTTP_FILES];

export const netbootPath = (name: HttpFileName) => `/netboot/${name}`;

export interface ServedFile {
  name: HttpFileName;
  path: string;
  bytes: number;
}

export interface FileCounters {
  requests: number;
  /** Downloads that reached the file's last byte. */
  completed: number;
  bytes: number;
}

export interface ServedStats {
  requests: number;
  bytes: number;
  byFile: Record<string, FileCounters>;
  /** Per client address: its requests, its bytes, and its bytes of each file (one boot ≈ one client). */
  byClient: Record<string, { requests: number; bytes: number; byFile: Record<string, number> }>;
}

export const emptyStats = (): ServedStats => ({ requests: 0, bytes: 0, byFile: {}, byClient: {} });

/**
 * One `Range: bytes=…` asked (GRUB's http module asks `bytes=N-` when it seeks): null when absent or several
 * ranges (the whole file is sent, as HTTP allows), 'unsatisfiable' when outside the file.
 */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'unsatisfiable' {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const [from, to] = [m[1] ?? '', m[2] ?? ''];
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/** The route module: HEAD and GET of each file, and the counters. */
export function httpFilesRoute(files: ServedFile[], stats: ServedStats) {
  return (app: FastifyInstance): void => {
    for (const file of files) {
      stats.byFile[file.name] ??= { requests: 0, completed: 0, bytes: 0 };
      app.route({
        method: ['GET', 'HEAD'],
        url: netbootPath(file.name),
        exposeHeadRoute: false,
        handler: async (request, reply) => {
          const range = byteRange(request.headers.range, file.bytes);
          // Written raw: GRUB 2.12 reads only `Content-Length` spelled so (Fastify writes header names in lower case).
          reply.hijack();
          const res = reply.raw;
          if (range === 'unsatisfiable') {
            res.writeHead(416, { 'Content-Range': `bytes */${file.bytes}`, 'Content-Length': '0' });
            res.end();
            return;
          }
          const { start, end } = range ?? { start: 0, end: file.bytes - 1 };
          const length = Math.max(0, end - start + 1);
          res.writeHead(range ? 206 : 200, {
            'Content-Type': 'application/octet-stream',
            'Content-Length': String(length),
            'Accept-Ranges': 'bytes',
            ...(range ? { 'Content-Range': `bytes ${start}-${end}/${file.bytes}` } : {}),
          });
          if (request.method === 'HEAD' || length === 0) {
            res.end();
            return;
          }
          const client = request.ip;
          count(stats, file.name, client);
          const stream = createReadStream(file.path, { start, end });
          let sent = 0;
          stream.on('data', (chunk) => {
            sent += chunk.length;
          });
          res.once('close', () => {
            const complete = sent === length && res.writableFinished;
            addBytes(stats, file.name, client, sent, complete && end === file.bytes - 1);
            request.log.info(
              { file: file.name, client, start, bytes: sent, complete },
              'netboot: file served',
            );
          });
          // A read error (the extraction removed under the hub) cuts the response: the client sees a short file.
          stream.once('error', (error) => {
            request.log.error({ err: error, file: file.name }, 'netboot: file read failed');
            res.destroy(error);
          });
          res.once('close', () => stream.destroy());
          stream.pipe(res);
        },
      });
    }
    app.get('/netboot/status', async () => ({
      files: Object.fromEntries(files.map((f) => [f.name, f.bytes])),
      served: stats,
    }));
  };
}

function count(stats: ServedStats, name: string, client: string): void {
  stats.requests++;
  const file = stats.byFile[name];
  if (file) file.requests++;
  const entry = stats.byClient[client] ?? { requests: 0, bytes: 0, byFile: {} };
  stats.byClient[client] = entry;
  entry.requests++;
}

function addBytes(stats: ServedStats, name: string, client: string, sent: number, reachedEnd: boolean): void {
  stats.bytes += sent;
  const file = stats.byFile[name];
  if (file) {
    file.bytes += sent;
    if (reachedEnd) file.completed++;
  }
  const entry = stats.byClient[client];
  if (entry) {
    entry.bytes += sent;
    entry.byFile[name] = (entry.byFile[name] ?? 0) + sent;
  }
}
