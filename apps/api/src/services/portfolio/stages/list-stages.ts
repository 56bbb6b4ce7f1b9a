import type { PortfolioStage } from '@amb/shared/portfolio-stages';
import type { Db, Prisma } from '../../../db/prisma';

/** The organisation's portfolio stages in order. */
export async function listStages(db: Db | Prisma.TransactionClient): Promise<PortfolioStage[]> {
  return db.portfolioStage.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, position: true, flowCategory: true },
  });
}
