import { requireAdmin } from '../access/team-access';
import type { ServiceContext } from '../context';

export async function listUsers({ db, actor }: ServiceContext) {
  requireAdmin(actor);
  return db.user.findMany({ orderBy: { name: 'asc' }, select: { id: true, email: true, name: true, orgRole: true } });
}
