import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ExecaRunner } from '../../core/run/execa-runner.js';
import { extractIso } from '../../hub/netboot/boot-files.js';
import { emptyStats, httpFilesRoute, type ServedStats } from '../../hub/netboot/http-files.js';
import { makeGommeLikeIso } from '../helpers/netboot-iso.js';
import { removeTempDirs, tempDir, testHub } from './helpers.js';

/**
 * The hub serves the kernel and initrd of the ISO over HTTP (127.0.0.1 here), as the PCs' boot loaders ask for
 * them: GRUB 2.12's http module (HTTP/1.1, reads `Content-Length` only when spelled so, `Range: bytes=N-` when
 * it seeks) and lpxelinux (HTTP/1.0, `Connection: close`). Every byte is the ISO's, and /netboot/status counts
 * what went to which client.
 */
afterAll(removeTempDirs);

interface Answer {
  status: number;
  head: string;
  body: Buffer;
}

/** One request written as the boot loader writes it; the answer read up to its Content-Length or the close. */
function rawRequest(port: number, request: string, stopAfter?: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    const answer = (): Answer | null => {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const head = data.subarray(0, end).toString('latin1');
      return { status: Number(head.split(' ')[1]), head, body: data.subarray(end + 4) };
    };
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const a = answer();
      const length = a ? /\r\ncontent-length: (\d+)/i.exec(a.head)?.[1] : undefined;
      const head = request.startsWith('HEAD ');
      if (a && (head || (stopAfter !== undefined && a.body.length >= stopAfter))) {
        socket.destroy();
        resolve(a);
      } else if (a && length !== undefined && a.body.length >= Number(length)) {
        socket.destroy();
        resolve(a);
      }
    });
    socket.on('end', () => {
      const a = answer();
      if (a) resolve(a);
      else reject(new Error(`no answer: ${data.toString('latin1')}`));
    });
    socket.on('error', reject);
    socket.write(request);
  });
}

const grubGet = (path: string, extra = '') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: GRUB 2.12\r\n${extra}\r\n`;
const lpxelinuxGet = (path: string) =>
  `GET ${path} HTTP/1.0\r\nHost: 127.0.0.1\r\nUser-Agent: PXELINUX/6.04\r\nConnection: close\r\n\r\n`;

describe('netboot: kernel and initrd over HTTP from the hub', () => {
  it('byte for byte the ISO’s, Content-Length as GRUB reads it, ranges, and counted per file and client', async () => {
    const work = tempDir('gomme-netboot-http-');
    const kernel = randomBytes(3 * 1024 * 1024 + 17);
    const initrd = randomBytes(5 * 1024 * 1024 + 3);
    // The root filesystem big enough that a client giving up cannot have had it all in the sockets' buffers.
    const squashfs = Buffer.alloc(40 * 1024 * 1024, 1);
    const iso = makeGommeLikeIso(work, 'http', { kernel, initrd, squashfs });
    const extracted = await extractIso(new ExecaRunner(), iso, `${work}/extract`);
    const stats: ServedStats = emptyStats();
    const hub = await testHub('embedded', { extraRoutes: [httpFilesRoute(extracted.httpFiles, stats)] });
    try {
      const port = Number(new URL(hub.url).port);
      // GRUB (UEFI): HTTP/1.1, the header name compared case-sensitively.
      const k = await rawRequest(port, grubGet('/netboot/vmlinuz'));
      expect(k.status).toBe(200);
      expect(k.head).toContain(`\r\nContent-Length: ${kernel.length}\r\n`);
      expect(k.body.equals(kernel)).toBe(true);
      // lpxelinux (BIOS): HTTP/1.0, connection closed after the file.
      const i = await rawRequest(port, lpxelinuxGet('/netboot/initrd.img'));
      expect(i.status).toBe(200);
      expect(i.head).toContain(`\r\nContent-Length: ${initrd.length}\r\n`);
      expect(i.body.equals(initrd)).toBe(true);
      // GRUB's seek: the rest of the file from an offset (206), never the whole file again.
      const r = await rawRequest(port, grubGet('/netboot/initrd.img', 'Range: bytes=4000000-\r\n'));
      expect(r.status).toBe(206);
      expect(r.head).toContain(`\r\nContent-Range: bytes 4000000-${initrd.length - 1}/${initrd.length}\r\n`);
      expect(r.body.equals(initrd.subarray(4_000_000))).toBe(true);
      expect((await rawRequest(port, grubGet('/netboot/vmlinuz', 'Range: bytes=99999999-\r\n'))).status).toBe(
        416,
      );
      // HEAD: the size, no body, not counted as a download.
      const h = await rawRequest(port, `HEAD /netboot/vmlinuz HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(h.head).toContain(`\r\nContent-Length: ${kernel.length}\r\n`);
      expect(h.body.length).toBe(0);
      // A client that gives up early: what it was sent counts, the download does not complete.
      await rawRequest(port, grubGet('/netboot/filesystem.squashfs'), 100_000);

      type Status = { files: Record<string, number>; served: ServedStats };
      const status = await waitFor(
        async () => (await (await fetch(`${hub.url}/netboot/status`)).json()) as Status,
        (s) => (s.served.byFile['filesystem.squashfs']?.bytes ?? 0) > 0,
      );
      expect(status.files).toEqual({
        vmlinuz: kernel.length,
        'initrd.img': initrd.length,
        'filesystem.squashfs': squashfs.length,
      });
      const { vmlinuz, 'initrd.img': initrdServed, 'filesystem.squashfs': rootfs } = status.served.byFile;
      expect(vmlinuz).toEqual({ requests: 1, completed: 1, bytes: kernel.length });
      expect(initrdServed).toEqual({
        requests: 2,
        completed: 2,
        bytes: initrd.length + (initrd.length - 4_000_000),
      });
      expect(rootfs?.requests).toBe(1);
      expect(rootfs?.completed).toBe(0);
      expect(rootfs?.bytes).toBeGreaterThanOrEqual(100_000);
      expect(rootfs?.bytes).toBeLessThan(squashfs.length);
      // One client here: its bytes per file are the boot's cost.
      expect(status.served.requests).toBe(4);
      expect(status.served.byClient).toEqual({
        '127.0.0.1': {
          requests: 4,
          bytes: status.served.bytes,
          byFile: {
            vmlinuz: kernel.length,
            'initrd.img': initrdServed?.bytes,
            'filesystem.squashfs': rootfs?.bytes,
          },
        },
      });
    } finally {
      await hub.close();
    }
  });
});

/** The counters are updated when each response closes: polled until they settle (bounded). */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
