import { inflateRawSync } from 'node:zlib';

/**
 * Whether a zip's parts, really unpacked, fit in `limit` bytes: each part is inflated with a cap on its output, so
 * a zip whose directory understates its sizes (the browser's check reads only the directory) is still caught
 * before a workbook reader unpacks it without one. False also for a zip this cannot walk, or an unknown method.
 */
export function unpacksWithin(bytes: Buffer, limit: number): boolean {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return false;
  let at = bytes.readUInt32LE(end + 16);
  let budget = limit;
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return false;
    const method = bytes.readUInt16LE(at + 10);
    const packed = bytes.readUInt32LE(at + 20);
    const local = bytes.readUInt32LE(at + 42);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return false;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + packed);
    if (method === 0) budget -= data.length;
    else if (method === 8) {
      try {
        budget -= inflateRawSync(data, { maxOutputLength: Math.max(budget, 0) + 1 }).length;
      } catch {
        return false;
      }
    } else return false;
    if (budget < 0) return false;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return true;
}
