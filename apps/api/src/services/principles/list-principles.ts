import type { Principle } from '@amb/shared/principles';
import type { ServiceContext } from '../context';

export async function listPrinciples({ db }: ServiceContext): Promise<Principle[]> {
  const rows = await db.principle.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }] });
  return rows.map(({ archivedAt, ...p }) => ({ ...p, archived: archivedAt !== null }));
}
