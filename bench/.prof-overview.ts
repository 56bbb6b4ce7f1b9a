import { createPrisma } from '../apps/api/src/db/prisma';
import { getPortfolioOverview } from '../apps/api/src/services/portfolio/get-portfolio-overview';
import { getCumulativeFlow } from '../apps/api/src/services/portfolio/get-cumulative-flow';
const base = createPrisma(process.argv[2]!, 10);
const db = base.$extends({ query: { async $allOperations({ operation, model, args, query }) { const t = performance.now(); const r = await query(args); console.log(`${(performance.now() - t).toFixed(0).padStart(5)} ms ${model ?? ''}.${operation} ${JSON.stringify(args).slice(0, 70)}`); return r; } } }) as unknown as typeof base;
const user = await base.user.findFirstOrThrow({ where: { orgRole: 'PMO' } });
for (const what of (process.argv[3] ?? 'overview,cfd').split(',')) for (let i = 0; i < 3; i++) {
  const t = performance.now();
  if (what === 'overview') await getPortfolioOverview({ db, actor: { id: user.id, orgRole: 'PMO' } }, { from: '2026-08-29', to: '2026-11-26', tz: 'Europe/Berlin' });
  else await getCumulativeFlow({ db, actor: { id: user.id, orgRole: 'PMO' } }, { from: '2026-08-29', to: '2026-11-26', tz: 'Europe/Berlin' });
  console.log(`== ${what} total ${(performance.now() - t).toFixed(0)} ms`);
}
await base.$disconnect();
