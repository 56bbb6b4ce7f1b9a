import { isOrgWide } from '@amb/domain/access';
import { campaignProgress, deliverableAtRisk } from '@amb/domain/campaigns';
import { flowCategories } from '@amb/domain/flow-categories';
import type { Campaign, CampaignDeliverable, CampaignTeam } from '@amb/shared/campaigns';
import type { Db, Prisma } from '../../db/prisma';
import type { Actor } from '../context';

/** A calendar day as stored (a DATE column reads as midnight UTC) and as written. */
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
export const dateOfDay = (day: string) => new Date(`${day}T00:00:00Z`);

export const campaignSelect = {
  id: true,
  name: true,
  goal: true,
  startDate: true,
  endDate: true,
  colour: true,
  status: true,
  owner: { select: { id: true, name: true } },
} satisfies Prisma.CampaignSelect;
type CampaignRow = Prisma.CampaignGetPayload<{ select: typeof campaignSelect }>;

interface DeliverableRow extends CampaignDeliverable {
  campaignId: string;
  teamName: string;
  position: number;
  rank: string;
}

/**
 * The open cards of the campaigns, split into those on teams the reader may see (whole) and a count per campaign
 * of the rest: a card on a team the reader cannot read never leaves here with its title, column or team.
 */
export async function readDeliverables(db: Db, actor: Actor, campaigns: readonly CampaignRow[], now: Date) {
  const readable = isOrgWide(actor.orgRole)
    ? null
    : new Set(
        (await db.membership.findMany({ where: { userId: actor.id }, select: { teamId: true } })).map((m) => m.teamId),
      );
  const cards = await db.card.findMany({
    where: { campaignId: { in: campaigns.map((c) => c.id) }, archivedAt: null, board: { archivedAt: null } },
    select: {
      id: true,
      campaignId: true,
      title: true,
      boardId: true,
      estimate: true,
      dueDate: true,
      blocked: true,
      rank: true,
      board: { select: { teamId: true, team: { select: { name: true } } } },
      column: { select: { name: true, position: true, flowCategory: true } },
    },
  });
  const ends = new Map(campaigns.map((c) => [c.id, dayOf(c.endDate)]));
  const seen = new Map<string, DeliverableRow[]>(campaigns.map((c) => [c.id, []]));
  const hidden = new Map<string, number>();
  for (const card of cards) {
    const campaignId = card.campaignId!;
    if (readable && !readable.has(card.board.teamId)) {
      hidden.set(campaignId, (hidden.get(campaignId) ?? 0) + 1);
      continue;
    }
    const done = card.column.flowCategory === 'DONE';
    seen.get(campaignId)!.push({
      id: card.id,
      campaignId,
      title: card.title,
      teamId: card.board.teamId,
      teamName: card.board.team.name,
      boardId: card.boardId,
      columnName: card.column.name,
      flowCategory: card.column.flowCategory,
      position: card.column.position,
      rank: card.rank,
      estimate: card.estimate,
      dueDate: card.dueDate?.toISOString() ?? null,
      blocked: card.blocked,
      done,
      atRisk: deliverableAtRisk({ done, dueDate: card.dueDate }, ends.get(campaignId)!, now),
    });
  }
  return { seen, hidden };
}

export function toCampaign(
  row: CampaignRow,
  seen: readonly CampaignDeliverable[],
  hidden: number,
  now: Date,
): Campaign {
  const endDate = dayOf(row.endDate);
  const progress = campaignProgress(
    seen.map((d) => ({ ...d, dueDate: d.dueDate ? new Date(d.dueDate) : null })),
    endDate,
    now,
  );
  return {
    id: row.id,
    name: row.name,
    goal: row.goal,
    startDate: dayOf(row.startDate),
    endDate,
    owner: row.owner,
    colour: row.colour,
    status: row.status,
    progress: { ...progress, hiddenCards: hidden },
  };
}

/** A campaign's deliverables by team (by name), then by flow category in flow order, in board order within each. */
export function byTeamAndCategory(cards: readonly DeliverableRow[]): CampaignTeam[] {
  const sorted = [...cards].sort(
    (a, b) =>
      a.teamName.localeCompare(b.teamName) ||
      a.teamId.localeCompare(b.teamId) ||
      flowCategories.indexOf(a.flowCategory) - flowCategories.indexOf(b.flowCategory) ||
      a.position - b.position ||
      (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0),
  );
  const teams: CampaignTeam[] = [];
  for (const row of sorted) {
    const { campaignId: _campaign, teamName, position: _position, rank: _rank, ...card } = row;
    let team = teams.at(-1);
    if (team?.teamId !== row.teamId) teams.push((team = { teamId: row.teamId, teamName, groups: [] }));
    let group = team.groups.at(-1);
    if (group?.flowCategory !== row.flowCategory)
      team.groups.push((group = { flowCategory: row.flowCategory, cards: [] }));
    group.cards.push(card);
  }
  return teams;
}
