import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** Bytes the hub sent of the root filesystem, per client address: how much one netboot costs the network. */
export interface ServedStats {
  requests: number;
  completed: number;
  bytes: number;
  byClient: Record<string, { requests: number; bytes: number }>;
}

export const SQUASHFS_PATH = '/netboot/filesystem.squashfs';

/**
 * live-boot's `fetch=` downloads the root filesystem whole (busybox wget) into the PC's RAM before it starts
 * anything: one GET of a static file, streamed from disk. `GET /netboot/status` gives the counters (no secret).
 */
export function squashfsRoute(file: { path: string; bytes: number }, stats: ServedStats) {
  return (app: FastifyInstance): void => {
    app.head(SQUASHFS_PATH, async (_request, reply) =>
      reply.header('content-length', file.bytes).header('content-type', 'application/octet-stream').send(),
    );
    app.get(SQUASHFS_PATH, async (request, reply) => {
      const client = request.ip;
      stats.requests++;
      const entry = stats.byClient[client] ?? { requests: 0, bytes: 0 };
      stats.byClient[client] = entry;
      entry.requests++;
      const stream = createReadStream(file.path);
      let sent = 0;
      stream.on('data', (chunk) => {
        sent += chunk.length;
      });
      reply.raw.once('close', () => {
        stats.bytes += sent;
        entry.bytes += sent;
        if (sent === file.bytes && reply.raw.writableFinished) stats.completed++;
        request.log.info(
          { client, bytes: sent, complete: sent === file.bytes },
          'netboot: root filesystem served',
        );
      });
      return reply
        .header('content-length', file.bytes)
        .header('content-type', 'application/octet-stream')
        .send(stream);
    });
    app.get('/netboot/status', async () => ({ squashfsBytes: file.bytes, served: stats }));
  };
}
