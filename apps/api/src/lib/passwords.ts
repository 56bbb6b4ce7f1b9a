import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt from Node's crypto (OpenSSL): memory-hard, maintained, no native add-on to build.
/** OWASP's current recommendation for scrypt: N=2^17, r=8, p=1 (128 MiB and a few hundred ms per hash). */
export const DEFAULT_COST_LOG2 = 17;
const r = 8;
const p = 1;
const KEY_LENGTH = 64;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // Node refuses more than 32 MiB by default; allow what N and r need, with room.
  const maxmem = 256 * (options.N ?? 1) * (options.r ?? 8) + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, KEY_LENGTH, { ...options, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, costLog2 = DEFAULT_COST_LOG2): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** costLog2;
  const key = await scrypt(password, salt, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(rr), p: Number(pp) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True when a stored hash is weaker than the cost now configured, so the next sign-in should replace it. */
export function needsRehash(stored: string, costLog2 = DEFAULT_COST_LOG2): boolean {
  const [scheme, n, rr, pp] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) < 2 ** costLog2 || Number(rr) < r || Number(pp) < p;
}

const decoys = new Map<number, Promise<string>>();
/** A hash of a random password, compared against when the email is unknown so timing does not tell. */
export function decoyHash(costLog2 = DEFAULT_COST_LOG2): Promise<string> {
  let decoy = decoys.get(costLog2);
  if (!decoy) decoys.set(costLog2, (decoy = hashPassword(randomBytes(16).toString('hex'), costLog2)));
  return decoy;
}
