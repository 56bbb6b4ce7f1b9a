import { can, type TeamAccess } from './access';

// Rules for files on cards: what a file's name may be, what a file is (from its first bytes, never its name), and
// which kinds a browser may show in the page rather than download.

/** The longest name kept, in characters; longer names are cut before their extension. */
export const MAX_FILE_NAME_LENGTH = 180;

// C0 and C1 control characters, and the marks that reorder text (right-to-left overrides and isolates) or hide:
// "invoice‮fdp.exe" would otherwise read as "invoiceexe.pdf".
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A file name fit to show and to download as: no folders (a name is never a path), no control or reordering
 * characters, no leading dots, at most MAX_FILE_NAME_LENGTH characters with the extension kept; "file" when
 * nothing is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\t\n\r]/g, ' ')
    .replace(unsafeCharacters, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const chars = [...name];
  if (chars.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 ? [...name.slice(dot)] : [];
    const keepExt = ext.length > 0 && ext.length <= 16 ? ext : [];
    name = chars.slice(0, MAX_FILE_NAME_LENGTH - keepExt.length).join('') + keepExt.join('');
  }
  return name || 'file';
}

/** How many first bytes `sniffContentType` looks at. */
export const SNIFF_BYTES = 512;

const startsWith = (bytes: Uint8Array, signature: (number | null)[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => b === null || bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The file's type, from its first bytes. Kinds that are not recognised are application/octet-stream; text that
 * could be active in a browser (HTML, SVG, XML) is named as such so it is never shown inline.
 */
export function sniffContentType(head: Uint8Array): string {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(head, ascii('ftyp'), 4)) return 'video/mp4';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (startsWith(head, ascii('ID3')) || startsWith(head, [0xff, 0xfb])) return 'audio/mpeg';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.slice(0, SNIFF_BYTES));
  const start = text
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 256)
    .toLowerCase();
  if (/^<(!doctype html|html|head|body|script|iframe|!--)/.test(start)) return 'text/html';
  if (start.startsWith('<svg') || /^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<svg/.test(start)) return 'image/svg+xml';
  if (start.startsWith('<?xml')) return 'application/xml';
  if (looksLikeText(head)) return 'text/plain';
  return 'application/octet-stream';
}

function looksLikeText(head: Uint8Array) {
  if (head.length === 0) return false;
  for (const b of head.slice(0, SNIFF_BYTES)) if (b === 0 || (b < 0x09 && b !== 0x1b)) return false;
  return true;
}

/** Kinds a browser may show in the page: raster images only. Everything else is downloaded. */
export const inlineImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
const inlineTypes = new Set<string>(inlineImageTypes);
export const showsInline = (contentType: string) => inlineTypes.has(contentType);
/** Images the card panel shows a thumbnail of (the same raster kinds: never SVG). */
export const isPreviewableImage = showsInline;

/**
 * Renaming and deleting an attachment: its uploader, the team's scrum masters and admins, among those who may
 * work on the team's cards (a viewer who once uploaded, then became one, no longer may).
 */
export function canManageAttachment(access: TeamAccess, isUploader: boolean): boolean {
  return can(access, 'work') && (isUploader || can(access, 'manage-board'));
}
