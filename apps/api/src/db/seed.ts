import type { Db } from './prisma';
import { ensureDefaultPrinciples } from './seed-principles';
import { hashPassword } from '../lib/passwords';
import { defaultColumns } from '../services/boards/default-columns';

export interface SeedOptions {
  onProgress?: (message: string) => void;
}

/** Fills an empty database with demo data. Returns false, doing nothing, when any account exists. */
export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<boolean> {
  await ensureDefaultPrinciples(db);
  if ((await db.user.count()) > 0) return false;
  options.onProgress?.('Loading demo data…');
  const passwordHash = await hashPassword('demo-password-1');
  const maya = await db.user.create({ data: { email: 'maya@demo.test', name: 'Maya Patel', passwordHash } });
  await db.team.create({
    data: {
      name: 'Content Marketing',
      slug: 'content-marketing',
      memberships: { create: [{ userId: maya.id, role: 'SCRUM_MASTER' }] },
      boards: { create: { name: 'Content board', columns: { create: defaultColumns() } } },
    },
  });
  return true;
}
