// People's WIP limits span boards: a person's row is the lock (taken after columns and swimlanes, see
// lock-order.ts), and their count is person_wip_count() in prisma/sql/functions, the SQL twin of the domain rule.
import { Prisma } from '../../../db/prisma';
import type { OwnerLimitRow } from './decide-placement';

type Tx = Prisma.TransactionClient;

/** Locks the card's owners (in id order) and reads those with a limit, with their counts. */
export async function lockOwnerLimits(tx: Tx, cardId: string): Promise<OwnerLimitRow[]> {
  await tx.$queryRaw`SELECT u.id FROM users u WHERE u.id IN (SELECT user_id FROM card_owners WHERE card_id = ${cardId}) ORDER BY u.id FOR NO KEY UPDATE`;
  return tx.$queryRaw<OwnerLimitRow[]>`
    SELECT u.id AS user_id, u.name, u.wip_limit, u.wip_policy::text AS wip_policy, person_wip_count(u.id, ${cardId}) AS count
    FROM users u JOIN card_owners o ON o.user_id = u.id WHERE o.card_id = ${cardId} AND u.wip_limit IS NOT NULL ORDER BY u.id`;
}

/**
 * Locks people's rows (in id order, as moves lock owners) and reads those with a limit, with their counts not
 * counting `exceptCardId`: for owners given to a new card, or added to a card already in progress.
 */
export async function lockPersonLimits(tx: Tx, userIds: string[], exceptCardId: string): Promise<OwnerLimitRow[]> {
  const ids = [...new Set(userIds)].sort();
  if (!ids.length) return [];
  await tx.$queryRaw`SELECT id FROM users WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR NO KEY UPDATE`;
  return tx.$queryRaw<OwnerLimitRow[]>`
    SELECT u.id AS user_id, u.name, u.wip_limit, u.wip_policy::text AS wip_policy, person_wip_count(u.id, x.except_id) AS count
    FROM users u CROSS JOIN (SELECT ${exceptCardId}::text AS except_id) x
    WHERE u.id IN (${Prisma.join(ids)}) AND u.wip_limit IS NOT NULL ORDER BY u.id`;
}
