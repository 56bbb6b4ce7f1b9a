import { describe, expect, it } from 'vitest';
import { decodeTextFile, detectDelimiter } from './text-file';

function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let i = 0;
  if (bom) {
    out[i++] = 0xff;
    out[i++] = 0xfe;
  }
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out[i++] = code & 0xff;
    out[i++] = code >> 8;
  }
  return out;
}

describe('decodeTextFile', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const plain = new TextEncoder().encode('Titel;Größe\r\nÄpfel;2,5\r\n');
    expect(decodeTextFile(plain)).toEqual({ text: 'Titel;Größe\r\nÄpfel;2,5\r\n', encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeTextFile(withBom)).toEqual({ text: 'Titel;Größe\r\nÄpfel;2,5\r\n', encoding: 'utf-8' });
  });

  it('reads a German Excel CSV saved as Windows-1252', () => {
    // "Überschrift;Maß\r\nMärz;15.12.2026\r\n" with ü/Ü/ß/ä as single Windows-1252 bytes.
    const bytes = new Uint8Array([
      0xdc,
      ...new TextEncoder().encode('berschrift;Ma'),
      0xdf,
      0x0d,
      0x0a,
      0x4d,
      0xe4,
      ...new TextEncoder().encode('rz;15.12.2026'),
      0x0d,
      0x0a,
    ]);
    expect(decodeTextFile(bytes)).toEqual({ text: 'Überschrift;Maß\r\nMärz;15.12.2026\r\n', encoding: 'windows-1252' });
  });

  it('reads UTF-16 text with its byte-order mark, little and big endian', () => {
    const text = 'Title\tDue\r\nLaunch café\t12/15/2026\r\n';
    expect(decodeTextFile(utf16le(text))).toEqual({ text, encoding: 'utf-16le' });
    const le = utf16le(text, false);
    const be = new Uint8Array(le.length + 2);
    be[0] = 0xfe;
    be[1] = 0xff;
    for (let i = 0; i < le.length; i += 2) {
      be[i + 2] = le[i + 1]!;
      be[i + 3] = le[i]!;
    }
    expect(decodeTextFile(be)).toEqual({ text, encoding: 'utf-16be' });
  });
});

describe('detectDelimiter', () => {
  it('reads the delimiter from the header line, outside quotes', () => {
    expect(detectDelimiter('Titel;Größe;Fällig\r\nA;2,5;15.12.2026\r\n')).toBe(';');
    expect(detectDelimiter('Title,Estimate,Due\r\nA,2.5,12/15/2026\r\n')).toBe(',');
    expect(detectDelimiter('Title\tDue\r\nA\t2026-12-15\r\n')).toBe('\t');
    expect(detectDelimiter('"Launch; part 2"|Due\nA|B\n')).toBe('|');
    expect(detectDelimiter('Title\nA\n')).toBe(',');
  });
});
