import type { FlowCategory } from '@amb/domain/card-timeline';
import { flowEfficiency, type FlowEvent } from '@amb/domain/flow-metrics';
import { addDays, localDay, weekStart } from '@amb/domain/local-days';
import type { PeriodQuery, TeamFlow } from '@amb/shared/portfolio';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { epochMsSql, localDateSql, periodBounds, utcParam } from './period';

const HOUR = 3_600_000;
const hours = (ms: number) => Math.round((ms / HOUR) * 10) / 10;

/**
 * A team's throughput per week and its flow efficiency: for each card finished in the period, how its time from
 * start to finish split into active, waiting and blocked (from its moves and obstacles in the activity log).
 */
export async function getTeamFlow(
  { db, actor }: ServiceContext,
  teamId: string,
  query: PeriodQuery,
): Promise<TeamFlow> {
  await requireTeamAccess(db, actor, teamId, 'view');
  const period = periodBounds(query);
  const params = [teamId, period.from, period.to, query.tz];
  const [daily, events] = await Promise.all([
    db.$queryRawUnsafe<{ day: string; cards: number }[]>(
      `SELECT ${localDateSql('done_at', '$4')}::text AS day, COUNT(*)::int AS cards FROM card_flow
       WHERE team_id = $1 AND done_at >= ${utcParam('$2')} AND done_at < ${utcParam('$3')} GROUP BY 1`,
      ...params,
    ),
    db.$queryRawUnsafe<
      { card_id: string; at: number; kind: string; stage: FlowCategory | null; started: number; done: number }[]
    >(
      `SELECT a.card_id, ${epochMsSql('a.at')} AS at, a.kind, a."to" ->> 'flowCategory' AS stage,
         ${epochMsSql('LEAST(f.in_progress_at, f.done_at)')} AS started, ${epochMsSql('f.done_at')} AS done
       FROM card_flow f JOIN activity a ON a.card_id = f.card_id AND a.at <= f.done_at
       WHERE f.team_id = $1 AND f.done_at >= ${utcParam('$2')} AND f.done_at < ${utcParam('$3')} AND $4::text IS NOT NULL
         AND a.kind IN ('card.created', 'card.moved', 'card.restored', 'card.blocked', 'card.unblocked')
       ORDER BY a.card_id, a.at, a.id`,
      ...params,
    ),
  ]);

  const weeks: string[] = [];
  for (let w = weekStart(query.from); w <= query.to; w = addDays(w, 7)) weeks.push(w);
  const throughput = new Map(weeks.map((w) => [w, 0]));
  for (const d of daily) throughput.set(weekStart(d.day), (throughput.get(weekStart(d.day)) ?? 0) + d.cards);

  const byCard = new Map<string, { started: number; done: number; events: FlowEvent[] }>();
  for (const e of events) {
    let card = byCard.get(e.card_id);
    if (!card) byCard.set(e.card_id, (card = { started: e.started, done: e.done, events: [] }));
    if (e.kind === 'card.blocked' || e.kind === 'card.unblocked')
      card.events.push({ at: e.at, blocked: e.kind === 'card.blocked' });
    else if (e.stage) card.events.push({ at: e.at, stage: e.stage });
  }
  const perWeek = new Map(weeks.map((w) => [w, { cards: 0, activeMs: 0, waitingMs: 0, blockedMs: 0 }]));
  for (const card of byCard.values()) {
    const split = flowEfficiency(card.events, card.started, card.done);
    const week = perWeek.get(weekStart(localDay(card.done, query.tz)));
    if (!week) continue;
    week.cards++;
    week.activeMs += split.activeMs;
    week.waitingMs += split.waitingMs;
    week.blockedMs += split.blockedMs;
  }
  const share = (w: { activeMs: number; waitingMs: number; blockedMs: number }) => {
    const total = w.activeMs + w.waitingMs + w.blockedMs;
    return total > 0 ? Math.round((w.activeMs / total) * 1000) / 1000 : null;
  };
  const all = [...perWeek.values()].reduce(
    (s, w) => ({
      activeMs: s.activeMs + w.activeMs,
      waitingMs: s.waitingMs + w.waitingMs,
      blockedMs: s.blockedMs + w.blockedMs,
    }),
    { activeMs: 0, waitingMs: 0, blockedMs: 0 },
  );
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    throughput: weeks.map((week) => ({ week, cards: throughput.get(week) ?? 0 })),
    efficiency: weeks.map((week) => {
      const w = perWeek.get(week)!;
      return {
        week,
        cards: w.cards,
        activeHours: hours(w.activeMs),
        waitingHours: hours(w.waitingMs),
        blockedHours: hours(w.blockedMs),
        efficiency: share(w),
      };
    }),
    overallEfficiency: share(all),
  };
}
