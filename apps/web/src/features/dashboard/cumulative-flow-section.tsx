import { Link } from 'react-router';
import type { CumulativeFlow } from '@amb/shared/portfolio';
import { ChartSection } from '../../components/chart-section';
import { CumulativeFlowChart } from './charts';

/** The cumulative flow diagram with its data table and CSV export, for one team or the whole organisation. */
export default function CumulativeFlowSection({ flow, scope }: { flow: CumulativeFlow; scope: string }) {
  const last = flow.days[flow.days.length - 1];
  const empty =
    !last || Object.values(last.counts).every((n) => n === 0)
      ? 'No card arrived on these boards up to the end of this period.'
      : null;
  return (
    <ChartSection
      title={`Cumulative flow, ${scope}, ${flow.from} to ${flow.to}`}
      summary={
        <>
          Cards that have reached each stage by the end of each day, each card counted once per stage. The gap between
          two edges is the work in that stage. The stages are the organisation’s{' '}
          <Link to="/dashboard/stages">portfolio stages</Link>.
        </>
      }
      rows={flow.days}
      columns={[
        { header: 'Day', value: (d) => d.day },
        ...flow.stages.map((s) => ({
          header: `${s.name} (cards)`,
          value: (d: (typeof flow.days)[number]) => d.counts[s.id] ?? 0,
        })),
      ]}
      filename={`cumulative-flow-${scope.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${flow.from}-${flow.to}.csv`}
      empty={empty}
    >
      <CumulativeFlowChart flow={flow} />
    </ChartSection>
  );
}
