import type { ServiceContext } from '../context';
import { notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import { importView } from './import-view';

/** An import's progress and, once done, its report. */
export async function getImport({ db, actor }: ServiceContext, importId: string) {
  const job = await db.importJob.findUnique({ where: { id: importId } });
  if (!job) throw notFound('Import');
  await requireTeamAccess(db, actor, job.teamId, 'view', 'Import');
  return importView(job);
}
