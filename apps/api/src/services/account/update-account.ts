import type { UpdateAccountBody } from '@amb/shared/account';
import type { ServiceContext } from '../context';
import { getMe } from '../auth/get-me';

/** Changes the signed-in person's own name. */
export async function updateAccount({ db, actor }: ServiceContext, body: UpdateAccountBody) {
  await db.user.update({ where: { id: actor.id }, data: { name: body.name } });
  return getMe({ db, actor });
}
