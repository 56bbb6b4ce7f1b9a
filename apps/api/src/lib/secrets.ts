import { createHash } from 'node:crypto';

/**
 * How a random secret (a session cookie, an API token, an invitation link) is stored: its SHA-256, in hex. A
 * 256-bit random secret needs no slow hash; the stored value is useless to anyone who reads it.
 */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
