// Test support: copies the text of virtual consoles to a serial port whenever it changes.
// Usage: node console-dump.mjs /dev/ttyS1 1 2
// Each frame: "=== gomme-vcs tty<N> <rows>x<cols> cursor=<x>,<y> uptime=<s> ===", the rows (right-trimmed),
// then "=== end ===". /dev/vcsu<N> holds the screen as UTF-32 code points (accents and box drawing intact);
// /dev/vcsa<N> starts with rows, columns and the cursor position.
import { openSync, readFileSync, writeSync } from 'node:fs';

const [port, ...ttys] = process.argv.slice(2);
const out = openSync(port, 'w');
const last = new Map();

function decode(attr, raw) {
  const [rows, cols] = attr;
  const lines = [];
  for (let r = 0; r < rows; r++) {
    const points = [];
    for (let c = 0; c < cols; c++) {
      const at = (r * cols + c) * 4;
      points.push(at + 4 <= raw.length ? raw.readUInt32LE(at) || 32 : 32);
    }
    lines.push(String.fromCodePoint(...points).trimEnd());
  }
  return lines.join('\n');
}

function tick() {
  for (const n of ttys) {
    let attr;
    let raw;
    try {
      attr = readFileSync(`/dev/vcsa${n}`).subarray(0, 4);
      raw = readFileSync(`/dev/vcsu${n}`);
    } catch (error) {
      // A console nobody has opened yet has no screen buffer (ENXIO): nothing to show.
      if (error.code === 'ENXIO' || error.code === 'ENOENT') continue;
      throw error;
    }
    // Compare raw bytes first: decoding every cell twice a second costs real CPU under emulation.
    const key = Buffer.concat([attr, raw]);
    if (last.get(n)?.equals(key)) continue;
    last.set(n, key);
    const uptime = readFileSync('/proc/uptime', 'utf8').split(' ')[0];
    const header = `${attr[0]}x${attr[1]} cursor=${attr[2]},${attr[3]}`;
    writeSync(
      out,
      `=== gomme-vcs tty${n} ${header} uptime=${uptime} ===\n${decode(attr, raw)}\n=== end ===\n`,
    );
  }
}

setInterval(tick, 500);
tick();
