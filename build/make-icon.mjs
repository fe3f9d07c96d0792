// Draws build/icon.png (512×512): a teal rounded square with a white open doorway and a heart,
// "acogida" (welcome). No dependencies: the PNG is encoded with node:zlib. Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const SUPER = 4; // 4×4 samples per pixel for smooth edges

function roundedRect(x, y, cx, cy, halfW, halfH, r) {
  const dx = Math.max(Math.abs(x - cx) - (halfW - r), 0);
  const dy = Math.max(Math.abs(y - cy) - (halfH - r), 0);
  return dx * dx + dy * dy <= r * r;
}

function heart(x, y, cx, cy, s) {
  // The classic implicit heart curve (x² + y² − 1)³ − x²y³ ≤ 0, scaled by s and centred.
  const u = (x - cx) / s;
  const v = -(y - cy) / s;
  const a = u * u + v * v - 1;
  return a * a * a - u * u * v * v * v <= 0;
}

function colourAt(x, y) {
  if (!roundedRect(x, y, 256, 256, 240, 240, 96)) return null; // transparent outside
  const teal = [15, 118, 110];
  const white = [255, 255, 255];
  const coral = [244, 114, 96];
  // The doorway: an arch open at the bottom.
  const inDoor = (roundedRect(x, y, 256, 300, 120, 150, 110) && y < 440) || (Math.abs(x - 256) <= 120 && y >= 300 && y < 440);
  const inOpening = (roundedRect(x, y, 256, 318, 84, 132, 80) && y < 441) || (Math.abs(x - 256) <= 84 && y >= 318 && y < 441);
  if (heart(x, y, 256, 300, 62)) return coral;
  if (inDoor && !inOpening) return white;
  return teal;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SUPER; sy++) {
      for (let sx = 0; sx < SUPER; sx++) {
        const c = colourAt(px + (sx + 0.5) / SUPER, py + (sy + 0.5) / SUPER);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a += 1;
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((255 * a) / (SUPER * SUPER));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
