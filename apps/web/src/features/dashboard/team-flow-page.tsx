import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useParams, useSearchParams } from 'react-router';
import { forecastFormSchema, type Forecast, type ForecastForm } from '@amb/shared/portfolio';
import { ChartSection } from '../../components/chart-section';
import { AgingChart, CycleTimeScatter, FlowEfficiencyChart, ForecastHistogram, ThroughputBars } from './charts';
import CumulativeFlowSection from './cumulative-flow-section';
import {
  fetchForecast,
  useAgingWork,
  useCumulativeFlow,
  useCycleTime,
  useTeamFlow,
  useVisibleTeams,
  type Period,
} from './api';
import { periodSearch, readPeriod } from '../../lib/period-filters';
import { PeriodControls } from '../../components/period-controls';
import './dashboard.css';

/** One team's flow: cumulative flow, cycle time, throughput, aging work, flow efficiency and a forecast. */
export default function TeamFlowPage() {
  const { teamId = '' } = useParams();
  const [params] = useSearchParams();
  const period = readPeriod(params);
  const team = useVisibleTeams().data?.teams.find((t) => t.id === teamId);
  const name = team?.name ?? 'Team';
  const cfd = useCumulativeFlow(period, teamId);
  return (
    <section className="dashboard team-flow" aria-labelledby="team-flow-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={`/dashboard?${periodSearch(period)}`}>Portfolio</Link> <span aria-hidden="true">›</span> {name}
      </nav>
      <header className="dashboard-header">
        <h1 id="team-flow-title">{name}: flow</h1>
        <PeriodControls period={period} />
      </header>
      <p className="drill">
        <Link to={`/teams/${teamId}/board`}>Board</Link> <Link to={`/teams/${teamId}/sprint`}>Sprint</Link>{' '}
        <Link to={`/teams/${teamId}/calendar`}>Calendar</Link>{' '}
        <Link to={`/teams/${teamId}/board?blocked=1`}>Obstacles</Link>
      </p>
      <Loaded query={cfd} what="Cumulative flow">
        {(flow) => <CumulativeFlowSection flow={flow} scope={name} />}
      </Loaded>
      <CycleTime teamId={teamId} period={period} name={name} />
      <ThroughputAndEfficiency teamId={teamId} period={period} name={name} />
      <Aging teamId={teamId} tz={period.tz} name={name} />
      <ForecastPanel teamId={teamId} tz={period.tz} name={name} />
    </section>
  );
}

function Loaded<T>({
  query,
  what,
  children,
}: {
  query: { data?: T; error: Error | null };
  what: string;
  children: (data: T) => React.ReactNode;
}) {
  if (query.error)
    return (
      <p role="alert" className="form-error">
        {what} could not be loaded: {query.error.message}
      </p>
    );
  if (!query.data)
    return (
      <p className="page-loading" role="status">
        Loading {what.toLowerCase()}…
      </p>
    );
  return <>{children(query.data)}</>;
}

function CycleTime({ teamId, period, name }: { teamId: string; period: Period; name: string }) {
  return (
    <Loaded query={useCycleTime(teamId, period)} what="Cycle time">
      {(cycle) => (
        <ChartSection
          title={`Cycle time, ${name}, ${cycle.from} to ${cycle.to}`}
          summary={
            cycle.p85 === null
              ? 'Calendar days from start to finish of each card finished in the period.'
              : `Each dot is a card finished in the period. 50% of cards finished within ${cycle.p50} days, 85% within ${cycle.p85} days, 95% within ${cycle.p95} days.`
          }
          rows={cycle.points}
          columns={[
            { header: 'Card', value: (p) => p.title },
            { header: 'Finished on', value: (p) => p.finishedOn },
            { header: 'Cycle time (days)', value: (p) => p.days },
          ]}
          filename={`cycle-time-${slug(name)}-${cycle.from}-${cycle.to}.csv`}
          empty={cycle.points.length ? null : 'No card was finished in this period.'}
        >
          <CycleTimeScatter cycle={cycle} />
        </ChartSection>
      )}
    </Loaded>
  );
}

function ThroughputAndEfficiency({ teamId, period, name }: { teamId: string; period: Period; name: string }) {
  return (
    <Loaded query={useTeamFlow(teamId, period)} what="Throughput">
      {(flow) => (
        <div className="chart-pair">
          <ChartSection
            title={`Throughput per week, ${name}`}
            summary={`Cards finished each week (weeks start on Monday), ${flow.from} to ${flow.to}.`}
            rows={flow.throughput}
            columns={[
              { header: 'Week of', value: (w) => w.week },
              { header: 'Cards finished', value: (w) => w.cards },
            ]}
            filename={`throughput-${slug(name)}-${flow.from}-${flow.to}.csv`}
            empty={flow.throughput.some((w) => w.cards) ? null : 'No card was finished in this period.'}
          >
            <ThroughputBars flow={flow} />
          </ChartSection>
          <ChartSection
            title={`Flow efficiency, ${name}`}
            summary={
              flow.overallEfficiency === null
                ? 'Active time against waiting and blocked time of the cards finished each week.'
                : `Cards finished in the period were worked on ${Math.round(flow.overallEfficiency * 100)}% of their time in process; the rest they waited or were blocked.`
            }
            rows={flow.efficiency}
            columns={[
              { header: 'Week of', value: (w) => w.week },
              { header: 'Cards finished', value: (w) => w.cards },
              { header: 'Active (hours)', value: (w) => w.activeHours },
              { header: 'Waiting (hours)', value: (w) => w.waitingHours },
              { header: 'Blocked (hours)', value: (w) => w.blockedHours },
              {
                header: 'Flow efficiency (%)',
                value: (w) => (w.efficiency === null ? null : Math.round(w.efficiency * 100)),
              },
            ]}
            filename={`flow-efficiency-${slug(name)}-${flow.from}-${flow.to}.csv`}
            empty={flow.overallEfficiency === null ? 'No finished card spent time in process in this period.' : null}
          >
            <FlowEfficiencyChart flow={flow} />
          </ChartSection>
        </div>
      )}
    </Loaded>
  );
}

