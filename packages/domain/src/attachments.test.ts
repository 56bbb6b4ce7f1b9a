import { describe, expect, it } from 'vitest';
import { canManageAttachment, cleanFileName, MAX_FILE_NAME_LENGTH, showsInline, sniffContentType } from './attachments';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('cleanFileName', () => {
  it('keeps an ordinary name, accents and all', () => {
    expect(cleanFileName('Banner – été 2027.png')).toBe('Banner – été 2027.png');
  });
  it('drops folders of either kind', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\ann\\brief.docx')).toBe('brief.docx');
  });
  it('removes control and reordering characters, so a name reads as it is', () => {
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('a\u0000b\u0007c\nd.txt')).toBe('abc d.txt');
  });
  it('refuses leading dots and empty names', () => {
    expect(cleanFileName('.htaccess')).toBe('htaccess');
    expect(cleanFileName('   ')).toBe('file');
    expect(cleanFileName('/')).toBe('file');
  });
  it('shortens over-long names and keeps the extension', () => {
    const name = cleanFileName(`${'x'.repeat(500)}.pdf`);
    expect([...name].length).toBe(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('sniffContentType', () => {
  it('knows images, PDFs and videos by their first bytes', () => {
    expect(sniffContentType(bytes([0x89], 'PNG\r\n\x1a\n', 'rest'))).toBe('image/png');
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffContentType(bytes('GIF89a...'))).toBe('image/gif');
    expect(sniffContentType(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffContentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(bytes([0, 0, 0, 0x20], 'ftypisom'))).toBe('video/mp4');
  });
  it('names active content as what it is, whatever the file is called', () => {
    expect(sniffContentType(bytes('  <!DOCTYPE html><script>'))).toBe('text/html');
    expect(sniffContentType(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="x()">'))).toBe('image/svg+xml');
    expect(sniffContentType(bytes('<?xml version="1.0"?>\n<svg>'))).toBe('image/svg+xml');
    expect(sniffContentType(bytes('<?xml version="1.0"?><feed/>'))).toBe('application/xml');
  });
  it('calls plain text text, and anything else bytes', () => {
    expect(sniffContentType(bytes('Headline ideas\n- one\n'))).toBe('text/plain');
    expect(sniffContentType(bytes([0, 1, 2, 3]))).toBe('application/octet-stream');
    expect(sniffContentType(new Uint8Array())).toBe('application/octet-stream');
  });
});

describe('showsInline', () => {
  it('shows raster images only; SVG, HTML and PDFs are downloaded', () => {
    expect(showsInline('image/png')).toBe(true);
    expect(showsInline('image/svg+xml')).toBe(false);
    expect(showsInline('text/html')).toBe(false);
    expect(showsInline('application/pdf')).toBe(false);
  });
});

describe('canManageAttachment', () => {
  it('lets the uploader, scrum masters and admins rename and delete, and no one read-only', () => {
    expect(canManageAttachment({ orgRole: 'NONE', teamRole: 'MEMBER' }, true)).toBe(true);
    expect(canManageAttachment({ orgRole: 'NONE', teamRole: 'MEMBER' }, false)).toBe(false);
    expect(canManageAttachment({ orgRole: 'NONE', teamRole: 'SCRUM_MASTER' }, false)).toBe(true);
    expect(canManageAttachment({ orgRole: 'ADMIN', teamRole: null }, false)).toBe(true);
    expect(canManageAttachment({ orgRole: 'NONE', teamRole: 'VIEWER' }, true)).toBe(false);
    expect(canManageAttachment({ orgRole: 'PMO', teamRole: null }, false)).toBe(false);
  });
});
