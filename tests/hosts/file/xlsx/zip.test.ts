/**
 * One zip reader (stream/zip) serves the workbook reader and the package patcher: an entry the patcher does
 * not change goes out as it was stored — its compressed bytes, CRC, timestamp and name as written, a
 * leading slash included — and an entry it could not copy faithfully (encrypted) is refused.
 */
import zlib from "zlib";
import { openZip } from "../../../../src/hosts/file/xlsx/stream/zip";
import { Package } from "../../../../src/hosts/file/xlsx/patch/package";
import { newEntry, writeZip, ZipError } from "../../../../src/hosts/file/xlsx/patch/zip";

function written(pkg: Package): Buffer {
  const chunks: Uint8Array[] = [];
  pkg.writeTo((c) => chunks.push(c));
  return Buffer.concat(chunks);
}

test("an untouched entry is copied as stored: bytes, CRC, timestamp and its name with a leading slash", () => {
  // An entry made by another tool: its own timestamp (2019-03-04 10:20) and a name with a leading slash.
  const odd = { ...newEntry("/xl/odd.xml", "<odd/>"), time: (10 << 11) | (20 << 5), date: (39 << 9) | (3 << 5) | 4 };
  const input = writeZip([newEntry("[Content_Types].xml", "<Types/>"), odd]);
  const pkg = new Package(input);
  expect(pkg.read("xl/odd.xml")).toBe("<odd/>");
  pkg.write("[Content_Types].xml", "<Types><Default/></Types>");
  const out = openZip(written(pkg));
  const entry = out.entries.get("xl/odd.xml")!;
  expect(entry.storedName).toBe("/xl/odd.xml");
  expect([entry.time, entry.date]).toEqual([odd.time, odd.date]);
  expect(entry.crc).toBe(zlib.crc32(Buffer.from("<odd/>")) >>> 0);
  expect(Buffer.compare(out.raw("xl/odd.xml")!, Buffer.from(odd.raw))).toBe(0);
  // The changed one is new content.
  expect(out.text("[Content_Types].xml")).toBe("<Types><Default/></Types>");
});

test("an encrypted entry is refused rather than copied without its flag", () => {
  const locked = { ...newEntry("xl/secret.xml", "<s/>"), flags: 1 };
  expect(() => new Package(writeZip([newEntry("[Content_Types].xml", "<Types/>"), locked]))).toThrow(ZipError);
});

test("a part is read whole or in pieces of the size asked, with the same bytes", async () => {
  const text = "<row/>".repeat(50_000);
  const zip = openZip(writeZip([newEntry("xl/worksheets/sheet1.xml", text)]));
  expect(zip.text("xl/worksheets/sheet1.xml")).toBe(text);
  const pieces: Buffer[] = [];
  for await (const piece of zip.chunks("xl/worksheets/sheet1.xml", 64 << 10)!) pieces.push(piece);
  // 300 000 bytes in pieces of at most 64 KB: five of them.
  expect(pieces.length).toBe(Math.ceil(text.length / (64 << 10)));
  expect(Buffer.concat(pieces).toString("utf8")).toBe(text);
});
