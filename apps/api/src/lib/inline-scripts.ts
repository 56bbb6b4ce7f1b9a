import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy sources (`'sha256-…'`) that let exactly the inline scripts of an HTML page run, and
 * no other inline script: the web app's index.html sets the colour theme before the first paint that way.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => m[1]!.trim() !== '')
    .map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
}
