#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node (CommonJS) script, run without a build */
/**
 * Draws the add-in icons (assets/icon-16.png … icon-128.png): a green rounded square with a white check
 * mark. Only Node built-ins: the PNG is written by hand (zlib for the compressed data, CRC32 below), so the
 * icons can be redrawn anywhere with `node scripts/make-icons.js`. The output is deterministic; the PNGs
 * are committed, the build only copies them.
 *
 * Sizes: 16/32/80 for the ribbon button, 32 (IconUrl) and 64 (HighResolutionIconUrl) for the add-in
 * lists, 128 for a store listing.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, "..", "assets");

const GREEN = [24, 122, 66]; // #187A42
const WHITE = [255, 255, 255];

/** Samples per pixel side: the shapes are anti-aliased by averaging SAMPLES² points of each pixel. */
const SAMPLES = 8;

// --- geometry, in unit coordinates (0..1, y down) ---

const SQUARE = { min: 0.03, max: 0.97, radius: 0.2 };
const CHECK = {
  points: [
    [0.26, 0.53],
    [0.43, 0.7],
    [0.75, 0.32],
  ],
  halfWidth: 0.065,
};

function insideRoundedSquare(x, y) {
  const { min, max, radius } = SQUARE;
  if (x < min || x > max || y < min || y > max) return false;
  // Distance to the nearest corner's circle centre, only when in a corner region.
  const cx = x < min + radius ? min + radius : x > max - radius ? max - radius : x;
  const cy = y < min + radius ? min + radius : y > max - radius ? max - radius : y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= radius * radius;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx);
  const dy = py - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

function insideCheck(x, y) {
  const { points, halfWidth } = CHECK;
  for (let i = 0; i + 1 < points.length; i++) {
    if (distanceToSegment(x, y, points[i], points[i + 1]) <= halfWidth) return true;
  }
  return false;
}

/** RGBA pixels, row by row. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const total = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let check = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (insideRoundedSquare(x, y)) {
            square++;
            if (insideCheck(x, y)) check++;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colour inside the square: green mixed with white by the check's share of the covered samples.
      const mix = square === 0 ? 0 : check / square;
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.round(GREEN[c] * (1 - mix) + WHITE[c] * mix);
      pixels[i + 3] = Math.round((255 * square) / total);
    }
  }
  return pixels;
}

// --- PNG encoding ---

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  // Each scanline starts with its filter type (0: none).
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT_DIR, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, draw(size)));
  console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
}
