/**
 * A Content-Disposition header for a file name of any characters: a plain-ASCII `filename` for old clients (other
 * characters become "_") and the exact name as UTF-8 in `filename*` (RFC 6266, RFC 8187). Quotes, backslashes,
 * semicolons and line breaks can never end the value early.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
