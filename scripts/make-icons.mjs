// Draws the add-in's icons (a gauge: bars rising to a target line) as PNGs at 16, 32 and 80 px, with
// zlib only, so the build needs no image tools. Run once; the PNGs are committed under addin/assets.
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const px = (x, y) => {
    const u = x / size;
    const v = 1 - y / size;
    const inside = (a, b, h) => u >= a && u < b && v >= 0.12 && v < h;
    if (Math.abs(v - 0.78) < Math.max(0.035, 1 / size)) return [192, 57, 43, 255]; // target line
    if (inside(0.12, 0.32, 0.45) || inside(0.4, 0.6, 0.62) || inside(0.68, 0.88, 0.86)) return [31, 78, 120, 255];
    return [0, 0, 0, 0];
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) Buffer.from(px(x + 0.5, y + 0.5)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [16, 32, 64, 80]) writeFileSync(new URL(`../addin/assets/icon-${size}.png`, import.meta.url), png(size));
console.log('addin/assets/icon-{16,32,64,80}.png');
