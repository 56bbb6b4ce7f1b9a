import { flowCategoryNames } from '@amb/shared/flow-category-names';
import type { CampaignDeliverable, CampaignTeam } from '@amb/shared/campaigns';
import { tableOf, type CsvColumn } from '../../lib/csv';

type Row = CampaignDeliverable & { teamName: string };

const yes = (b: boolean) => (b ? 'yes' : 'no');
const columns: CsvColumn<Row>[] = [
  { header: 'team', value: (r) => r.teamName },
  { header: 'flow category', value: (r) => flowCategoryNames[r.flowCategory] },
  { header: 'column', value: (r) => r.columnName },
  { header: 'card', value: (r) => r.title },
  { header: 'points', value: (r) => r.estimate },
  { header: 'due date', value: (r) => r.dueDate?.slice(0, 10) ?? null },
  { header: 'done', value: (r) => yes(r.done) },
  { header: 'blocked', value: (r) => yes(r.blocked) },
  { header: 'at risk', value: (r) => yes(r.atRisk) },
];

/** The campaign page's deliverables as a table for a CSV file: one row per card, in the order the page shows them. */
export function deliverablesTable(teams: readonly CampaignTeam[]) {
  const rows = teams.flatMap((team) =>
    team.groups.flatMap((g) => g.cards.map((card) => ({ ...card, teamName: team.teamName }))),
  );
  return tableOf(rows, columns);
}