function Aging({ teamId, tz, name }: { teamId: string; tz: string; name: string }) {
  return (
    <Loaded query={useAgingWork(teamId, tz)} what="Aging work">
      {(aging) => {
        const stage = new Map(aging.stages.map((s) => [s.id, s.name]));
        return (
          <ChartSection
            title={`Aging work in progress, ${name}, today`}
            summary={
              aging.p85 === null
                ? 'Each open card in progress by its age; the team has no finished cards in the last 180 days to compare with.'
                : `Each open card in progress by its age. Bands: the team's cycle time over the last 180 days (${aging.historyCards} cards): 50% within ${aging.p50} days, 85% within ${aging.p85}, 95% within ${aging.p95}. A card above the 85% line is one to talk about.`
            }
            rows={aging.cards}
            columns={[
              { header: 'Card', value: (c) => c.title },
              { header: 'Stage', value: (c) => stage.get(c.stageId) ?? '' },
              { header: 'Age (days)', value: (c) => c.ageDays },
              { header: 'Blocked', value: (c) => (c.blocked ? 'yes' : 'no') },
            ]}
            filename={`aging-work-${slug(name)}.csv`}
            empty={aging.cards.length ? null : 'No card is in progress right now.'}
          >
            <AgingChart aging={aging} />
          </ChartSection>
        );
      }}
    </Loaded>
  );
}

function ForecastPanel({ teamId, tz, name }: { teamId: string; tz: string; name: string }) {
  const form = useForm<ForecastForm>({
    resolver: zodResolver(forecastFormSchema),
    defaultValues: { cards: 12, target: '', weeks: 8 },
  });
  const run = useMutation({
    mutationFn: (f: ForecastForm) =>
      fetchForecast(teamId, { cards: f.cards, weeks: f.weeks, target: f.target || undefined, tz }),
  });
  const errors = form.formState.errors;
  const result = run.data;
  return (
    <section className="chart-section forecast" aria-labelledby="forecast-title">
      <header className="chart-header">
        <h2 id="forecast-title">Forecast, {name}</h2>
      </header>
      <p className="muted chart-summary">
        A Monte Carlo simulation replays the team&apos;s daily throughput of recent weeks many times to say when a
        number of cards will be done, and how likely they are done by a date.
      </p>
      <form className="forecast-form" noValidate onSubmit={form.handleSubmit((f) => run.mutate(f))}>
        <label>
          Cards to finish
          <input
            type="number"
            min={1}
            max={1000}
            aria-invalid={Boolean(errors.cards)}
            {...form.register('cards', { valueAsNumber: true })}
          />
          {errors.cards && <span className="field-error">{errors.cards.message}</span>}
        </label>
        <label>
          Launch date (optional)
          <input type="date" aria-invalid={Boolean(errors.target)} {...form.register('target')} />
          {errors.target && <span className="field-error">{errors.target.message}</span>}
        </label>
        <label>
          Weeks of history
          <input
            type="number"
            min={1}
            max={52}
            aria-invalid={Boolean(errors.weeks)}
            {...form.register('weeks', { valueAsNumber: true })}
          />
          {errors.weeks && <span className="field-error">{errors.weeks.message}</span>}
        </label>
        <button type="submit" className="primary" disabled={run.isPending}>
          {run.isPending ? 'Running…' : 'Run forecast'}
        </button>
      </form>
      {run.error && (
        <p role="alert" className="form-error">
          The forecast could not be run: {run.error.message}
        </p>
      )}
      {result && <ForecastResult result={result} name={name} />}
    </section>
  );
}

function ForecastResult({ result, name }: { result: Forecast; name: string }) {
  const source = `${result.runs.toLocaleString()} runs drawing from the daily throughput of ${result.samplesFrom} to ${result.samplesTo} (${result.sampleCards} cards finished)`;
  if (!result.possible)
    return (
      <p role="status" className="forecast-answer">
        No card was finished from {result.samplesFrom} to {result.samplesTo}, so no date can be forecast. Choose more
        weeks of history.
      </p>
    );
  return (
    <div role="status" className="forecast-answer">
      {result.target && result.probabilityByTarget !== null && (
        <p className="forecast-headline">
          {Math.round(result.probabilityByTarget * 100)}% chance that {result.cards} cards are done by {result.target}.
          {result.howMany &&
            ` By then, at least ${result.howMany.p85} cards with 85% confidence (${result.howMany.p95} with 95%).`}
        </p>
      )}
      {result.when && (
        <p>
          {result.cards} cards done by <strong>{result.when.p50 ?? 'not within 10 years'}</strong> (50%),{' '}
          <strong>{result.when.p85 ?? 'not within 10 years'}</strong> (85%),{' '}
          <strong>{result.when.p95 ?? 'not within 10 years'}</strong> (95%).
        </p>
      )}
      <ChartSection
        title={`When ${result.cards} cards will be done, ${name}`}
        summary={`Simulated completion dates: ${source}; seed ${result.seed}.`}
        rows={result.histogram}
        columns={[
          { header: 'Done on', value: (h) => h.day },
          { header: 'Runs', value: (h) => h.runs },
        ]}
        filename={`forecast-${slug(name)}-${result.cards}-cards.csv`}
        empty={result.histogram.length ? null : 'No run finished within ten years.'}
      >
        <ForecastHistogram result={result} />
      </ChartSection>
    </div>
  );
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
